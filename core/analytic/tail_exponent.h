#pragma once
// Power-law tail exponents: P(D > t) ~ c t^-beta for large t, beta = +inf for tails lighter
// than any power (every family but Pareto). The analytic evaluator uses beta to say when
// E[T] is infinite (beta <= 1) and to add the part of the integral beyond its grid.
// Internal to the analytic evaluator.
#include "model/distribution.h"
#include "model/scheme.h"

namespace hgc {
struct Scenario;
}

namespace hgc::analytic {

/// Pareto: its shape; every other family: +inf. The modifiers do not change it.
double tailExponent(const Distribution& d);

/// Of the iteration time T of `scheme`:
/// - a sum of independent delays has the smallest exponent of its terms;
/// - the k-th smallest of m independent delays exceeds t when m - k + 1 of them do, so its
///   exponent is the sum of the m - k + 1 smallest exponents;
/// - gc: edge i's messages share V_i, so c of them exceed t at the cost
///   min(beta(V_i), sum of the c smallest worker exponents); the cheapest way to make s + 1
///   messages late is a small knapsack over the edges.
double iterationTailExponent(const Scenario& scenario, const ResolvedScheme& scheme);

} // namespace hgc::analytic
