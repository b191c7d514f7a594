// The scenario model and its file format: every validation rule with its message, the
// JSON round trip (values and unknown keys), and the loads of each scheme.
#include <QtTest>

#include <cmath>

#include "io/json_fwd.h"
#include "io/scenario_json.h"
#include "util/errors.h"

#include "test_model_data.h"

using namespace hgc;

namespace {

/// Parses `text` expecting an InputError; returns "path: reason".
QString errorOf(const std::string& text) {
    try {
        parseScenario(text);
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("(accepted)");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto pos = text.find(from);
    if (pos == std::string::npos) qFatal("test bug: '%s' not in the base document", from.c_str());
    return text.replace(pos, from.size(), to);
}

} // namespace

class TestModel : public QObject {
    Q_OBJECT
private slots:
    void parsesAllFields() {
        // The base document has a worker-level "failure" key at the wrong place: fix that first.
        Scenario s = parseScenario(replaced(kBase, R"(, "failure": 0.1 })", R"(, "note": "x" })"));
        QCOMPARE(s.name, std::string("t"));
        QCOMPARE(s.edges.size(), std::size_t(2));
        QCOMPARE(s.edges[0].position->y, 2.0);
        QVERIFY(!s.edges[1].position);
        QCOMPARE(s.edges[1].name, std::string("e2"));
        QCOMPARE(s.edges[1].workers[0].name, std::string("w2.1"));
        QCOMPARE(s.edges[0].workers[0].compute.straggleSlowdown, 5.0);
        QCOMPARE(s.edges[0].workers[0].compute.param("rate"), 0.1);
        QCOMPARE(s.edges[1].workers[2].compute.failureProbability, 0.01);
        QCOMPARE(s.edges[1].uplink, Distribution::deterministic(0.0)); // default uplink
        QCOMPARE(s.scheme, Scheme::hgc(1, 1));
        QCOMPARE(s.simulation.seed, std::uint64_t(7));
        QCOMPARE(s.edges[1].workers[1].unknown.at("note"), std::string("\"x\""));
    }

    void roundTripKeepsValuesAndUnknownKeys() {
        std::string text =
            replaced(kBase, R"(, "failure": 0.1 })", R"(, "colour": [1, {"a": null}] })");
        text = replaced(text, R"("name": "t",)", R"("name": "t", "author": {"who": "me"},)");
        text = replaced(text, R"("seed": 7)", R"("seed": 7, "engine": "fast")");
        Scenario s = parseScenario(text);
        s.edges[0].workers[1].compute.params[0] = 0.1 + 0.2; // a value that needs all 17 digits
        const std::string saved = serializeScenario(s);
        Scenario again = parseScenario(saved);
        QVERIFY(again == s);
        QCOMPARE(serializeScenario(again), saved);
        QVERIFY(saved.find("\"author\": {") != std::string::npos);
        QVERIFY(saved.find("\"colour\": [") != std::string::npos);
        QVERIFY(saved.find("\"engine\": \"fast\"") != std::string::npos);
    }

