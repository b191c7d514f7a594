// The hgc sweep: one row per (s_e, s_w) that hgc::resolve accepts, each equal to a direct
// evaluation, the best by SPEC §6, progress and cancellation.
#include <QtTest>

#include <atomic>
#include <cmath>

#include "analytic/sweep.h"
#include "scenario_builders.h"
#include "util/errors.h"

using namespace hgc;
using namespace hgc::test;

namespace {

/// Uneven edges (3, 5 and 4 workers) with heterogeneous delays: the share condition
/// (s_e+1) m_i / W <= 1 cuts s_e, min m_i cuts s_w.
Scenario unevenScenario() {
    Scenario sc = makeScenario(
        {makeEdge(3, Distribution::shiftedExponential(2, 1), Distribution::deterministic(0.1),
                  Distribution::shiftedExponential(0.2, 5)),
         makeEdge(5, Distribution::shiftedExponential(1, 0.5), Distribution::exponential(10),
                  Distribution::deterministic(0.3)),
         makeEdge(4, Distribution::uniform(1, 3), Distribution::deterministic(0.05),
                  Distribution::exponential(4))});
    sc.edges[1].workers[2].compute = Distribution::lognormal(0.5, 0.4);
    return sc;
}

int countAcceptedByResolve(const Scenario& sc) {
    int accepted = 0;
    for (int se = 0; se < 10; ++se)
        for (int sw = 0; sw < 10; ++sw) {
            try {
                resolve(sc, Scheme::hgc(se, sw));
                ++accepted;
            } catch (const InputError&) {
            }
        }
    return accepted;
}

} // namespace

class TestAnalyticSweep : public QObject {
    Q_OBJECT
private slots:
    void rowsAreTheValidPairs() {
        const Scenario sc = unevenScenario();
        const SweepResult r = sweepHgc(sc);
        // W = 12, max m_i = 5: (s_e+1) 5 <= 12 allows s_e = 0, 1; min m_i = 3: s_w = 0..2.
        QCOMPARE(static_cast<int>(r.rows.size()), 6);
        QCOMPARE(static_cast<int>(r.rows.size()), countAcceptedByResolve(sc));
        for (const auto& row : r.rows) {
            const ResolvedScheme scheme =
                resolve(sc, Scheme::hgc(row.edgeStragglers, row.workerStragglers));
            QCOMPARE(row.loadPerWorker, scheme.maxLoad());
            QCOMPARE(row.evaluation.expectedRuntime, evaluateAnalytic(sc, scheme).expectedRuntime);
        }
        QCOMPARE(r.uncoded.expectedRuntime,
                 evaluateAnalytic(sc, resolve(sc, Scheme::uncoded())).expectedRuntime);
    }

    void inactiveNodesAreLeftOut() {
        // An inactive worker shrinks its edge; an edge whose workers are all inactive is out.
        Scenario sc = unevenScenario();
        sc.edges[1].workers[0].active = false;
        sc.edges.push_back(makeEdge(2, Distribution::exponential(1), Distribution::deterministic(0),
                                    Distribution::deterministic(0)));
        for (auto& w : sc.edges.back().workers)
            w.active = false;
        const SweepResult r = sweepHgc(sc);
        QCOMPARE(static_cast<int>(r.rows.size()), countAcceptedByResolve(sc));
        QVERIFY(!r.rows.empty());
        QVERIFY_THROWS_EXCEPTION(InputError, sweepHgc(makeScenario({})));
    }

    void bestIsTheMinimum() {
        const SweepResult r = sweepHgc(unevenScenario());
        for (const auto& row : r.rows)
            QVERIFY(r.best.evaluation.expectedRuntime <= row.evaluation.expectedRuntime);
        QVERIFY(std::any_of(r.rows.begin(), r.rows.end(), [&](const SweepRow& row) {
            return row.edgeStragglers == r.best.edgeStragglers &&
                   row.workerStragglers == r.best.workerStragglers;
        }));
    }

    void whenEveryRowFailsTheLowestFailureWins() {
        // Failing workers: every hgc row has P(T = inf) > 0; more tolerance fails less.
        Scenario sc = makeScenario(
            {makeEdge(4, Distribution::exponential(1).withFailure(0.2),
                      Distribution::deterministic(0), Distribution::deterministic(0)),
             makeEdge(4, Distribution::exponential(1).withFailure(0.2),
                      Distribution::deterministic(0), Distribution::deterministic(0))});
        const SweepResult r = sweepHgc(sc);
        for (const auto& row : r.rows) {
            QVERIFY(row.evaluation.failureProbability > 0);
            QVERIFY(r.best.evaluation.failureProbability <= row.evaluation.failureProbability);
        }
        QCOMPARE(r.best.edgeStragglers, 1);
        QCOMPARE(r.best.workerStragglers, 3);
    }

    void bestRowPrefersFiniteRuntime() {
        std::vector<SweepRow> rows(3);
        rows[0].evaluation.expectedRuntime = INFINITY;
        rows[0].evaluation.failureProbability = 0.01;
        rows[1].evaluation.expectedRuntime = 5.0;
        rows[1].evaluation.failureProbability = 0.0;
        rows[2].evaluation.expectedRuntime = 4.0;
        rows[2].evaluation.failureProbability = 0.0;
        QCOMPARE(&bestRow(rows), &rows[2]);
        rows[2].evaluation.expectedRuntime = INFINITY;
        rows[2].evaluation.failureProbability = 0.001;
        QCOMPARE(&bestRow(rows), &rows[1]);
    }

    void reportsProgressAndCancels() {
        const Scenario sc = makeUniformScenario(4, 6);
        std::atomic<int> reports{0};
        std::atomic<double> last{0.0};
        Progress progress;
        progress.report = [&](double f) {
            ++reports;
            last = std::max(last.load(), f);
        };
        const SweepResult r = sweepHgc(sc, {}, progress);
        QCOMPARE(reports.load(), static_cast<int>(r.rows.size()) + 1);
        QCOMPARE(last.load(), 1.0);

        std::atomic<bool> cancel{true};
        Progress cancelled;
        cancelled.cancel = &cancel;
        QVERIFY_THROWS_EXCEPTION(Cancelled, sweepHgc(sc, {}, cancelled));
    }
};

QTEST_APPLESS_MAIN(TestAnalyticSweep)
#include "test_analytic_sweep.moc"
