#pragma once
// The heterogeneity generator: turns a set of identical workers into a heterogeneous
// cluster, reproducibly from a seed. It works on the workers' current compute
// distributions, so applying it twice compounds; each application is one undo command.
#include <cstdint>
#include <vector>

#include "document/node_ref.h"
#include "model/scenario.h"

namespace hgc::ui {

struct HeterogeneityParams {
    std::uint64_t seed = 1;
    /// Ratio between the slowest and the fastest regular worker (>= 1): each worker's
    /// compute time is scaled by a factor drawn log-uniformly from [1, speedSpread].
    double speedSpread = 2.0;
    /// Share of the workers (rounded to a whole number) that are persistent stragglers...
    double stragglerShare = 0.1;
    /// ...whose compute time is further multiplied by this factor (>= 1).
    double stragglerSlowdown = 5.0;
    /// Failure probability given to every affected worker's compute, in [0, 1).
    double failureProbability = 0.0;
};

/// Scales a distribution's time by `factor` > 0 (the modifiers are kept).
Distribution scaledDistribution(const Distribution& d, double factor);

/// The workers the generator affects: the selected workers, plus every worker of a selected
/// edge; all workers when `selection` is empty.
NodeRefs heterogeneityTargets(const Scenario& scenario, const NodeRefs& selection);

/// New compute distributions for `targets`, in the same order. Deterministic in the seed.
std::vector<Distribution> generateHeterogeneity(const Scenario& scenario, const NodeRefs& targets,
                                                const HeterogeneityParams& params);

} // namespace hgc::ui
