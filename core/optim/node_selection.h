#pragma once
// Node selection (SPEC §6, JNCSS-like; the rule is in optimize.h). Each round evaluates the
// candidate removals side by side: every active edge (while more than one is left) and,
// per edge with two or more active workers, its weakest worker (every worker in small
// clusters). A candidate node set is scored by its best uniform hgc: the full sweep when the
// set has few valid (s_e, s_w), otherwise the neighbourhood of the current best pair.
// No new round starts once OptimOptions::maxSeconds have passed.
#include <vector>

#include "analytic/sweep.h"
#include "optim/optimize.h"

namespace hgc::optim {

struct SelectionResult {
    Scenario scenario; // the input with the excluded nodes inactive and the best hgc set
    SweepRow best;     // the best hgc on that node set
    std::vector<NodeRef> excluded;
    long long evaluations = 0;
};

/// `sweep` is the uniform sweep of `scenario` (the starting point). Progress goes from
/// `from` to `to`.
SelectionResult selectNodes(const Scenario& scenario, const SweepResult& sweep,
                            const OptimOptions& options, const Progress& progress, double from,
                            double to);

} // namespace hgc::optim
