#pragma once
// Delays on a uniform time grid t_k = origin + k h (internal to the analytic evaluator).
//
// A delay D >= 0 is split as D = shift + D0 with shift its lower bound. D0 is put on the
// multiples of h by linear ("hat-function") binning: weight_j = E[max(0, 1 - |D0 - j h| / h)].
// That keeps the mass and the mean of D0 exactly, so a sum A + D computed as
//   P(A + D <= t) = sum_j weight_j P(A <= t - shift - j h)
// errs by O(h^2) where the CDF of A is smooth. A delay that is a point (deterministic, no
// straggle) has one weight: the sum is then an exact shift, no convolution at all.
#include <vector>

#include "model/distribution.h"

namespace hgc::analytic {

struct BinnedDelay {
    double shift = 0.0; // lower bound of D
    std::vector<double>
        weights; // weights[j]: mass of D0 binned to j h; sum = P(D < inf) up to the tail
    double finiteMass = 1.0; // P(D < inf) = 1 - failure probability
};

/// Bins `d` on step `h`, with at most `maxLength` weights (the mass beyond is dropped: the
/// callers treat it as "later than the grid").
BinnedDelay binDelay(const Distribution& d, double h, int maxLength);

/// out[k] = sum_j w_j g[k + offset - j], with g[i] = `below` for i < 0 and the weight missing
/// from sum_{j <= k + offset} w_j (tail and failure mass) also given the value `below`.
/// g has at least count + offset entries.
void convolve(const double* g, int offset, double below, const std::vector<double>& w, double* out,
              int count);

/// out[k] = scale * P(D <= start + k step), k < count. Exponential families take a fast
/// path (a geometric sequence instead of one exp per point); the rest calls d.cdf.
void cdfOnGrid(const Distribution& d, double start, double step, int count, double scale,
               double* out);

/// P(load * X + U <= t) at t = origin + k h, k < count; out[count] = P(load * X + U < inf).
void sumCdfOnGrid(const Distribution& compute, double load, const Distribution& uplink,
                  double origin, double h, int count, double* out);

} // namespace hgc::analytic
