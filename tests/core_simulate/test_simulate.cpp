// Iteration traces: consistent with the model's order statistics, deterministic per seed,
// and their mean equals the closed form of exponential order statistics.
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "simulate/iteration_trace.h"

using namespace hgc;

namespace {

Scenario heterogeneous() {
    Scenario s = makeUniformScenario(4, 5);
    s.edges[1].workers.pop_back();
    s.edges[3].workers[2].active = false;
    for (std::size_t i = 0; i < s.edges.size(); ++i) {
        s.edges[i].uplink =
            Distribution::shiftedExponential(0.2 * (i + 1), 3).withFailure(i == 2 ? 0.1 : 0.0);
        for (std::size_t j = 0; j < s.edges[i].workers.size(); ++j)
            s.edges[i].workers[j].compute = Distribution::shiftedExponential(5 + j, 0.2)
                                                .withStraggle(0.2, 4)
                                                .withFailure(j == 0 ? 0.05 : 0);
    }
    return s;
}

double kthSmallest(std::vector<double> v, int k) {
    std::sort(v.begin(), v.end());
    return v[k - 1];
}

} // namespace

class TestSimulate : public QObject {
    Q_OBJECT
private slots:
    void twoLayerTraceIsConsistent() {
        Scenario s = heterogeneous();
        int failures = 0;
        // hgc(0, 1) waits for every edge, so edge 3's uplink failures fail the iteration.
        for (const Scheme& scheme : {Scheme::hgc(1, 1), Scheme::hgc(0, 1), Scheme::uncoded()})
            for (long long it = 0; it < 300; ++it) {
                const ResolvedScheme r = resolve(s, scheme);
                const IterationTrace t = traceIteration(s, r, 5, it);
                QCOMPARE(t.workers.size(), std::size_t(r.workerCount));
                std::vector<double> edgeTimes;
                std::size_t first = 0;
                for (std::size_t i = 0; i < r.edges.size(); ++i) {
                    const auto& e = t.edges[i];
                    std::vector<double> arrivals;
                    for (std::size_t k = 0; k < r.edges[i].workers.size(); ++k) {
                        const auto& w = t.workers[first + k];
                        QCOMPARE(w.edge, e.edge);
                        if (!w.failed) QVERIFY(w.arriveEdge >= w.computeDone);
                        arrivals.push_back(w.arriveEdge);
                    }
                    first += r.edges[i].workers.size();
                    QCOMPARE(e.done, kthSmallest(arrivals, r.edges[i].waitFor));
                    if (std::isfinite(e.done)) {
                        QCOMPARE(int(e.waitedWorkers.size()), r.edges[i].waitFor);
                        for (int j : e.waitedWorkers) {
                            auto w = std::find_if(t.workers.begin(), t.workers.end(),
                                                  [&](const WorkerTrace& x) {
                                                      return x.edge == e.edge && x.worker == j;
                                                  });
                            QVERIFY(w->waitedFor && w->arriveEdge <= e.done);
                        }
                    }
                    edgeTimes.push_back(e.arriveMaster);
                }
                QCOMPARE(t.time, kthSmallest(edgeTimes, r.masterWaitFor));
                if (t.failed) {
                    ++failures;
                    QVERIFY(t.waitedEdges.empty());
                } else {
                    QCOMPARE(int(t.waitedEdges.size()), r.masterWaitFor);
                    // One master-done event, at T; stragglers may still arrive after it.
                    auto done =
                        std::find_if(t.events.begin(), t.events.end(), [](const TraceEvent& e) {
                            return e.kind == TraceEventKind::MasterDone;
                        });
                    QVERIFY(done != t.events.end());
                    QCOMPARE(done->t, t.time);
                    QCOMPARE(std::count_if(t.events.begin(), t.events.end(),
                                           [](const TraceEvent& e) {
                                               return e.kind == TraceEventKind::MasterDone;
                                           }),
                             1L);
                }
                QVERIFY(std::is_sorted(
                    t.events.begin(), t.events.end(),
                    [](const TraceEvent& a, const TraceEvent& b) { return a.t < b.t; }));
            }
        QVERIFY(failures > 0); // the scenario's failure modifiers do show up
    }

    void flatTraceWaitsForWMinusS() {
        Scenario s = heterogeneous();
        s.scheme = Scheme::gc(3);
        const ResolvedScheme r = resolve(s);
        for (long long it = 0; it < 200; ++it) {
            const IterationTrace t = traceIteration(s, r, 9, it);
            std::vector<double> arrivals;
            int waited = 0;
            for (const auto& w : t.workers) {
                arrivals.push_back(w.arriveMaster);
                waited += w.waitedFor;
            }
            QCOMPARE(t.time, kthSmallest(arrivals, r.workerCount - 3));
            if (!t.failed) QCOMPARE(waited, r.workerCount - 3);
        }
    }

