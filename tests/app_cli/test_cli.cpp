// The `hgc` contract of SPEC §8, end to end through the built binary: JSON keys, exit codes,
// and one-line refusals of bad input.
#include <QtTest>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run hgc(const QStringList& args) {
    QProcess p;
    p.start(HGC_CLI_PATH, args);
    p.waitForFinished(600000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString preset(const QString& name) {
    return QString(HGC_SOURCE_DIR "/resources/scenarios/") + name;
}

QJsonObject json(const Run& r) {
    QJsonParseError error;
    auto doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError) qWarning() << "not JSON:" << r.out.left(300);
    return doc.object();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void evaluateBothAgree() {
        const Run r = hgc({"evaluate", preset("default.json"), "--method", "both", "--iterations",
                           "40000", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        for (auto key : {"expected_runtime", "quantiles", "failure_probability", "load_per_worker",
                         "master_messages", "montecarlo"})
            QVERIFY2(o.contains(key), key);
        const double exact = o["expected_runtime"].toDouble();
        const QJsonObject mc = o["montecarlo"].toObject();
        QVERIFY(exact > 0);
        QVERIFY2(std::abs(mc["mean"].toDouble() - exact) < 4 * mc["stderr"].toDouble(),
                 r.out.constData());
        QCOMPARE(mc["iterations"].toInt(), 40000);
        QVERIFY(o["quantiles"].toObject()["p95"].toDouble() >
                o["quantiles"].toObject()["p50"].toDouble());
        // hgc (1, 1) on 26 workers: load (1+1)(1+1)/26, the master waits for 3 of 4 edges.
        QCOMPARE(o["load_per_worker"].toDouble(), 4.0 / 26.0);
        QCOMPARE(o["master_messages"].toInt(), 3);
    }

    void sweepRowsAndBest() {
        QTemporaryDir dir;
        const QString csv = dir.filePath("sweep.csv");
        const Run r = hgc({"sweep", preset("default.json"), "--json", "--csv", csv});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        const QJsonArray rows = o["rows"].toArray();
        QVERIFY(rows.size() > 4);
        double best = 1e300;
        for (const auto& row : rows)
            best = std::min(best, row.toObject()["expected_runtime"].toDouble(1e300));
        QCOMPARE(o["best"].toObject()["expected_runtime"].toDouble(), best);
        QVERIFY(o["uncoded"].toObject()["expected_runtime"].toDouble() > best);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), rows.size() + 1);
        // CSV numbers are the JSON numbers, not re-rounded.
        const QList<QByteArray> first = lines[1].split(',');
        QCOMPARE(first[3].toDouble(), rows[0].toObject()["expected_runtime"].toDouble());
    }

    void badInputIsOneLineAndExitTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file")
            << QStringList{"evaluate", "/nonexistent.json"} << "/nonexistent.json: no such file";
        QTest::newRow("no file") << QStringList{"evaluate"} << "the scenario FILE is missing";
        QTest::newRow("unknown command")
            << QStringList{"frobnicate"} << "unknown command 'frobnicate'";
        QTest::newRow("unknown option")
            << QStringList{"evaluate", preset("default.json"), "--fast"} << "unknown option --fast";
        QTest::newRow("bad method")
            << QStringList{"evaluate", preset("default.json"), "--method", "guess"}
            << "--method must be one of analytic, montecarlo, both";
        QTest::newRow("bad iterations")
            << QStringList{"evaluate", preset("default.json"), "--iterations", "-5"}
            << "--iterations must be between 1 and";
        QTest::newRow("directory") << QStringList{"sweep", HGC_SOURCE_DIR} << "is a directory";
    }

    void badInputIsOneLineAndExitTwo() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = hgc(args);
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(!err.contains('\n'), qPrintable(err));
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }

    void badScenarioFilesAreRefused() {
        QTemporaryDir dir;
        QFile in(preset("default.json"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray good = in.readAll();
        auto write = [&](const QString& name, const QByteArray& content) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(content);
            return f.fileName();
        };
        struct Case {
            QByteArray from, to;
            QString message;
        };
        const QList<Case> cases = {
            {"\"rate\": 4.0", "\"rate\": -1", "edges[0].uplink.rate: must be > 0"},
            {"\"edge_stragglers\": 1", "\"edge_stragglers\": 4",
             "scheme.edge_stragglers: 4 needs at least 5 active edges"},
            {"\"worker_stragglers\": 1", "\"worker_stragglers\": 5",
             "scheme.worker_stragglers: 5 needs at least 6 active workers at every active edge"},
            {"\"version\": 1", "\"version\": 9",
             "version: 9 is newer than this program understands"},
            {"{", "[", "not valid JSON"},
        };
        for (const auto& c : cases) {
            QByteArray bad = good;
            const int at = bad.indexOf(c.from);
            QVERIFY2(at >= 0, c.from.constData());
            bad.replace(at, c.from.size(), c.to);
            const QString file = write("bad.json", bad);
            for (const char* command : {"evaluate", "sweep", "simulate"}) {
                const Run r = hgc({command, file});
                QCOMPARE(r.exitCode, 2);
                const QString err = QString::fromUtf8(r.err).trimmed();
                QVERIFY2(err.contains(file + ": " + c.message) && !err.contains('\n'),
                         qPrintable(err));
            }
        }
    }

    void presetsAllEvaluate() {
        const QStringList names =
            QDir(QStringLiteral(HGC_SOURCE_DIR "/resources/scenarios")).entryList({"*.json"});
        QVERIFY(names.size() >= 7);
        for (const QString& name : names) {
            const Run r = hgc({"evaluate", preset(name), "--json"});
            QVERIFY2(r.exitCode == 0, qPrintable(name + QString(": ") + r.err));
            QVERIFY(json(r)["expected_runtime"].toDouble() > 0);
        }
    }

    void slowBackhaulPresetTeachesNonIidData() {
        // What the preset's description promises: with data sorted by label, ignoring the
        // always-late edge loses its classes; the exact code does not care how data is laid out.
        auto finalAccuracy = [this](const QString& partition, const QString& id) {
            const Run r = hgc({"train", preset("slow-backhaul.json"), "--partition", partition,
                               "--iterations", "60", "--schemes", "hgc,ignore", "--json"});
            const QJsonArray records = json(r)["schemes"].toObject()[id].toArray();
            return records.isEmpty() ? -1.0 : records.last()["accuracy"].toDouble();
        };
        const double hgcSorted = finalAccuracy("by-label", "hgc:1:1");
        QVERIFY(hgcSorted > 0.8);
        QCOMPARE(finalAccuracy("iid", "hgc:1:1"), hgcSorted);
        QVERIFY(finalAccuracy("by-label", "ignore-stragglers") < hgcSorted - 0.05);
        QVERIFY(std::abs(finalAccuracy("iid", "ignore-stragglers") - hgcSorted) < 0.02);
    }

    void simulateTraceContract() {
        QTemporaryDir dir;
        const QString trace = dir.filePath("trace.json");
        const Run r = hgc({"simulate", preset("default.json"), "--iterations", "3", "--seed", "4",
                           "--trace", trace});
        QCOMPARE(r.exitCode, 0);
        QFile f(trace);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray its =
            QJsonDocument::fromJson(f.readAll()).object()["iterations"].toArray();
        QCOMPARE(its.size(), 3);
        QSet<QString> kinds;
        for (const auto& it : its) {
            const QJsonObject o = it.toObject();
            QVERIFY(o["time"].toDouble() > 0);
            QCOMPARE(o["waited_edges"].toArray().size(), 3);
            for (const auto& e : o["events"].toArray())
                kinds.insert(e.toObject()["kind"].toString());
        }
        for (auto k : {"compute-done", "arrive-edge", "edge-done", "arrive-master", "master-done"})
            QVERIFY2(kinds.contains(k), k);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
