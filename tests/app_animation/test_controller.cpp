// The playback controller without a screen: every state is the one the trace's events imply,
// seeking and stepping are lookups into the events, the waiting counts are the scheme's,
// the clocks stay apart, and the mean of played iterations is the mean of the traces.
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

#include "animation/playback_controller.h"
#include "animation_test_helpers.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

/// The state implied by replaying the events up to t, independently of computeState.
struct Replayed {
    std::set<std::pair<int, int>> computed, atEdge, atMaster;
    std::map<int, int> edgeArrivals;
    std::set<int> edgesDone, edgesAtMaster;
    bool masterDone = false;
};

Replayed replay(const IterationTrace& trace, double t) {
    Replayed r;
    for (const TraceEvent& e : trace.events) {
        if (e.t > t) break;
        switch (e.kind) {
        case TraceEventKind::ComputeDone:
            r.computed.insert({e.edge, e.worker});
            break;
        case TraceEventKind::ArriveEdge:
            r.atEdge.insert({e.edge, e.worker});
            ++r.edgeArrivals[e.edge];
            break;
        case TraceEventKind::EdgeDone:
            r.edgesDone.insert(e.edge);
            break;
        case TraceEventKind::ArriveMaster:
            if (e.worker >= 0)
                r.atMaster.insert({e.edge, e.worker});
            else
                r.edgesAtMaster.insert(e.edge);
            break;
        case TraceEventKind::MasterDone:
            r.masterDone = true;
            break;
        case TraceEventKind::Failed:
            break;
        }
    }
    return r;
}

void checkAgainstReplay(const ResolvedScheme& scheme, const IterationTrace& trace,
                        const IterationState& state, double t) {
    const Replayed r = replay(trace, t);
    QCOMPARE(state.master.complete, r.masterDone);
    for (std::size_t k = 0; k < trace.workers.size(); ++k) {
        const WorkerTrace& w = trace.workers[k];
        const WorkerState& ws = state.workers[k];
        const std::pair<int, int> id{w.edge, w.worker};
        if (w.failed) {
            // Crossed out once its compute-done event is past (a lost uplink), or from the
            // start when its compute fails (it has no such event).
            const bool computeFailed = !std::isfinite(w.computeDone);
            QCOMPARE(ws.phase == WorkerPhase::Failed, computeFailed || r.computed.count(id) > 0);
            if (ws.phase != WorkerPhase::Failed) QCOMPARE(ws.phase, WorkerPhase::Computing);
            continue;
        }
        QCOMPARE(ws.phase == WorkerPhase::Computing, !r.computed.count(id));
        QCOMPARE(ws.phase == WorkerPhase::ToEdge, r.computed.count(id) && !r.atEdge.count(id));
        if (scheme.flat)
            QCOMPARE(ws.phase == WorkerPhase::Arrived, bool(r.atMaster.count(id)));
        else
            QCOMPARE(ws.phase == WorkerPhase::Arrived, bool(r.atEdge.count(id)));
    }
    int masterArrivals = 0;
    for (std::size_t i = 0; i < trace.edges.size(); ++i) {
        const int edge = trace.edges[i].edge;
        const EdgeState& es = state.edges[i];
        QCOMPARE(es.arrived, r.edgeArrivals.count(edge) ? r.edgeArrivals.at(edge) : 0);
        if (!scheme.flat) {
            QCOMPARE(es.failed, trace.edges[i].uplinkFailed && r.edgesDone.count(edge) > 0);
            QCOMPARE(es.complete, bool(r.edgesDone.count(edge)));
            QCOMPARE(es.phase == EdgePhase::Arrived, bool(r.edgesAtMaster.count(edge)));
        }
    }
    masterArrivals = scheme.flat ? int(r.atMaster.size()) : int(r.edgesAtMaster.size());
    QCOMPARE(state.master.arrived, masterArrivals);
}

