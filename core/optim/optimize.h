#pragma once
// Optimal allocation (SPEC §6): choose the coding parameters, and for `selection` the nodes,
// that minimise the analytic expected iteration time E[T].
//
// - uniform:   the best valid hgc (s_e, s_w): the minimum of the uniform sweep, whose whole
//              table is kept in the result for the "runtime versus tolerance" chart.
// - selection: JNCSS-like greedy node selection. Each round tries excluding every active
//              edge and, per edge, its weakest workers (allocation_heuristics.h ranks them),
//              takes the best uniform hgc of each candidate node set, and keeps the best
//              removal. It stops when no removal lowers E[T] by more than
//              OptimOptions::minRelativeGain, when nothing can be removed any more, or
//              when OptimOptions::maxSeconds have passed.
// - general:   an `allocation` scheme: s_e, per-edge tolerance s_i, share f_i and per-worker
//              load l_ij (allocation_search.h says how). It starts from the best uniform hgc
//              and returns the best of that, the proportional baseline (OptimResult::
//              proportional) and the search's winner, all judged at OptimOptions::analytic:
//              never worse than either baseline, whatever the time budget.
// Schemes that can fail (P(T = inf) > 0) have E[T] = inf: they are chosen only when every
// candidate can fail, then by the lowest failure probability (evaluation_order.h).
#include <optional>
#include <string_view>
#include <vector>

#include "analytic/analytic.h"
#include "analytic/sweep.h"
#include "model/scenario.h"
#include "util/progress.h"

namespace hgc {

enum class OptimFamily { Uniform, Selection, General };

std::string_view optimFamilyName(OptimFamily family); // "uniform", "selection", "general"
/// Throws InputError naming the known families for anything else.
OptimFamily optimFamilyByName(std::string_view name);

struct OptimOptions {
    /// Accuracy of every reported evaluation (the result, the baselines, the sweep table).
    AnalyticOptions analytic;
    /// Relative accuracy of the evaluations inside the general search, coarser and faster;
    /// the winner is re-evaluated with `analytic`.
    double searchAccuracy = 1e-3;
    /// Threads for evaluating candidates side by side; 0: one per hardware thread.
    int threads = 0;
    /// selection: a removal is taken only if it lowers E[T] by more than this fraction.
    double minRelativeGain = 1e-3;
    /// selection and general: start no new round of the search after this many seconds
    /// (the sweep not counted). The result is still valid and never worse than the best
    /// uniform hgc; a round in progress is finished, so large clusters may overrun it.
    double maxSeconds = 4.0;
};

/// A node excluded by selection: `worker` is -1 when the whole edge is excluded. Indices
/// count in the scenario's lists, inactive nodes included.
struct NodeRef {
    int edge = 0;
    int worker = -1;
    bool operator==(const NodeRef&) const = default;
};

struct OptimResult {
    OptimFamily family = OptimFamily::Uniform;
    /// The chosen scheme's evaluation (analytic, OptimOptions::analytic accuracy).
    Evaluation evaluation;
    /// hgc for uniform and selection, allocation for general.
    Scheme scheme;
    /// The input scenario with `scheme` set and, for selection, the excluded nodes made
    /// inactive: save it and every other command evaluates the optimised scheme.
    Scenario scenario;
    /// Baselines on the input scenario: uncoded and the best uniform hgc.
    Evaluation uncoded;
    Evaluation bestUniform;
    /// The uniform sweep of the input scenario (the whole table).
    SweepResult sweep;
    /// selection: the excluded nodes in the order they were removed.
    std::vector<NodeRef> excluded;
    /// general: the comparison baseline "every worker's load proportional to its mean speed,
    /// every edge's share proportional to its workers' total speed" at the best tolerances.
    std::optional<Evaluation> proportional;
    std::optional<Scheme> proportionalScheme;
    /// Analytic evaluations done by the search (the sweep's included).
    long long evaluations = 0;
    double seconds = 0.0;
};

/// Throws InputError when the scenario has no active worker or the options are out of
/// range, hgc::Cancelled when `progress` asks to stop.
OptimResult optimize(const Scenario& scenario, OptimFamily family, const OptimOptions& options = {},
                     const Progress& progress = {});
/// The same with the uniform sweep of `scenario` already done (sweepHgc with
/// options.analytic), e.g. for the chart: it is not computed again.
OptimResult optimize(const Scenario& scenario, OptimFamily family, const SweepResult& sweep,
                     const OptimOptions& options = {}, const Progress& progress = {});

/// The hgc (s_e, s_w) scheme written as the equivalent `allocation` (same loads, shares and
/// waiting counts); hgc::resolve must accept the hgc scheme.
Scheme hgcAsAllocation(const Scenario& scenario, int edgeStragglers, int workerStragglers);

} // namespace hgc
