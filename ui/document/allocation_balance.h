#pragma once
// The "balance" buttons of a hand-edited allocation: starting points from core's
// water-filling (optim/allocation_heuristics.h), which sets loads so that workers, and
// shares so that edges, finish at the same time on average. The tolerances (s_e, s_i) are
// the user's and stay as they are; entries of inactive nodes are kept too.
#include "model/scenario.h"

namespace hgc::ui {

/// In every active edge, loads l_ij such that the edge's active workers finish together on
/// average (l_ij E[X_ij] + E[U_ij] equal), summing to (s_i+1) f_i and none above f_i. The
/// shares are kept. Any other scheme comes back unchanged.
Scheme balancedLoads(const Scenario& scenario);

/// Shares and loads both balanced (edges finish together too, sum f_i = s_e+1) for the
/// scheme's s_e and s_i. Any other scheme comes back unchanged.
Scheme balancedAllocation(const Scenario& scenario);

} // namespace hgc::ui
