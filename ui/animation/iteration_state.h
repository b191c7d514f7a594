#pragma once
// What the screen shows of an iteration at simulated time t, as a pure function of its trace
// (the core computes, the screen plays): which workers are computing, travelling, arrived,
// ignored or failed, each edge's "k of m arrived" and whether it is complete, and the master.
// Seeking is a lookup: the event helpers below are binary searches in the sorted events.
#include <cstddef>
#include <optional>
#include <vector>

#include "model/scheme.h"
#include "simulate/iteration_trace.h"

namespace hgc::ui {

enum class WorkerPhase : unsigned char {
    Computing, // t < computeDone
    ToEdge,    // its result is on the link to the edge
    ToMaster,  // gc: relayed by its edge towards the master
    Arrived,   // at its edge (gc: at the master)
    Failed,    // does not answer this iteration: from the start when its compute fails, from
               // the end of its compute (when it would send) when its uplink fails
};

struct WorkerState {
    WorkerPhase phase = WorkerPhase::Computing;
    float progress = 0.0f; // Computing: t / computeDone; ToEdge, ToMaster: part of the trip done
    bool counted = false;  // arrived and among the results its edge (gc: the master) decodes from
    bool ignored = false;  // not waited for, and the waiting is over: a straggler left behind
};

enum class EdgePhase : unsigned char {
    Collecting, // waiting for its k_i-th worker (gc: relaying)
    ToMaster,   // decoded; its result is on the link to the master
    Arrived,    // at the master
    Lost,       // decoded, but its uplink failed
};

struct EdgeState {
    EdgePhase phase = EdgePhase::Collecting;
    float progress = 0.0f; // ToMaster: part of the trip done
    int arrived = 0;       // workers whose results are at the edge
    int workers = 0;       // m_i
    int needed = 0;        // k_i (gc: 0, the edge only relays)
    bool complete = false; // its k_i-th result is in
    bool counted = false;  // arrived at the master and used by it
    bool ignored = false;  // not waited for by the master, which is done
    bool failed = false;   // its uplink fails this iteration and its result would have left:
                           // decoded (gc: the first worker result to relay is in)
};

struct MasterState {
    int arrived = 0; // edges (gc: worker messages) whose results are at the master
    int sources = 0; // n (gc: W)
    int needed = 0;  // k_e (gc: W - s)
    bool complete = false;
    bool failed = false; // every answer is in and they are too few: the iteration fails
};

struct IterationState {
    double t = 0.0;
    std::vector<WorkerState> workers; // aligned with IterationTrace::workers
    std::vector<EdgeState> edges;     // aligned with IterationTrace::edges
    MasterState master;
};

/// Fills `out` with the state at time t. Reuses `out`'s storage: no allocation once sized.
void computeState(const ResolvedScheme& scheme, const IterationTrace& trace, double t,
                  IterationState& out);
IterationState stateAt(const ResolvedScheme& scheme, const IterationTrace& trace, double t);

/// Number of events at or before t.
std::size_t eventsUpTo(const IterationTrace& trace, double t);
/// The first event time after t (finite events only).
std::optional<double> nextEventTime(const IterationTrace& trace, double t);
/// The last event time before t.
std::optional<double> previousEventTime(const IterationTrace& trace, double t);
/// Where playback of this trace ends: the iteration time, or for a failed iteration the last
/// finite event.
double playbackEnd(const IterationTrace& trace);

} // namespace hgc::ui
