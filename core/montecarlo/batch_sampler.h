#pragma once
// One delay sample for each of a list of nodes, drawn together so that the common
// families run through the vectorised kernels of fast_kernels.h.
//
// Node j's sample is scale_j * X_j with X_j ~ distribution_j, modifiers included:
// straggle multiplies it by the slowdown, failure makes it +inf (SPEC §2). Nodes are
// grouped into runs of consecutive nodes of the same kind; a homogeneous list is one run.
#include <cstdint>
#include <vector>

#include "model/distribution.h"
#include "montecarlo/wide_rng.h"

namespace hgc::mc {

class BatchSampler {
public:
    BatchSampler() = default;
    /// `scales` has one entry per distribution (the load for compute delays, 1 otherwise).
    BatchSampler(std::vector<Distribution> distributions, std::vector<double> scales);

    int size() const { return static_cast<int>(distributions_.size()); }
    /// Writes one sample per node into out[0..size()). `scratch` holds size() words.
    void sample(RandomSource& random, double* out, std::uint64_t* scratch) const;

    /// When `other` (same size) is deterministic without modifiers and no node here has a
    /// straggle modifier (which would scale the sum), adds other's values to every sample
    /// drawn from now on and returns true: one pass then draws both. Otherwise false.
    bool absorbConstants(const BatchSampler& other);

private:
    enum class Kind {
        Constant,          // deterministic: offset
        AffineExponential, // exponential, shifted-exponential: offset + slope * Exp(1)
        AffineUniform,     // uniform: offset + slope * U[0,1)
        Generic,           // pareto, lognormal: offset + slope * Distribution::baseSample
    };
    struct Run {
        Kind kind;
        int begin;
        int end;
    };

    std::vector<Distribution> distributions_;
    std::vector<double> offset_, slope_;
    std::vector<double> straggleProbability_, straggleSlowdown_, failureProbability_;
    std::vector<Run> runs_;
    std::vector<Run> straggleRuns_, failureRuns_; // nodes with the modifier; `kind` unused
};

} // namespace hgc::mc
