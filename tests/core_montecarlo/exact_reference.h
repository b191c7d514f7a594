#pragma once
// Independent references for the Monte Carlo tests: order-statistic CDFs by the
// Poisson-binomial recursion and E[T] by numerical integration of the survival function.
#include <functional>
#include <vector>

namespace hgc::test {

/// H_n = 1 + 1/2 + ... + 1/n (H_0 = 0).
double harmonic(int n);

/// P(at least k of independent events happen), event j with probability p[j].
double atLeast(int k, const std::vector<double>& p);

/// Integral over [0, upper] of 1 - cdf(t) (Simpson's rule, `intervals` even).
double integrateSurvival(const std::function<double(double)>& cdf, double upper,
                         int intervals = 20000);

/// P(X > s of m), X ~ Binomial(m, q): the probability that more than s of m nodes fail.
double binomialTailAbove(int m, int s, double q);

} // namespace hgc::test
