// Chart tables: what each chart's model holds, checked against the core evaluators and the
// closed forms, its CSV checked to be exactly the sweep's numbers, and every model checked
// by QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QTest>
#include <cmath>
#include <limits>

#include "analytic/sweep.h"
#include "charts/baselines.h"
#include "charts/chart_request.h"
#include "charts/chart_table_model.h"
#include "charts/csv_export.h"
#include "montecarlo/montecarlo.h"
#include "test_helpers.h"

namespace hgc::test {
namespace {

using namespace hgc::charts;

ChartTable compute(const Scenario& s, ChartKind kind, bool confidence = false) {
    ChartRequest r;
    r.optimiserSeconds = 2;
    r.kind = kind;
    r.confidenceBars = confidence;
    return computeChartTable(s, r);
}

/// The CSV's rows as maps from header to field.
std::vector<std::map<QString, QString>> csvRecords(const ChartTableModel& model) {
    const auto rows = parseCsv(toCsv(model));
    std::vector<std::map<QString, QString>> records;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        std::map<QString, QString> record;
        for (int c = 0; c < rows[0].size(); ++c)
            record[rows[0][c]] = rows[r].value(c);
        records.push_back(record);
    }
    return records;
}

class TableTests : public QObject {
    Q_OBJECT
private slots:
    void everyModelPassesTheModelTester() {
        const Scenario s = smallScenario();
        ChartTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (ChartKind kind : allChartKinds()) {
            model.setTable(compute(s, kind, kind == ChartKind::RuntimeVsTolerance));
            QVERIFY2(model.rowCount() > 0, qPrintable(chartKindName(kind)));
            QCOMPARE(model.columnCount(), model.table().columns.size());
            QVERIFY(!model.headerData(0, Qt::Horizontal).toString().isEmpty());
        }
    }

    void runtimeCsvIsTheSweepExactly_data() {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("small") << QString();
        QTest::newRow("flaky-edges (rows that can fail)") << QStringLiteral("flaky-edges");
    }
    void runtimeCsvIsTheSweepExactly() {
        QFETCH(QString, scenario);
        const Scenario s = scenario.isEmpty() ? smallScenario() : preset(scenario);
        const ChartTableModel model(compute(s, ChartKind::RuntimeVsTolerance));
        const SweepResult sweep = sweepHgc(s); // computed independently of the chart
        const auto records = csvRecords(model);
        std::size_t hgcRows = 0;
        for (const auto& rec : records) {
            const QString scheme = rec.at("scheme");
            if (scheme == "uncoded") {
                QCOMPARE(csvDouble(rec.at("expected_runtime")), sweep.uncoded.expectedRuntime);
                continue;
            }
            if (scheme != "hgc") continue;
            const int se = rec.at("edge_stragglers").toInt(),
                      sw = rec.at("worker_stragglers").toInt();
            const auto row =
                std::find_if(sweep.rows.begin(), sweep.rows.end(), [&](const SweepRow& r) {
                    return r.edgeStragglers == se && r.workerStragglers == sw;
                });
            QVERIFY(row != sweep.rows.end());
            ++hgcRows;
            // == on purpose: the CSV must hold the sweep's doubles, not rounded ones.
            QCOMPARE(csvDouble(rec.at("expected_runtime")) == row->evaluation.expectedRuntime,
                     true);
            QCOMPARE(csvDouble(rec.at("load_per_worker")) == row->loadPerWorker, true);
            QCOMPARE(csvDouble(rec.at("failure_probability")) == row->evaluation.failureProbability,
                     true);
            QCOMPARE(csvDouble(rec.at("p95")) == row->evaluation.quantiles.p95, true);
            const bool best = se == sweep.best.edgeStragglers && sw == sweep.best.workerStragglers;
            QCOMPARE(rec.at("optimal") == "yes", best);
        }
        QCOMPARE(hgcRows, sweep.rows.size());
        if (!scenario.isEmpty()) {
            bool anyInfinite = false;
            for (const auto& rec : records)
                anyInfinite = anyInfinite || std::isinf(csvDouble(rec.at("expected_runtime")));
            QVERIFY2(anyInfinite, "flaky-edges is expected to have tolerances that can fail");
        }
    }

