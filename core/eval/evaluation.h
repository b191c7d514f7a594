#pragma once
// What an evaluator says about one scheme on one scenario (SPEC §5). Both evaluators,
// Monte Carlo and analytic, fill the same struct so that they can be compared field by
// field.
#include <limits>

namespace hgc {

struct Quantiles {
    double p50 = 0.0;
    double p95 = 0.0;
    double p99 = 0.0;
};

struct Evaluation {
    /// E[T]: +inf when failureProbability > 0 (SPEC §6), otherwise the mean.
    double expectedRuntime = std::numeric_limits<double>::infinity();
    /// E[T | T < inf]: equal to expectedRuntime when nothing can fail.
    double conditionalRuntime = std::numeric_limits<double>::infinity();
    /// P(T = inf): the iteration cannot be decoded because too many nodes failed.
    double failureProbability = 0.0;
    /// Quantiles of T (inf where they fall into the failure mass).
    Quantiles quantiles;
    /// Monte Carlo only: standard error of conditionalRuntime, iterations used, seconds.
    double standardError = 0.0;
    long long iterations = 0;
    double seconds = 0.0;
};

} // namespace hgc