    void unknownKeysAtEveryLevelSurviveRoundTrips() {
        const Scenario s = parseScenario(kWithUnknownKeys);
        // Read into the right objects, verbatim.
        QCOMPARE(s.unknown.at("x-doc"), std::string(R"({"author":"me","tags":["b","a"]})"));
        QCOMPARE(s.edges[0].unknown.at("x-edge"), std::string("1"));
        QCOMPARE(s.edges[0].uplink.unknown.at("x-fitted-from"), std::string("\"trace.csv\""));
        QCOMPARE(s.edges[0].workers[0].unknown.at("x-worker"), std::string("null"));
        QCOMPARE(s.edges[0].workers[0].compute.unknown.at("x-samples"),
                 std::string(R"([1.5,2.25,{"z":true}])"));
        QCOMPARE(s.edges[0].workers[0].uplink.unknown.at("x-note"), std::string("\"wifi\""));
        QCOMPARE(s.edges[1].workers[0].compute.unknown.at("x-unit"), std::string("\"s\""));
        QCOMPARE(s.scheme.unknown.at("x-scheme"), std::string(R"({"by":"hand"})"));
        QCOMPARE(s.scheme.edges[0].unknown.at("x-edge-note"), std::string("3.5"));
        QCOMPARE(s.scheme.edges[1].unknown.at("x-first"), std::string("\"\""));
        QCOMPARE(s.simulation.unknown.at("x-sim"), std::string("-1"));
        // Known keys are not also kept as unknown ones.
        QCOMPARE(s.edges[0].workers[0].compute.unknown.size(), std::size_t(1));
        QCOMPARE(s.edges[1].workers[0].compute.unknown.size(), std::size_t(1));
        QVERIFY(s.edges[0].workers[1].compute.unknown.empty());
        QCOMPARE(s.scheme.unknown.size(), std::size_t(1));
        QCOMPARE(s.scheme.edges[0].unknown.size(), std::size_t(1));
        QCOMPARE(s.edges[1].workers[0].compute.failureProbability, 0.01);

        // Written back where they were, read here with the JSON library, not the loader.
        const std::string saved = serializeScenario(s);
        const Json j = Json::parse(saved);
        QCOMPARE(j["x-doc"]["tags"][1].get<std::string>(), std::string("a"));
        QCOMPARE(j["edges"][0]["x-edge"].get<int>(), 1);
        QCOMPARE(j["edges"][0]["uplink"]["x-fitted-from"].get<std::string>(),
                 std::string("trace.csv"));
        QVERIFY(j["edges"][0]["workers"][0]["x-worker"].is_null());
        QCOMPARE(j["edges"][0]["workers"][0]["compute"]["x-samples"][1].get<double>(), 2.25);
        QVERIFY(j["edges"][0]["workers"][0]["compute"]["x-samples"][2]["z"].get<bool>());
        QCOMPARE(j["edges"][0]["workers"][0]["uplink"]["x-note"].get<std::string>(),
                 std::string("wifi"));
        QCOMPARE(j["edges"][1]["workers"][0]["compute"]["x-unit"].get<std::string>(),
                 std::string("s"));
        QCOMPARE(j["scheme"]["x-scheme"]["by"].get<std::string>(), std::string("hand"));
        QCOMPARE(j["scheme"]["edges"][0]["x-edge-note"].get<double>(), 3.5);
        QCOMPARE(j["scheme"]["edges"][1]["x-first"].get<std::string>(), std::string());
        QCOMPARE(j["simulation"]["x-sim"].get<int>(), -1);
        // Known keys keep their values and come first.
        QCOMPARE(j["scheme"]["edges"][1].begin().key(), std::string("share"));
        QCOMPARE(j["edges"][0]["workers"][0]["uplink"].begin().key(), std::string("distribution"));

        // Load -> save is a fixed point from the first save on, and == sees the same scenario.
        const Scenario again = parseScenario(saved);
        QVERIFY(again == s);
        QCOMPARE(serializeScenario(again), saved);
        QCOMPARE(serializeScenario(parseScenario(serializeScenario(again))), saved);
    }

    void unknownKeysRideAlongValues() {
        // A distribution or scheme is its law or its numbers: kept keys travel with it but
        // do not make it a different one (the evaluator groups equal laws; the charts and the
        // training list recognise a file's hgc(1,1)). Edges and workers, which are document
        // objects, do count theirs.
        const Scenario s = parseScenario(kWithUnknownKeys);
        QVERIFY(!s.edges[0].uplink.unknown.empty());
        QCOMPARE(s.edges[0].uplink, Distribution::exponential(5));
        Scenario t = s;
        t.edges[0].workers[0].compute.unknown.clear();
        t.scheme.edges[1].unknown["x-first"] = "\"changed\"";
        t.scheme.unknown.clear();
        QVERIFY(t == s);
        t.scheme.edges[1].loads[0] *= 0.5; // a number does count
        QVERIFY(!(t == s));
        t = s;
        t.edges[0].workers[0].compute.params[1] += 1;
        QVERIFY(!(t == s));
        t = s;
        t.edges[0].unknown.clear();
        QVERIFY(!(t == s));
    }

    void unknownKeysOfOtherSchemeTypesAreKept() {
        // Keys another scheme type reads are unknown to this one and kept; this type's own
        // keys still come from the fields, so a kept key never overrides them.
        std::string text = replaced(kBase, R"(, "failure": 0.1 })", R"( })");
        text = replaced(text, R"("worker_stragglers": 1 })",
                        R"("worker_stragglers": 1, "stragglers": 4, "x": [] })");
        const Scenario s = parseScenario(text);
        QCOMPARE(s.scheme.unknown.at("stragglers"), std::string("4"));
        const std::string saved = serializeScenario(s);
        QCOMPARE(Json::parse(saved)["scheme"]["stragglers"].get<int>(), 4);
        QCOMPARE(serializeScenario(parseScenario(saved)), saved);
        Scenario gc = s;
        gc.scheme.type = SchemeType::Gc;
        gc.scheme.stragglers = 2;
        QCOMPARE(Json::parse(serializeScenario(gc))["scheme"]["stragglers"].get<int>(), 2);
    }