std::vector<double> distinctFiniteTimes(const std::vector<SchemeRun>& runs) {
    std::set<double> times;
    for (const SchemeRun& r : runs)
        for (const TraceEvent& e : r.trace.events)
            if (std::isfinite(e.t)) times.insert(e.t);
    return {times.begin(), times.end()};
}

} // namespace

class TestController : public QObject {
    Q_OBJECT
private slots:
    void comparisonsAreTracedOnTheSameDraws() {
        PlaybackController c;
        c.setScenario(test::stragglingScenario());
        QCOMPARE(int(c.runs().size()), 3); // hgc, uncoded, gc with the same load
        QCOMPARE(c.runs()[1].scheme.type, SchemeType::Uncoded);
        QCOMPARE(c.runs()[2].scheme.type, SchemeType::Gc);
        QCOMPARE(c.runs()[2].scheme.edgeTolerance, 3);
        for (const SchemeRun& r : c.runs()) {
            const IterationTrace t = traceIteration(c.scenario(), r.scheme, 11, 0);
            QCOMPARE(r.trace.time, t.time);
            QCOMPARE(r.trace.events.size(), t.events.size());
        }
        // Same draws: a worker's failure does not depend on the scheme.
        for (std::size_t k = 0; k < c.runs()[0].trace.workers.size(); ++k)
            QCOMPARE(c.runs()[0].trace.workers[k].failed, c.runs()[1].trace.workers[k].failed);
    }

    void seekingToEachEventGivesTheStateTheEventsImply() {
        PlaybackController c;
        c.setScenario(test::stragglingScenario());
        for (int it = 0; it < 40; ++it) {
            const SchemeRun& cur = c.current();
            for (const TraceEvent& e : cur.trace.events) {
                if (!std::isfinite(e.t) || e.t > c.endTime()) continue;
                c.seek(e.t);
                QCOMPARE(c.time(), e.t);
                checkAgainstReplay(cur.scheme, cur.trace, c.state(), e.t);
                // Just before the event: the event has not happened yet.
                const double before = std::nextafter(e.t, 0.0);
                checkAgainstReplay(cur.scheme, cur.trace, stateAt(cur.scheme, cur.trace, before),
                                   before);
            }
            // The comparison schemes, gc included (flat), through the pure function.
            for (std::size_t r = 1; r < c.runs().size(); ++r) {
                const SchemeRun& run = c.runs()[r];
                for (const TraceEvent& e : run.trace.events)
                    if (std::isfinite(e.t))
                        checkAgainstReplay(run.scheme, run.trace,
                                           stateAt(run.scheme, run.trace, e.t), e.t);
            }
            c.nextIteration();
        }
    }

    void stepsVisitExactlyTheEventTimesInOrder() {
        PlaybackController c;
        c.setScenario(test::stragglingScenario());
        for (int it = 0; it < 10; ++it) {
            std::vector<double> expected;
            for (double t : distinctFiniteTimes(c.runs()))
                if (t > 0.0 && t < c.endTime()) expected.push_back(t);
            expected.push_back(c.endTime());
            std::vector<double> visited;
            QVERIFY(c.time() == 0.0);
            for (std::size_t n = 0; n < expected.size() + 3 && !c.atEnd(); ++n) {
                c.stepForward();
                visited.push_back(c.time());
            }
            QCOMPARE(visited, expected);
            // And back, down to the start.
            std::vector<double> back;
            while (c.time() > 0.0 && back.size() < expected.size() + 3) {
                c.stepBack();
                back.push_back(c.time());
            }
            std::vector<double> expectedBack(expected.rbegin() + 1, expected.rend());
            expectedBack.push_back(0.0);
            QCOMPARE(back, expectedBack);
            c.nextIteration();
        }
    }

