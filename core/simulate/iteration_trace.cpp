#include "simulate/iteration_trace.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace hgc {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Streams of the trace generator are offset from the Monte Carlo evaluator's block streams
// so that the two never share draws by accident.
constexpr std::uint64_t kTraceStreamOffset = 0x7472616365000000ULL; // "trace"

/// Indices of the `k` smallest values (ties broken by index, so the choice is stable).
std::vector<int> fastest(const std::vector<double>& times, int k) {
    std::vector<int> order(times.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return times[a] < times[b]; });
    order.resize(std::min<std::size_t>(k, order.size()));
    return order;
}

} // namespace

std::string_view traceEventKindName(TraceEventKind kind) {
    switch (kind) {
    case TraceEventKind::ComputeDone:
        return "compute-done";
    case TraceEventKind::ArriveEdge:
        return "arrive-edge";
    case TraceEventKind::EdgeDone:
        return "edge-done";
    case TraceEventKind::ArriveMaster:
        return "arrive-master";
    case TraceEventKind::MasterDone:
        return "master-done";
    case TraceEventKind::Failed:
        return "failed";
    }
    return "";
}

IterationTrace traceIteration(const Scenario& scenario, const ResolvedScheme& scheme,
                              std::uint64_t seed, long long index) {
    Rng rng(seed, kTraceStreamOffset + static_cast<std::uint64_t>(index));
    IterationTrace trace;
    trace.index = index;

    // Draw every active node's raw delays in file order first; the scheme only scales them.
    for (const ResolvedEdge& re : scheme.edges) {
        const Edge& edge = scenario.edges[re.edge];
        EdgeTrace et;
        et.edge = re.edge;
        const DelaySample up = edge.uplink.sampleWithCause(rng);
        et.uplinkFailed = up.failed;
        et.uplinkStraggled = up.straggled;
        et.arriveMaster = up.value; // V_i for now; A_i is added below
        for (std::size_t k = 0; k < re.workers.size(); ++k) {
            const Worker& w = edge.workers[re.workers[k]];
            const DelaySample x = w.compute.sampleWithCause(rng);
            const DelaySample u = w.uplink.sampleWithCause(rng);
            WorkerTrace wt;
            wt.edge = re.edge;
            wt.worker = re.workers[k];
            wt.load = re.loads[k];
            wt.straggled = x.straggled;
            wt.failed = x.failed || u.failed;
            wt.computeDone = x.failed ? kInf : re.loads[k] * x.value;
            wt.arriveEdge = wt.failed ? kInf : wt.computeDone + u.value;
            wt.arriveMaster = wt.arriveEdge + up.value;
            trace.workers.push_back(wt);
        }
        trace.edges.push_back(et);
    }

    auto& events = trace.events;
    auto add = [&](double t, TraceEventKind kind, int edge, int worker) {
        if (std::isfinite(t)) events.push_back({t, kind, edge, worker});
    };
    for (const auto& w : trace.workers) {
        // add() skips infinite times: a failed compute has no compute-done event.
        add(w.computeDone, TraceEventKind::ComputeDone, w.edge, w.worker);
        if (w.failed) {
            events.push_back({kInf, TraceEventKind::Failed, w.edge, w.worker});
            continue;
        }
        add(w.arriveEdge, TraceEventKind::ArriveEdge, w.edge, w.worker);
    }

    if (scheme.flat) {
        // gc: edges relay every message; the master takes the W - s earliest.
        std::vector<double> arrivals;
        for (const auto& w : trace.workers)
            arrivals.push_back(w.arriveMaster);
        for (const auto& w : trace.workers)
            add(w.arriveMaster, TraceEventKind::ArriveMaster, w.edge, w.worker);
        const auto used = fastest(arrivals, scheme.masterWaitFor);
        trace.time = arrivals[used.back()];
        for (int k : used) {
            WorkerTrace& w = trace.workers[k];
            w.waitedFor = std::isfinite(w.arriveMaster);
            for (auto& e : trace.edges)
                if (e.edge == w.edge && w.waitedFor) {
                    e.waitedWorkers.push_back(w.worker);
                    e.waitedFor = true;
                }
        }
        for (auto& e : trace.edges) {
            e.done = kInf;
            e.arriveMaster = kInf;
            if (e.uplinkFailed) events.push_back({kInf, TraceEventKind::Failed, e.edge, -1});
        }
    } else {
        std::size_t first = 0;
        std::vector<double> edgeArrivals;
        for (std::size_t i = 0; i < scheme.edges.size(); ++i) {
            const ResolvedEdge& re = scheme.edges[i];
            EdgeTrace& et = trace.edges[i];
            et.needed = re.waitFor;
            std::vector<double> arrivals;
            for (std::size_t k = 0; k < re.workers.size(); ++k)
                arrivals.push_back(trace.workers[first + k].arriveEdge);
            const auto used = fastest(arrivals, re.waitFor);
            et.done = arrivals[used.back()];
            if (std::isfinite(et.done))
                for (int k : used) {
                    trace.workers[first + k].waitedFor = true;
                    et.waitedWorkers.push_back(re.workers[k]);
                }
            et.arriveMaster = et.done + et.arriveMaster; // A_i + V_i
            if (et.uplinkFailed) events.push_back({kInf, TraceEventKind::Failed, et.edge, -1});
            add(et.done, TraceEventKind::EdgeDone, et.edge, -1);
            add(et.arriveMaster, TraceEventKind::ArriveMaster, et.edge, -1);
            edgeArrivals.push_back(et.arriveMaster);
            first += re.workers.size();
        }
        const auto used = fastest(edgeArrivals, scheme.masterWaitFor);
        trace.time = edgeArrivals[used.back()];
        if (std::isfinite(trace.time))
            for (int i : used) {
                trace.edges[i].waitedFor = true;
                trace.waitedEdges.push_back(trace.edges[i].edge);
            }
        std::sort(trace.waitedEdges.begin(), trace.waitedEdges.end());
    }
    if (scheme.flat && std::isfinite(trace.time))
        for (const auto& e : trace.edges)
            if (e.waitedFor) trace.waitedEdges.push_back(e.edge);
    trace.failed = !std::isfinite(trace.time);
    add(trace.time, TraceEventKind::MasterDone, -1, -1);
    // Stable: events at equal times keep the causal order in which they were added.
    std::stable_sort(events.begin(), events.end(),
                     [](const TraceEvent& a, const TraceEvent& b) { return a.t < b.t; });
    return trace;
}

} // namespace hgc
