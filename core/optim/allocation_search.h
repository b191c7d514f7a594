#pragma once
// The general allocation search (SPEC §6, family `general`).
//
// The search space is that of allocation_heuristics.h: for fixed tolerances (s_e, s_i) the
// shares and loads come from water-filling, which meets sum_i f_i = s_e+1 and
// sum_j l_ij = (s_i+1) f_i with equality and keeps every bound, so every point is a valid
// scheme. The free parameters are per edge a risk (mean versus 90% quantile) and a tilt of
// its share, and per worker a tilt of its load. The objective is the analytic E[T]:
// 1. start from the best of: the tolerances of the best few uniform rows (risk 0, 1/2, 1)
//    and of every other row (risk 1/2), water-filled;
// 2. integer moves on the tolerances (s_e +- 1, each s_i +- 1, every s_i +- 1 at once,
//    s_e - 1 with one edge's share all but dropped),
//    each followed by a short continuous refinement, while one lowers E[T];
// 3. derivative-free coordinate search: all +-step moves of the edge parameters evaluated
//    side by side, the best (or all improving ones together, if that is better) taken,
//    the step halved when none improves; then the same over the worker tilts, as long as
//    the time budget lasts.
// The caller compares the outcome with the best uniform hgc (optimize.cpp) so that the
// result is never worse.
#include "analytic/sweep.h"
#include "optim/optimize.h"

namespace hgc::optim {

struct AllocationSearchResult {
    Scheme scheme;         // allocation
    Evaluation evaluation; // at the search accuracy
    Scheme proportionalScheme;
    Evaluation proportional; // at the search accuracy
    long long evaluations = 0;
};

/// `sweep` is the uniform sweep of `scenario` (it provides the starting tolerances).
/// Progress goes from `from` to `to`.
AllocationSearchResult searchAllocation(const Scenario& scenario, const SweepResult& sweep,
                                        const OptimOptions& options, const Progress& progress,
                                        double from, double to);

} // namespace hgc::optim