    void exactlyKiWorkersAndKeEdgesAreCounted() {
        PlaybackController c;
        c.setScenario(test::stragglingScenario());
        int complete = 0;
        for (int it = 0; it < 60; ++it) {
            const SchemeRun& cur = c.current();
            c.seek(c.endTime());
            const IterationState& s = c.state();
            std::size_t first = 0;
            int edgesCounted = 0;
            for (std::size_t i = 0; i < cur.trace.edges.size(); ++i) {
                const EdgeState& es = s.edges[i];
                const int m = es.workers;
                int counted = 0;
                for (int k = 0; k < m; ++k)
                    counted += s.workers[first + k].counted;
                first += m;
                QCOMPARE(es.needed, cur.scheme.edges[i].waitFor);
                if (es.complete) {
                    QCOMPARE(counted, es.needed);
                    ++complete;
                }
                edgesCounted += es.counted;
            }
            if (s.master.complete) QCOMPARE(edgesCounted, cur.scheme.masterWaitFor);
            QCOMPARE(s.master.complete, !cur.trace.failed);
            QCOMPARE(s.master.failed, cur.trace.failed);
            c.nextIteration();
        }
        QVERIFY(complete > 100);
    }

    void ignoredStragglersAreTheLateArrivals() {
        PlaybackController c;
        c.setScenario(test::stragglingScenario());
        int late = 0, onTime = 0;
        for (int it = 0; it < 60; ++it) {
            const SchemeRun& cur = c.current();
            const double t = 1e9; // long after everything: every finite arrival is in
            const IterationState s = stateAt(cur.scheme, cur.trace, t);
            std::size_t first = 0;
            for (std::size_t i = 0; i < cur.trace.edges.size(); ++i) {
                const EdgeTrace& e = cur.trace.edges[i];
                const int m = s.edges[i].workers;
                for (int k = 0; k < m; ++k) {
                    const WorkerTrace& w = cur.trace.workers[first + k];
                    const WorkerState& ws = s.workers[first + k];
                    if (w.failed || !std::isfinite(e.done)) continue;
                    if (w.arriveEdge > e.done) {
                        QVERIFY(ws.ignored && !ws.counted);
                        ++late;
                    } else if (w.arriveEdge < e.done) {
                        QVERIFY(ws.counted && !ws.ignored);
                        ++onTime;
                    }
                }
                first += m;
            }
            // Before the edge completes nobody is ignored by it.
            const IterationState early = stateAt(cur.scheme, cur.trace, 0.0);
            for (const WorkerState& ws : early.workers)
                QVERIFY(!ws.ignored);
            c.nextIteration();
        }
        QVERIFY(late > 50);
        QVERIFY(onTime > 200);
    }

    void meanOfPlayedIterationsIsTheMeanOfTheTraces() {
        PlaybackController c;
        c.setScenario(test::stragglingScenario(false));
        c.setSpeed(PlaybackController::kMaxSpeed);
        c.setRepeat(true);
        c.play();
        while (c.history().size() < 400)
            c.advance(0.05); // as timer ticks would
        c.pause();
        const IterationHistory& h = c.history();
        for (int r = 0; r < h.runCount(); ++r) {
            double sum = 0.0;
            for (int i = 0; i < h.size(); ++i) {
                QCOMPARE(h.indices()[i], (long long)i); // every iteration once, in order
                sum += traceIteration(c.scenario(), c.runs()[r].scheme, 11, i).time;
            }
            QVERIFY(std::abs(h.mean(r) - sum / h.size()) <= 1e-12 * sum);
        }
        // runIterations adds the same iterations without playing them.
        PlaybackController fast;
        fast.setScenario(test::stragglingScenario(false));
        fast.runIterations(h.size());
        QCOMPARE(fast.iteration(), (long long)h.size());
        QCOMPARE(fast.history().times(0), h.times(0));
    }

