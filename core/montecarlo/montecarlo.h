#pragma once
// The Monte Carlo evaluator of SPEC §5: simulate many iterations of a scheme and report
// E[T], its standard error, quantiles and the failure probability.
//
// Reproducible: iterations are cut into fixed blocks of kMonteCarloBlockIterations; block b
// draws from Rng(seed, b) (and lanes seeded from it, wide_rng.h) and block results are
// merged in block order, so the Evaluation and the samples are bit-identical whatever the
// thread count, and whatever instruction set the kernels use (cpu_dispatch.h).
//
// Quantiles: with T_(1) <= ... <= T_(N) the sorted iteration times (+inf last), the
// p-quantile is T_(ceil(p N)), the smallest t with empirical P(T <= t) >= p; it is +inf
// when it falls into the failure mass.
#include <cstdint>
#include <vector>

#include "eval/evaluation.h"
#include "model/scenario.h"
#include "util/progress.h"

namespace hgc {

struct MonteCarloOptions {
    long long iterations = 10000;
    std::uint64_t seed = 1;
    int threads = 0; // 0: one per hardware thread; at most 256 and one per block are used
    /// If set, receives every iteration's T in iteration order (+inf for failures).
    std::vector<double>* samples = nullptr;
    /// Reported once per block; cancellation is honoured within a block.
    Progress progress;
};

/// Iterations per block of the random stream (part of the reproducibility contract).
inline constexpr long long kMonteCarloBlockIterations = 1024;
/// Every iteration time is kept for the quantiles: 8 bytes each.
inline constexpr long long kMonteCarloMaxIterations = 100'000'000;

/// Throws InputError for bad options (iterations outside [1, kMonteCarloMaxIterations],
/// negative threads) or a scheme that does not fit the scenario; hgc::Cancelled when
/// options.progress asks to stop.
Evaluation evaluateMonteCarlo(const Scenario& scenario, const ResolvedScheme& scheme,
                              const MonteCarloOptions& options);

} // namespace hgc