    void deterministicPerSeedAndSchemeIndependentDraws() {
        Scenario s = heterogeneous();
        const ResolvedScheme hgc = resolve(s, Scheme::hgc(1, 1));
        const ResolvedScheme uncoded = resolve(s, Scheme::uncoded());
        const IterationTrace a = traceIteration(s, hgc, 3, 17), b = traceIteration(s, hgc, 3, 17);
        QCOMPARE(a.time, b.time);
        QVERIFY(traceIteration(s, hgc, 4, 17).time != a.time ||
                traceIteration(s, hgc, 3, 18).time != a.time);
        // Same draws for both schemes: compute times scale with the load, nothing else moves.
        const IterationTrace u = traceIteration(s, uncoded, 3, 17);
        for (std::size_t k = 0; k < a.workers.size(); ++k) {
            QCOMPARE(a.workers[k].failed, u.workers[k].failed);
            if (a.workers[k].failed) continue;
            QVERIFY(std::abs(a.workers[k].computeDone / a.workers[k].load -
                             u.workers[k].computeDone / u.workers[k].load) <
                    1e-9 * a.workers[k].computeDone);
        }
    }

    void uplinkFailureKeepsTheComputeEnd() {
        // Deterministic compute times (value c_j, x3 when the straggle strikes): the raw draw
        // X_j is c_j or 3 c_j as the trace's straggle flag says, so a worker whose uplink fails
        // must still report l_j X_j as its compute end, with a compute-done event there. One
        // worker's compute fails instead: it never finishes computing.
        Scenario s = makeUniformScenario(2, 3);
        for (std::size_t i = 0; i < s.edges.size(); ++i)
            for (std::size_t j = 0; j < s.edges[i].workers.size(); ++j) {
                Worker& w = s.edges[i].workers[j];
                w.compute = Distribution::deterministic(4.0 + 3 * i + j).withStraggle(0.3, 3.0);
                w.uplink = Distribution::exponential(5.0).withFailure(0.4);
            }
        s.edges[1].workers[2].compute = s.edges[1].workers[2].compute.withFailure(0.5);
        s.edges[0].uplink = Distribution::deterministic(0.5).withFailure(0.5);
        int uplinkFailures = 0, computeFailures = 0;
        for (const Scheme& scheme : {Scheme::hgc(1, 1), Scheme::gc(2)}) {
            const ResolvedScheme r = resolve(s, scheme);
            for (long long it = 0; it < 200; ++it) {
                const IterationTrace t = traceIteration(s, r, 21, it);
                for (const WorkerTrace& w : t.workers) {
                    auto eventsOf = [&](TraceEventKind kind) {
                        std::vector<double> times;
                        for (const TraceEvent& e : t.events)
                            if (e.kind == kind && e.edge == w.edge && e.worker == w.worker)
                                times.push_back(e.t);
                        return times;
                    };
                    const auto computed = eventsOf(TraceEventKind::ComputeDone);
                    const auto arrived = eventsOf(TraceEventKind::ArriveEdge);
                    const auto failed = eventsOf(TraceEventKind::Failed);
                    QCOMPARE(failed.size(), std::size_t(w.failed ? 1 : 0));
                    if (!std::isfinite(w.computeDone)) { // the compute failed
                        ++computeFailures;
                        QVERIFY(w.failed);
                        QCOMPARE(w.edge * 10 + w.worker, 12);
                        QVERIFY(computed.empty() && arrived.empty());
                        continue;
                    }
                    const double x = (4.0 + 3 * w.edge + w.worker) * (w.straggled ? 3.0 : 1.0);
                    QCOMPARE(w.computeDone, w.load * x);
                    QCOMPARE(computed, std::vector<double>{w.computeDone});
                    if (w.failed) { // only the uplink failed: lost on the way
                        ++uplinkFailures;
                        QVERIFY(std::isinf(w.arriveEdge) && std::isinf(w.arriveMaster));
                        QVERIFY(arrived.empty());
                        QVERIFY(!w.waitedFor);
                    } else {
                        QCOMPARE(arrived, std::vector<double>{w.arriveEdge});
                    }
                }
                QVERIFY(std::is_sorted(
                    t.events.begin(), t.events.end(),
                    [](const TraceEvent& a, const TraceEvent& b) { return a.t < b.t; }));
            }
        }
        QVERIFY(uplinkFailures > 100 && computeFailures > 50);
    }

    void meanMatchesExponentialOrderStatistic() {
        // One edge, m = 6 Exp workers, deterministic zero uplinks, wait for k = 4:
        // E[T] = l * (H_6 - H_2) / rate with l = the hgc(0, 2) load 3/6.
        Scenario s = makeUniformScenario(1, 6);
        s.edges[0].uplink = Distribution::deterministic(0);
        for (auto& w : s.edges[0].workers) {
            w.compute = Distribution::exponential(2.0);
            w.uplink = Distribution::deterministic(0);
        }
        const ResolvedScheme r = resolve(s, Scheme::hgc(0, 2));
        const double exact = 0.5 * (1.0 / 3 + 1.0 / 4 + 1.0 / 5 + 1.0 / 6) / 2.0;
        const int n = 20000;
        double sum = 0, sum2 = 0;
        for (int it = 0; it < n; ++it) {
            const double t = traceIteration(s, r, 1, it).time;
            sum += t, sum2 += t * t;
        }
        const double mean = sum / n, se = std::sqrt((sum2 / n - mean * mean) / n);
        QVERIFY2(std::abs(mean - exact) < 4 * se,
                 qPrintable(QString("%1 vs %2 (se %3)").arg(mean).arg(exact).arg(se)));
    }
};

QTEST_APPLESS_MAIN(TestSimulate)
#include "test_simulate.moc"