    void roundTripAllocationAndInactive() {
        Scenario s = makeUniformScenario(3, 2);
        s.edges[2].active = false;
        s.edges[0].workers[1].active = false;
        s.edges[1].position = Position{3.5, -1};
        Scheme a;
        a.type = SchemeType::Allocation;
        a.edgeStragglers = 1;
        a.edges = {{1.0, 0, {1.0, 0.5}}, {1.0, 1, {1.0, 1.0}}, {0.2, 0, {0.1, 0.1}}};
        s.scheme = a;
        Scenario again = parseScenario(serializeScenario(s));
        QVERIFY(again == s);
    }

    void fileSaveIsAtomicAndLoads() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("s.json").toStdString();
        Scenario s = makeUniformScenario(2, 2);
        saveScenarioFile(s, path);
        QVERIFY(loadScenarioFile(path) == s);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
        try {
            loadScenarioFile(dir.filePath("missing.json").toStdString());
            QFAIL("a missing file was accepted");
        } catch (const InputError& e) {
            QCOMPARE(QString(e.what()), QString("no such file"));
        }
    }

    void rejectsBadDocuments_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        for (const BadCase& c : badDocumentCases())
            QTest::newRow(c.name) << QString(c.from) << QString(c.to) << QString(c.message);
    }

    void rejectsBadDocuments() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        // The base has "failure" on the worker object by design of another test: move it to its
        // distribution.
        std::string base = replaced(kBase, R"(, "failure": 0.1 })", R"( })");
        const QString error = errorOf(replaced(base, from.toStdString(), to.toStdString()));
        QVERIFY2(error.startsWith(message), qPrintable("got: " + error));
    }

    void shareAboveOneIsRefused() {
        // 2 edges of 5 and 1 workers: s_e = 1 gives the big edge (1+1)*5/6 > 1.
        Scenario s = makeUniformScenario(2, 5);
        s.edges[1].workers.resize(1);
        s.scheme = Scheme::hgc(1, 0);
        try {
            validate(s);
            QFAIL("accepted");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.path()), QString("scheme.edge_stragglers"));
            QVERIFY(QString(e.what()).contains("share 1.66667"));
        }
    }

    void activeEdgeNeedsActiveWorker() {
        Scenario s = makeUniformScenario(2, 2);
        for (auto& w : s.edges[1].workers)
            w.active = false;
        try {
            validate(s);
            QFAIL("accepted");
        } catch (const InputError& e) {
            QCOMPARE(QString(e.what()),
                     QString("edges[1].workers: an active edge needs at least one active worker"));
        }
        s.edges[1].active = false; // the whole edge excluded: fine
        validate(s);
        QCOMPARE(s.activeEdgeCount(), 1);
    }

    void allocationRules_data() {
        QTest::addColumn<int>("rule");
        QTest::addColumn<QString>("message");
        QTest::newRow("count") << 0 << "scheme.edges: has 1 entries; the scenario has 2 edges";
        QTest::newRow("share") << 1 << "scheme.edges[1].share: must be in (0, 1] (got 1.5)";
        QTest::newRow("loads count")
            << 2 << "scheme.edges[0].loads: has 1 entries; the edge has 2 workers";
        QTest::newRow("load range")
            << 3 << "scheme.edges[0].loads[1]: must be in (0, share = 1] (got 0)";
        QTest::newRow("load sum")
            << 4 << "scheme.edges[0].loads: sum to 1.5 < (stragglers+1) x share = 2";
        QTest::newRow("share sum")
            << 5 << "scheme.edges: active shares sum to 1.5 < edge_stragglers+1 = 2";
        QTest::newRow("tolerance")
            << 6 << "scheme.edges[1].stragglers: 2 needs at least 3 active workers";
    }

    void allocationRules() {
        QFETCH(int, rule);
        QFETCH(QString, message);
        Scenario s = makeUniformScenario(2, 2);
        Scheme a;
        a.type = SchemeType::Allocation;
        a.edgeStragglers = 1;
        a.edges = {{1.0, 1, {1.0, 1.0}}, {1.0, 0, {0.5, 0.5}}};
        s.scheme = a;
        validate(s); // the unpatched allocation is valid
        auto& e = s.scheme.edges;
        switch (rule) {
        case 0:
            e.pop_back();
            break;
        case 1:
            e[1].share = 1.5;
            break;
        case 2:
            e[0].loads = {1.0};
            break;
        case 3:
            e[0].loads[1] = 0.0;
            break;
        case 4:
            e[0].loads[1] = 0.5;
            break;
        case 5:
            e[1].share = 0.5, e[1].loads = {0.25, 0.25};
            break;
        case 6:
            e[1].stragglers = 2;
            break;
        }
        try {
            validate(s);
            QFAIL("accepted");
        } catch (const InputError& err) {
            QVERIFY2(QString(err.what()).startsWith(message), err.what());
        }
    }

    void schemeLoads() {
        Scenario s = makeUniformScenario(3, 4); // W = 12
        s.edges[2].workers[3].active = false;   // W = 11
        s.scheme = Scheme::hgc(1, 2);
        ResolvedScheme r = resolve(s);
        QCOMPARE(r.workerCount, 11);
        QCOMPARE(r.masterWaitFor, 2);
        QCOMPARE(r.edges[2].workers.size(), std::size_t(3));
        QCOMPARE(r.edges[2].waitFor, 1);
        QCOMPARE(r.edges[0].loads[0], 6.0 / 11.0);
        QCOMPARE(r.edges[0].share, 8.0 / 11.0);
        QCOMPARE(r.maxLoad(), loadLowerBound(1, 2, 11));

        s.scheme = Scheme::uncoded();
        r = resolve(s);
        QCOMPARE(r.masterWaitFor, 3);
        QCOMPARE(r.edges[1].waitFor, 4);
        QCOMPARE(r.edges[1].loads[3], 1.0 / 11.0);

        s.scheme = Scheme::gc(3);
        r = resolve(s);
        QVERIFY(r.flat);
        QCOMPARE(r.masterWaitFor, 8);
        QCOMPARE(r.edges[0].loads[0], 4.0 / 11.0);
        QCOMPARE(r.edgeMessages(0), 4);

        s.edges[1].active = false; // an inactive edge takes its workers with it
        s.scheme = Scheme::hgc(0, 1);
        r = resolve(s);
        QCOMPARE(r.workerCount, 7);
        QCOMPARE(r.edges.size(), std::size_t(2));
        QCOMPARE(r.edges[1].edge, 2);
    }

    void distributionMoments() {
        // Closed forms of the mean and CDF, independent of the implementation's formulas.
        QCOMPARE(Distribution::shiftedExponential(2, 4).mean(), 2.25);
        QVERIFY(std::abs(Distribution::exponential(2).cdf(1.0) - (1 - std::exp(-2.0))) < 1e-15);
        QCOMPARE(Distribution::uniform(1, 3).cdf(1.5), 0.25);
        QCOMPARE(Distribution::pareto(2, 3).mean(), 3.0);
        QCOMPARE(Distribution::pareto(2, 3).cdf(4.0), 1 - 0.125);
        QVERIFY(std::isinf(Distribution::pareto(1, 1).mean()));
        QVERIFY(std::abs(Distribution::lognormal(0, 1).cdf(1.0) - 0.5) < 1e-15);
        QVERIFY(std::abs(Distribution::lognormal(1, 0.5).mean() - std::exp(1.125)) < 1e-12);
        // straggle: with probability 0.2 the time is 3x longer
        auto d = Distribution::deterministic(2).withStraggle(0.2, 3);
        QVERIFY(std::abs(d.mean() - (0.8 * 2 + 0.2 * 6)) < 1e-12);
        QCOMPARE(d.cdf(5.9), 0.8);
        QCOMPARE(d.cdf(6.0), 1.0);
        auto f = Distribution::exponential(1).withFailure(0.25);
        QVERIFY(std::isinf(f.mean()));
        QCOMPARE(f.finiteMean(), 1.0);
        QCOMPARE(f.cdf(std::numeric_limits<double>::infinity()), 0.75);
        // quantiles invert the CDF, lognormal included (inverse normal CDF)
        for (auto dist : {Distribution::lognormal(0.3, 0.7), Distribution::pareto(1, 2.5),
                          Distribution::shiftedExponential(1, 0.5)})
            for (double u : {1e-6, 0.01, 0.3, 0.5, 0.9, 0.999999})
                QVERIFY(std::abs(dist.baseCdf(dist.baseQuantile(u)) - u) < 1e-12);
        auto mix = Distribution::exponential(1).withStraggle(0.1, 10);
        const double q = mix.upperQuantile(1e-3);
        QVERIFY(std::abs(mix.cdf(q) - (1 - 1e-3)) < 1e-9);
    }
};

QTEST_APPLESS_MAIN(TestModel)
#include "test_model.moc"