    void threeClocksStayApart() {
        PlaybackController c;
        c.setScenario(test::stragglingScenario(false));
        c.setSpeed(1.0);
        c.setRepeat(true);
        c.play();
        c.advance(0.05);
        QCOMPARE(c.animationTime(), 0.05);
        QCOMPARE(c.time(), 0.05); // speed 1: one simulated unit per wall second
        // A stall counts as at most a tenth of a second.
        c.advance(5.0);
        QCOMPARE(c.time(), 0.15);
        // At the end, simulated time rests while animation time runs through the hold.
        c.seek(c.endTime());
        c.play();
        c.advance(0.01);
        QCOMPARE(c.iteration(), 0LL);
        QCOMPARE(c.time(), c.endTime());
        const double anim = c.animationTime();
        for (int n = 0; n < 10; ++n)
            c.advance(0.05);
        QCOMPARE(c.iteration(), 0LL); // 0.5 s < kEndHold
        QCOMPARE(c.animationTime(), anim + 0.5);
        for (int n = 0; n < 3; ++n)
            c.advance(0.05);
        QCOMPARE(c.iteration(), 1LL);
        QCOMPARE(c.history().size(), 1);
        c.pause();
        // Without repeat, playback stops at the end.
        c.setRepeat(false);
        c.seek(c.endTime() - 0.01);
        c.play();
        c.advance(0.1);
        QVERIFY(!c.isPlaying());
        QCOMPARE(c.time(), c.endTime());
    }

    void speedIsAStoredSetting() {
        {
            PlaybackController c;
            QSignalSpy spy(&c, &PlaybackController::speedChanged);
            c.setSpeed(7.5);
            QCOMPARE(spy.count(), 1);
            c.setSpeed(1e9);
            QCOMPARE(c.speed(), PlaybackController::kMaxSpeed);
            c.setSpeed(7.5);
        }
        PlaybackController again;
        QCOMPARE(again.speed(), 7.5);
    }

    void anEditRestartsCleanly() {
        PlaybackController c;
        Scenario s = test::stragglingScenario();
        c.setScenario(s);
        c.runIterations(5);
        c.seek(c.endTime() / 2);
        c.play();
        // Moving or renaming a node does not change the traces: playback goes on.
        QSignalSpy layout(&c, &PlaybackController::layoutChanged);
        Scenario moved = s;
        moved.edges[0].position = Position{10, 20};
        moved.edges[1].workers[0].name = "renamed";
        c.setScenario(moved);
        QCOMPARE(layout.count(), 1);
        QVERIFY(c.isPlaying());
        QCOMPARE(c.iteration(), 5LL);
        QCOMPARE(c.scenario().edges[1].workers[0].name, std::string("renamed"));
        // A change of the model restarts at iteration 0 with an empty history.
        Scenario edited = moved;
        edited.edges[0].workers.pop_back();
        QSignalSpy reset(&c, &PlaybackController::scenarioChanged);
        c.setScenario(edited);
        QCOMPARE(reset.count(), 1);
        QVERIFY(!c.isPlaying());
        QCOMPARE(c.iteration(), 0LL);
        QCOMPARE(c.time(), 0.0);
        QCOMPARE(c.history().size(), 0);
        QCOMPARE(int(c.state().workers.size()), edited.activeWorkerCount());
        // A scheme that does not fit: nothing to play, a reason, and no crash on any control.
        Scenario bad = edited;
        bad.scheme = Scheme::hgc(9, 0);
        c.setScenario(bad);
        QVERIFY(!c.hasRuns());
        QVERIFY(!c.problem().isEmpty());
        c.play();
        c.stepForward();
        c.stepBack();
        c.nextIteration();
        c.seek(1.0);
        c.runIterations(3);
        QVERIFY(!c.isPlaying());
        c.setScenario(edited);
        QVERIFY(c.hasRuns());
        QVERIFY(c.problem().isEmpty());
    }
};

namespace hgc::test {
int runControllerTests(int argc, char** argv) {
    TestController t;
    return QTest::qExec(&t, argc, argv);
}
} // namespace hgc::test

#include "test_controller.moc"
