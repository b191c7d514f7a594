#pragma once
// Exact linear ("hat-function") binning of exponential delays (internal to the analytic
// evaluator). For D = o + Exp(r) on step h the hat weights are, with a = r h, rho = e^-a,
// o = (n + phi) h and x = 1 - phi:
//   w_n     = x - (1 - e^{-a x}) / a
//   w_{n+1} = 1 - w_n - (tail mass)
//   w_j     = e^{-a x} (1 - rho)^2 / a * rho^(j - n - 2)      for j >= n + 2,
// a geometric tail of mass e^{-a x} (1 - rho) / a. A geometric tail turns the convolution
// with it into a one-term recursion (O(points) instead of O(points x length)), which is
// what makes random exponential uplinks as cheap as deterministic ones.
#include "model/distribution.h"

namespace hgc::analytic {

struct BinnedDelay;

/// True when binExponential applies: exponential and shifted-exponential, with any
/// modifiers (a straggling sample is another shifted exponential).
bool hasExponentialBinning(const Distribution& d);

/// Fills `b` (shift, finiteMass, head weights and geometric tails) for such a `d`. A
/// component whose first weight is at or beyond `maxLength` is dropped (the callers treat
/// it as later than the grid).
void binExponential(const Distribution& d, double h, int maxLength, BinnedDelay& b);

} // namespace hgc::analytic
