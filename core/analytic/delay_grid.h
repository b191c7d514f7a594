#pragma once
// Delays on a uniform time grid t_k = origin + k h (internal to the analytic evaluator).
//
// A delay D >= 0 is split as D = shift + D0 with shift its lower bound. D0 is put on the
// multiples of h by linear ("hat-function") binning: weight_j = E[max(0, 1 - |D0 - j h| / h)].
// That keeps the mass and the mean of D0 exactly, so a sum A + D computed as
//   P(A + D <= t) = sum_j weight_j P(A <= t - shift - j h)
// errs by O(h^2) where the CDF of A is smooth. A delay that is a point (deterministic, no
// straggle) has one weight: the sum is then an exact shift, no convolution at all.
// Exponential delays bin exactly to a short head and geometric tails
// (exponential_binning.h); the convolution runs the tails as recursions.
#include <vector>

#include "model/distribution.h"

namespace hgc::analytic {

/// Weights weight * ratio^(j - first) for every j >= first (0 < ratio < 1), of sum `mass`.
struct GeometricTail {
    int first = 0;
    double weight = 0.0;
    double ratio = 0.0;
    double mass = 0.0;
};

struct BinnedDelay {
    double shift = 0.0; // lower bound of D
    // weights[j] + the tails' weights at j: mass of D0 binned to j h; their sum is
    // P(D < inf) up to the truncated tail.
    std::vector<double> weights;
    std::vector<GeometricTail> tails;
    double finiteMass = 1.0; // P(D < inf) = 1 - failure probability

    /// Number of weights that carry all but ~1e-17 of the mass.
    int reach() const;
};

/// A delay that takes a single value (deterministic, no straggling): sums with it are exact
/// shifts, evaluated point by point on any grid.
bool isPointDelay(const Distribution& d);

/// Bins `d` on step `h`, with at most `maxLength` weights (the mass beyond is dropped: the
/// callers treat it as "later than the grid").
BinnedDelay binDelay(const Distribution& d, double h, int maxLength);

/// out[k] = sum_j w_j g[k + offset - j], w the weights of `d` (head and tails), with
/// g[i] = `below` for i < 0 and the failure mass and the head's weights beyond
/// k + offset also given the value `below`. g has at least count + offset entries.
void convolve(const double* g, int offset, double below, const BinnedDelay& d, double* out,
              int count);

/// out[k] = scale * P(D <= start + k step), k < count. Exponential families take a fast
/// path (a geometric sequence instead of one exp per point); the rest calls d.cdf.
void cdfOnGrid(const Distribution& d, double start, double step, int count, double scale,
               double* out);

/// P(load * X + U <= t) at t = origin + k h, k < count; out[count] = P(load * X + U < inf).
void sumCdfOnGrid(const Distribution& compute, double load, const Distribution& uplink,
                  double origin, double h, int count, double* out);

} // namespace hgc::analytic
