#pragma once
// The analytic (numerical) evaluator of SPEC §5: the CDF of the iteration time T on a time
// grid, E[T] by integrating 1 - F_T, quantiles by inversion, the failure probability from
// the limit of F_T.
//
// How the accuracy is controlled (AnalyticOptions::relativeAccuracy, default 1e-4):
// - Nodes whose delays are points (deterministic uplinks) need no convolution: their CDFs
//   are evaluated exactly at the grid points. A random delay is added by a convolution with
//   its linear-binned distribution (mean-preserving), an O(h^2) error on smooth CDFs.
// - The order statistics are exact at every grid point (the count DP of SPEC §5).
// - E[T | T < inf] = L + integral from L of (1 - F_T(t) / F_T(inf)) dt, L the time before
//   which T cannot arrive, by the trapezoid rule on N and 2N intervals of the same range,
//   combined by Richardson extrapolation. N doubles until |I_2N - I_N| <= relativeAccuracy
//   x E — that difference is three times the error of I_2N for an O(h^2) rule and about
//   its size for a jump in the CDF (deterministic compute times), so the reported value
//   meets the target either way.
// - The range starts at L and ends at a guess from the delays' 1 - 1e-7 quantiles; it is
//   doubled (with N) while the mass beyond it, P(T > H | T < inf) x (H - L), exceeds a
//   tenth of the target, and while a quantile that is finite lies beyond it.
// - Heavy tails: with a power-law tail exponent beta of P(T > t) (tail_exponent.h),
//   beta <= 1 means E[T] = inf (reported as such; the grid then spans the delays' 1 - 1e-3
//   quantiles, extended until p99 is inside, and N doubles until the quantiles of the N and
//   2N grids agree to relativeAccuracy); otherwise the part beyond H is added
//   as P(T > H) H / (beta - 1), exact for a pure power law and asymptotically right. The
//   range doubles while that model moves the estimate by more than a tenth of the target
//   when it takes over at H / 2 instead of H (not while the tail itself is larger: for
//   beta near 1 it never becomes negligible, and chasing it spent the grid on range).
//   The grid stops at 2^17 intervals; a long range with a jump in the CDF (deterministic
//   compute) can then leave an error above the target (~1e-3 for the max of 20 Pareto
//   edge uplinks of shape 2.2; more for beta close to 1).
// - Random delays are binned once per grid: exponential ones exactly, to a short head and
//   geometric tails convolved by recursion (exponential_binning.h); long dense kernels by
//   FFT (fft_convolution.h); workers repeated across edges share one CDF array.
// - With point worker uplinks the edges' arrival CDFs are exact pointwise, so a grid of
//   twice the resolution on the same range (each refinement) takes the previous grid's
//   values at its even points and computes only the odd ones.
#include <utility>
#include <vector>

#include "eval/evaluation.h"
#include "model/scenario.h"
#include "model/scheme.h"

namespace hgc {

struct AnalyticOptions {
    /// Target relative error of E[T] (see above for how it is met). Must be in (0, 0.1].
    double relativeAccuracy = 1e-4;
};

/// The CDF of T for charts: P(T <= times[k]) = cdf[k]; P(T < inf) = finiteProbability.
struct CdfCurve {
    std::vector<double> times;
    std::vector<double> cdf;
    double finiteProbability = 1.0;
};

struct AnalyticResult {
    Evaluation evaluation;
    CdfCurve cdf; // at most about 1,000 points of the final grid
};

/// Evaluates many schemes on one scenario (the optimisers call it thousands of times).
/// Holds its own copy of the scenario; evaluate() is const and thread-safe.
class AnalyticEvaluator {
public:
    explicit AnalyticEvaluator(Scenario scenario, AnalyticOptions options = {});

    /// `scheme` must be resolved against this evaluator's scenario (hgc::resolve).
    /// Throws InputError for bad options or a scheme that does not fit the scenario.
    Evaluation evaluate(const ResolvedScheme& scheme) const;
    AnalyticResult evaluateWithCdf(const ResolvedScheme& scheme) const;

    const Scenario& scenario() const { return scenario_; }
    const AnalyticOptions& options() const { return options_; }

private:
    Scenario scenario_;
    AnalyticOptions options_;
};

Evaluation evaluateAnalytic(const Scenario& scenario, const ResolvedScheme& scheme,
                            const AnalyticOptions& options = {});
CdfCurve analyticCdf(const Scenario& scenario, const ResolvedScheme& scheme,
                     const AnalyticOptions& options = {});

} // namespace hgc