    void confidenceBarsComeFromMonteCarlo() {
        const Scenario s = smallScenario();
        const ChartTableModel model(compute(s, ChartKind::RuntimeVsTolerance, true));
        MonteCarloOptions options;
        options.iterations = s.simulation.iterations;
        options.seed = s.simulation.seed;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.text(r, "scheme") != "hgc") continue;
            const Scheme scheme = Scheme::hgc(model.value(r, "edge_stragglers").toInt(),
                                              model.value(r, "worker_stragglers").toInt());
            const Evaluation mc = evaluateMonteCarlo(s, resolve(s, scheme), options);
            QCOMPARE(model.number(r, "mc_mean"), mc.conditionalRuntime);
            QCOMPARE(model.number(r, "mc_ci95_high") - model.number(r, "mc_mean"),
                     model.number(r, "mc_mean") - model.number(r, "mc_ci95_low"));
            // The analytic value lies in the 95% interval widened to 4 standard errors
            // (a chance failure of any of the rows is then below 1e-3).
            QVERIFY(std::abs(model.number(r, "expected_runtime") - mc.conditionalRuntime) <
                    4 * mc.standardError);
        }
    }

    void gcBaselineSearchFindsTheExhaustiveOptimum() {
        // 72 workers: above the exhaustive limit, so the coarse-to-fine search runs.
        Scenario s = makeUniformScenario(6, 12);
        s.edges[0].workers[0].compute = Distribution::shiftedExponential(30, 0.05);
        const AnalyticEvaluator evaluator(s, {1e-3});
        const GcBaseline found = bestGc(evaluator);
        QVERIFY(found.evaluated < 40);
        int best = 0;
        Evaluation bestEvaluation;
        for (int k = 0; k < s.activeWorkerCount(); ++k) {
            const Evaluation e = evaluator.evaluate(resolve(s, Scheme::gc(k)));
            if (k == 0 || betterEvaluation(e, bestEvaluation)) best = k, bestEvaluation = e;
        }
        QCOMPARE(found.stragglers, best);
    }

    void loadTableMeetsTheBoundAndCountsMessages() {
        const Scenario s = preset("default");
        const ChartTableModel model(compute(s, ChartKind::LoadTradeoff));
        const int n = s.activeEdgeCount(), w = s.activeWorkerCount();
        int hgcRows = 0, gcRows = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString scheme = model.text(r, "scheme");
            const double load = model.number(r, "load_per_worker");
            if (scheme == "hgc") {
                ++hgcRows;
                const int se = model.value(r, "edge_stragglers").toInt();
                const int sw = model.value(r, "worker_stragglers").toInt();
                const double bound = double((se + 1) * (sw + 1)) / w;
                QVERIFY(std::abs(model.number(r, "lower_bound") - bound) <= 1e-15);
                QVERIFY(std::abs(load - bound) <= 1e-15); // uniform hgc meets the bound
                QCOMPARE(model.number(r, "master_messages"), double(n - se));
            } else if (scheme == "gc") {
                const int k = model.value(r, "stragglers").toInt();
                QCOMPARE(k, gcRows++);
                QCOMPARE(model.number(r, "master_messages"), double(w - k));
                QVERIFY(std::abs(load - double(k + 1) / w) <= 1e-15);
            } else {
                QCOMPARE(scheme, QStringLiteral("uncoded"));
                QCOMPARE(model.number(r, "master_messages"), double(n));
            }
        }
        QCOMPARE(hgcRows, int(validHgcPairs(s).size()));
        QCOMPARE(gcRows, w);
    }

    void speedupIsUncodedOverEachScheme() {
        const Scenario s = smallScenario();
        const ChartTableModel model(compute(s, ChartKind::Speedup));
        const SweepResult sweep = sweepHgc(s);
        QCOMPARE(model.text(0, "family"), QStringLiteral("uncoded"));
        QCOMPARE(model.number(0, "speedup"), 1.0);
        QCOMPARE(model.text(2, "family"), QStringLiteral("best hgc"));
        QCOMPARE(model.number(2, "expected_runtime"), sweep.best.evaluation.expectedRuntime);
        QCOMPARE(model.number(2, "speedup"),
                 sweep.uncoded.expectedRuntime / sweep.best.evaluation.expectedRuntime);
        // The optimiser's families start from the best uniform hgc and never end worse.
        int optimised = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString family = model.text(r, "family");
            if (family != "selection" && family != "general") continue;
            ++optimised;
            QVERIFY2(model.number(r, "speedup") >= model.number(2, "speedup") * (1 - 1e-9),
                     qPrintable(family));
        }
        QCOMPARE(optimised, chartsHaveOptimiser() ? 2 : 0);
    }

    void iterationTimesAreTheSimulationsSamples() {
        const Scenario s = smallScenario();
        const ChartTableModel model(compute(s, ChartKind::IterationTimes));
        QCOMPARE(model.rowCount(), int(s.simulation.iterations));
        MonteCarloOptions options;
        options.iterations = s.simulation.iterations;
        options.seed = s.simulation.seed;
        std::vector<double> samples;
        options.samples = &samples;
        evaluateMonteCarlo(s, resolve(s), options);
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.number(r, "iteration"), double(r + 1));
            QCOMPARE(model.number(r, "time"), samples[r]);
        }
        QVERIFY(model.table().column("time_uncoded") >= 0);
    }

    void cdfIsADistributionWithTheRightMean() {
        const Scenario s = smallScenario();
        const ChartTableModel model(compute(s, ChartKind::Cdf));
        const AnalyticEvaluator evaluator(s);
        // Per scheme: non-decreasing in [0, 1], and E[T] = integral of (1 - F) matches the
        // evaluator's within the coarseness of the chart's curve.
        std::map<QString, std::vector<std::pair<double, double>>> curves;
        for (int r = 0; r < model.rowCount(); ++r)
            curves[model.text(r, "scheme")].push_back(
                {model.number(r, "time"), model.number(r, "cdf")});
        QVERIFY(curves.size() >= 3);
        QVERIFY(curves.count("uncoded"));
        for (const auto& [name, curve] : curves) {
            double integral = curve.front().first, previous = 0;
            for (std::size_t k = 0; k < curve.size(); ++k) {
                QVERIFY(curve[k].second >= previous - 1e-12 && curve[k].second <= 1 + 1e-12);
                previous = curve[k].second;
                if (k > 0)
                    integral += (curve[k].first - curve[k - 1].first) *
                                (1 - 0.5 * (curve[k].second + curve[k - 1].second));
            }
            if (name == "uncoded") {
                const double expected =
                    evaluator.evaluate(resolve(s, Scheme::uncoded())).expectedRuntime;
                QVERIFY2(std::abs(integral / expected - 1) < 0.01,
                         qPrintable(QString::number(integral)));
            }
        }
    }

    void csvWritesExactNumbersAndQuotesText() {
        ChartTable t;
        t.columns = {{"name", "Name"}, {"value", "Value"}, {"count", "Count"}};
        const double values[] = {
            0.1,      1.0 / 3.0,           1e-300,
            4.9e-324, 123456789.123456789, std::numeric_limits<double>::infinity()};
        for (double v : values)
            t.rows.push_back({QStringLiteral("a, \"b\""), v, 42});
        t.rows.push_back({QString(), QVariant(), QVariant()});
        const ChartTableModel model(t);
        const auto rows = parseCsv(toCsv(model));
        QCOMPARE(rows.size(), std::size(values) + 2);
        QCOMPARE(rows[0], (QStringList{"name", "value", "count"}));
        for (std::size_t i = 0; i < std::size(values); ++i) {
            QCOMPARE(rows[i + 1][0], QStringLiteral("a, \"b\""));
            QCOMPARE(csvDouble(rows[i + 1][1]) == values[i], true);
            QCOMPARE(rows[i + 1][2], QStringLiteral("42"));
        }
        QCOMPARE(rows.back(), (QStringList{"", "", ""}));
        // What the table shows is rounded for people; the raw role is exact.
        QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("0.333333"));
        QCOMPARE(model.data(model.index(1, 1), ChartTableModel::RawValueRole).toDouble(),
                 1.0 / 3.0);
    }

    void anEmptyScenarioIsAOneLineError() {
        Scenario s = smallScenario();
        for (auto& e : s.edges)
            e.active = false;
        s.scheme = Scheme::uncoded();
        for (ChartKind kind : allChartKinds()) {
            try {
                compute(s, kind);
                QFAIL("expected InputError");
            } catch (const InputError& e) {
                QVERIFY(!QString(e.what()).contains('\n'));
            }
        }
    }
};

} // namespace

int runTableTests(int argc, char** argv) {
    TableTests t;
    return QTest::qExec(&t, argc, argv);
}

} // namespace hgc::test

#include "test_tables.moc"
