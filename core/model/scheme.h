#pragma once
// The schemes of SPEC §3 as they are written in a scenario, and their resolved form (every
// active worker's load and the waiting counts) that the evaluators, the codes and the
// animation consume.
#include <string>
#include <string_view>
#include <vector>

#include "model/unknown_keys.h"

namespace hgc {

struct Scenario;

enum class SchemeType { Uncoded, Hgc, Allocation, Gc };

std::string_view schemeTypeName(SchemeType type); // "uncoded", "hgc", "allocation", "gc"
/// Throws InputError (empty path) for an unknown name.
SchemeType schemeTypeByName(std::string_view name);

/// Per-edge part of an `allocation` scheme; `loads` has one entry per worker of the edge,
/// inactive ones included (their entries are ignored).
struct EdgeAllocation {
    double share = 1.0;
    int stragglers = 0;
    std::vector<double> loads;
    UnknownKeys unknown = {}; // keys of its file object this program does not know
    /// The same numbers; kept file keys do not count (as for Scheme).
    bool operator==(const EdgeAllocation& other) const {
        return share == other.share && stragglers == other.stragglers && loads == other.loads;
    }
};

struct Scheme {
    SchemeType type = SchemeType::Uncoded;
    int edgeStragglers = 0;            // hgc, allocation: s_e
    int workerStragglers = 0;          // hgc: s_w
    int stragglers = 0;                // gc: s
    std::vector<EdgeAllocation> edges; // allocation: one per edge in the file, inactive included
    UnknownKeys unknown = {};          // keys of its file object not read for its type
    /// The same scheme: kept file keys do not count, so that a file's hgc(1,1) is the hgc(1,1)
    /// the charts, the training list and the panels build.
    bool operator==(const Scheme& other) const {
        return type == other.type && edgeStragglers == other.edgeStragglers &&
               workerStragglers == other.workerStragglers && stragglers == other.stragglers &&
               edges == other.edges;
    }

    static Scheme uncoded() { return {}; }
    static Scheme hgc(int edgeStragglers, int workerStragglers) {
        Scheme s;
        s.type = SchemeType::Hgc;
        s.edgeStragglers = edgeStragglers;
        s.workerStragglers = workerStragglers;
        return s;
    }
    static Scheme gc(int stragglers) {
        Scheme s;
        s.type = SchemeType::Gc;
        s.stragglers = stragglers;
        return s;
    }
};

/// One active edge of a resolved scheme.
struct ResolvedEdge {
    int edge = 0;              // index in Scenario::edges
    std::vector<int> workers;  // indices in Scenario::edges[edge].workers, active only
    std::vector<double> loads; // l_ij, aligned with `workers`
    double share = 0.0;        // f_i: fraction of the data set held by this edge
    int tolerance = 0;         // s_i
    int waitFor = 0;           // k_i = m_i - s_i (two-layer schemes)
};

/// Everything an evaluator needs to know about a scheme on a topology.
struct ResolvedScheme {
    SchemeType type = SchemeType::Uncoded;
    /// true for gc: every worker message goes to the master through its edge, and the
    /// master waits for `masterWaitFor` of the W messages.
    bool flat = false;
    std::vector<ResolvedEdge> edges; // active edges, in file order
    int edgeTolerance = 0;           // s_e (two-layer) or s (gc)
    int masterWaitFor = 0;           // k_e (two-layer) or W - s (gc)
    int workerCount = 0;             // W

    double maxLoad() const;
    /// Vectors received by the master per iteration (SPEC §3 "communication load").
    int masterMessages() const { return masterWaitFor; }
    /// Vectors received by edge i (index into `edges`) per iteration: k_i, or for gc its
    /// m_i relayed messages.
    int edgeMessages(int resolvedEdge) const;
};

/// Checks the scheme against the topology and computes loads and waiting counts.
/// Throws InputError with a "scheme..." path saying which condition failed.
ResolvedScheme resolve(const Scenario& scenario, const Scheme& scheme);
/// The scenario's own scheme.
ResolvedScheme resolve(const Scenario& scenario);

/// A short name for people: "uncoded", "hgc (s_e=1, s_w=2)", "gc (s=3)", "allocation (s_e=1)".
std::string schemeLabel(const Scheme& scheme);

/// Lower bound of SPEC §3 for equal loads: (s_e+1)(s_w+1)/W.
double loadLowerBound(int edgeStragglers, int workerStragglers, int workerCount);

} // namespace hgc
