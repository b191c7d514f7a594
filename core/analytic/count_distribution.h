#pragma once
// Order statistics of independent delays through the number of them that have (or have
// not) arrived by t: P(k-th smallest of m <= t) = P(at most m - k exceed t). Evaluated on
// blocks of grid points at once (vector registers across the points), two items per pass.
// Internal to the analytic evaluator.
#include <vector>

namespace hgc::analytic {

/// One delay's CDF on the grid (`points` values), counted `multiplicity` times: identical
/// workers share one array.
struct CountItem {
    const double* cdf = nullptr;
    int multiplicity = 1;
};

/// What is counted: delays that exceed t (probability 1 - F) or that have arrived (F).
enum class Counting { Exceeded, Arrived };

/// pmf[c * points + k] = P(exactly c items counted at point k) for c = 0..cap; counts above
/// cap are dropped (only P(count <= cap) is ever needed). O(items x (cap+1)) per point.
void countDistribution(const std::vector<CountItem>& items, Counting mode, int cap, int points,
                       std::vector<double>& pmf);

/// P(waitFor-th smallest of the items <= t) at each point, out[k]. `total` is the number
/// of items with multiplicity. Counts whichever side needs the fewer states.
void kthSmallestCdf(const std::vector<CountItem>& items, int total, int waitFor, int points,
                    double* out);

} // namespace hgc::analytic
