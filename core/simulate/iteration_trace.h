#pragma once
// The event trace of one iteration (SPEC §8 `simulate`): when every worker finished
// computing and reached its edge, which workers each edge waited for and when it decoded,
// which edges the master used, and the iteration time. The animation replays it; seeking is
// a lookup. Deterministic per (seed, iteration index), and the raw delays of a node do not
// depend on the scheme, so two schemes traced with the same seed see the same draws.
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/scenario.h"

namespace hgc {

enum class TraceEventKind { ComputeDone, ArriveEdge, EdgeDone, ArriveMaster, MasterDone, Failed };
std::string_view traceEventKindName(TraceEventKind kind); // "compute-done", ...

struct TraceEvent {
    double t = 0.0;
    TraceEventKind kind = TraceEventKind::ComputeDone;
    int edge = -1;   // index in Scenario::edges; -1 for the master
    int worker = -1; // index in the edge's workers; -1 for edge and master events
};

struct WorkerTrace {
    int edge = 0, worker = 0; // file indices
    double load = 0.0;
    double computeDone = 0.0;  // l_ij * X_ij (+inf when the compute fails; finite, and its
                               // compute-done event recorded, when only the uplink fails)
    double arriveEdge = 0.0;   // + U_ij (+inf when failed)
    double arriveMaster = 0.0; // gc only: + V_i
    bool straggled = false;    // the compute straggle modifier struck
    bool failed = false;       // compute or uplink failure
    bool waitedFor = false;    // among the results its edge (gc: the master) used
};

struct EdgeTrace {
    int edge = 0;              // file index
    int needed = 0;            // k_i (gc: 0, edges only relay)
    double done = 0.0;         // A_i: its k_i-th worker arrived (+inf if never)
    double arriveMaster = 0.0; // E_i = A_i + V_i
    bool uplinkFailed = false;
    bool uplinkStraggled = false;
    bool waitedFor = false;         // the master used this edge
    std::vector<int> waitedWorkers; // file indices of the workers it decoded from
};

struct IterationTrace {
    long long index = 0;
    double time = 0.0; // T (+inf when the iteration fails)
    bool failed = false;
    std::vector<WorkerTrace> workers; // active workers, edge by edge
    std::vector<EdgeTrace> edges;     // active edges
    std::vector<int> waitedEdges;     // file indices of the edges the master decoded from
    /// Sorted by time; finite times only, then failures (at +inf). A worker whose uplink fails
    /// still has its compute-done event: its message is lost on the way, not unsent.
    std::vector<TraceEvent> events;
};

/// Traces iteration `index` of the scheme on the scenario with the given seed.
IterationTrace traceIteration(const Scenario& scenario, const ResolvedScheme& scheme,
                              std::uint64_t seed, long long index);

} // namespace hgc
