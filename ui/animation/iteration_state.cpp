#include "animation/iteration_state.h"

#include <algorithm>
#include <cmath>

namespace hgc::ui {
namespace {

float fraction(double t, double from, double to) {
    if (!(to > from)) return 1.0f;
    return static_cast<float>(std::clamp((t - from) / (to - from), 0.0, 1.0));
}

bool before(const TraceEvent& e, double t) {
    return e.t < t;
}

} // namespace

void computeState(const ResolvedScheme& scheme, const IterationTrace& trace, double t,
                  IterationState& out) {
    out.t = t;
    out.workers.resize(trace.workers.size());
    out.edges.resize(trace.edges.size());
    MasterState& master = out.master;
    master = MasterState{};
    master.needed = scheme.masterWaitFor;
    master.sources = scheme.flat ? scheme.workerCount : static_cast<int>(trace.edges.size());
    master.complete = !trace.failed && t >= trace.time;
    master.failed = trace.failed && t >= playbackEnd(trace);

    std::size_t first = 0;
    for (std::size_t i = 0; i < trace.edges.size(); ++i) {
        const EdgeTrace& et = trace.edges[i];
        const std::size_t count = scheme.edges[i].workers.size();
        EdgeState& es = out.edges[i];
        es = EdgeState{};
        es.workers = static_cast<int>(count);
        es.needed = et.needed;
        es.complete = !scheme.flat && t >= et.done;
        for (std::size_t k = first; k < first + count; ++k) {
            const WorkerTrace& wt = trace.workers[k];
            WorkerState& ws = out.workers[k];
            ws = WorkerState{};
            // A failed uplink shows when the message would be sent; a failed compute
            // (computeDone = +inf) never gets there and shows from the start.
            if (wt.failed && (!std::isfinite(wt.computeDone) || t >= wt.computeDone)) {
                ws.phase = WorkerPhase::Failed;
            } else if (t < wt.computeDone) {
                ws.phase = WorkerPhase::Computing;
                ws.progress = fraction(t, 0.0, wt.computeDone);
            } else if (t < wt.arriveEdge) {
                ws.phase = WorkerPhase::ToEdge;
                ws.progress = fraction(t, wt.computeDone, wt.arriveEdge);
            } else if (scheme.flat && t < wt.arriveMaster) {
                ws.phase = WorkerPhase::ToMaster;
                ws.progress = fraction(t, wt.arriveEdge, wt.arriveMaster);
            } else {
                ws.phase = WorkerPhase::Arrived;
            }
            if (!wt.failed && t >= wt.arriveEdge) ++es.arrived;
            if (scheme.flat) {
                const bool atMaster = ws.phase == WorkerPhase::Arrived;
                if (atMaster) ++master.arrived;
                ws.counted = atMaster && wt.waitedFor;
                ws.ignored = !wt.waitedFor && master.complete;
            } else {
                ws.counted = ws.phase == WorkerPhase::Arrived && wt.waitedFor;
                ws.ignored = !wt.waitedFor && (es.complete || master.complete);
            }
        }
        es.failed = et.uplinkFailed && (scheme.flat ? es.arrived > 0 : es.complete);
        if (!scheme.flat && es.complete) {
            if (et.uplinkFailed) {
                es.phase = EdgePhase::Lost;
            } else if (t < et.arriveMaster) {
                es.phase = EdgePhase::ToMaster;
                es.progress = fraction(t, et.done, et.arriveMaster);
            } else {
                es.phase = EdgePhase::Arrived;
                ++master.arrived;
                es.counted = et.waitedFor;
            }
        }
        es.ignored = !scheme.flat && !et.waitedFor && master.complete;
        first += count;
    }
}

IterationState stateAt(const ResolvedScheme& scheme, const IterationTrace& trace, double t) {
    IterationState state;
    computeState(scheme, trace, t, state);
    return state;
}

std::size_t eventsUpTo(const IterationTrace& trace, double t) {
    const auto it = std::upper_bound(trace.events.begin(), trace.events.end(), t,
                                     [](double v, const TraceEvent& e) { return v < e.t; });
    return static_cast<std::size_t>(it - trace.events.begin());
}

std::optional<double> nextEventTime(const IterationTrace& trace, double t) {
    const std::size_t i = eventsUpTo(trace, t);
    if (i < trace.events.size() && std::isfinite(trace.events[i].t)) return trace.events[i].t;
    return std::nullopt;
}

std::optional<double> previousEventTime(const IterationTrace& trace, double t) {
    const auto it = std::lower_bound(trace.events.begin(), trace.events.end(), t, before);
    if (it == trace.events.begin()) return std::nullopt;
    return std::prev(it)->t;
}

double playbackEnd(const IterationTrace& trace) {
    if (std::isfinite(trace.time)) return trace.time;
    // Failures sit at the end of the sorted events, at +inf.
    for (auto it = trace.events.rbegin(); it != trace.events.rend(); ++it)
        if (std::isfinite(it->t)) return it->t;
    return 0.0;
}

} // namespace hgc::ui
