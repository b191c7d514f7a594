#include "montecarlo/order_statistic.h"

#include <algorithm>
#include <limits>

#include "montecarlo/cpu_dispatch.h"

namespace hgc::mc {
namespace {

constexpr int kLanes = 8;
constexpr int kMaxBufferedRank = 8;

/// With Largest: the R-th largest of v[0..n); otherwise the R-th smallest. R <= n.
template <int R, bool Largest> HGC_KERNEL_BODY double rankFromEnd(const double* v, int n) {
    // "more extreme" and "less extreme" in the direction we rank from.
    auto more = [](double a, double b) { return Largest ? std::max(a, b) : std::min(a, b); };
    auto less = [](double a, double b) { return Largest ? std::min(a, b) : std::max(a, b); };
    constexpr double floor = Largest ? -std::numeric_limits<double>::infinity()
                                     : std::numeric_limits<double>::infinity();
    // best[r][l], r = 0..R-1, from the least to the most extreme of lane l's R kept values.
    double best[R][kLanes];
    for (auto& row : best)
        std::fill(row, row + kLanes, floor);
    int i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (int l = 0; l < kLanes; ++l) {
            const double x = v[i + l];
            // Insert x and drop the least extreme: each slot takes the more extreme of
            // itself and the less extreme of x and the slot above (its old value).
            for (int r = 0; r + 1 < R; ++r)
                best[r][l] = more(best[r][l], less(best[r + 1][l], x));
            best[R - 1][l] = more(best[R - 1][l], x);
        }
    // Merge: start from the lane whose R-th value is the most extreme (a bound on the
    // answer), then insert the other lanes' values from their most extreme down, leaving a
    // lane at its first value that cannot enter: usually one comparison per lane.
    int lead = 0;
    for (int l = 1; l < kLanes; ++l)
        if (more(best[0][l], best[0][lead]) != best[0][lead]) lead = l;
    double keep[R];
    for (int r = 0; r < R; ++r)
        keep[r] = best[r][lead];
    auto insert = [&](double x) {
        if (Largest ? x <= keep[0] : x >= keep[0]) return false;
        int slot = 1;
        while (slot < R && (Largest ? keep[slot] < x : keep[slot] > x)) {
            keep[slot - 1] = keep[slot];
            ++slot;
        }
        keep[slot - 1] = x;
        return true;
    };
    for (int l = 0; l < kLanes; ++l)
        if (l != lead)
            for (int r = R - 1; r >= 0 && insert(best[r][l]); --r) {
            }
    for (; i < n; ++i)
        insert(v[i]);
    return keep[0];
}

template <bool Largest> HGC_KERNEL_BODY double rankFromEnd(const double* v, int n, int rank) {
    switch (rank) {
    case 1:
        return rankFromEnd<1, Largest>(v, n);
    case 2:
        return rankFromEnd<2, Largest>(v, n);
    case 3:
        return rankFromEnd<3, Largest>(v, n);
    case 4:
        return rankFromEnd<4, Largest>(v, n);
    case 5:
        return rankFromEnd<5, Largest>(v, n);
    case 6:
        return rankFromEnd<6, Largest>(v, n);
    case 7:
        return rankFromEnd<7, Largest>(v, n);
    default:
        return rankFromEnd<kMaxBufferedRank, Largest>(v, n);
    }
}

/// Ranks near either end: *result = the rank-th most extreme value.
HGC_KERNEL_BODY void rankNearEndBody(const double* v, int n, int rank, bool largest,
                                     double* result) {
    *result = largest ? rankFromEnd<true>(v, n, rank) : rankFromEnd<false>(v, n, rank);
}

HGC_DISPATCHED(rankNearEnd, (const double* v, int n, int rank, bool largest, double* result),
               (v, n, rank, largest, result))

} // namespace

double kthSmallest(double* v, int n, int k) {
    const int fromTop = n - k + 1;
    double result;
    if (fromTop <= k && fromTop <= kMaxBufferedRank) {
        rankNearEnd(v, n, fromTop, true, &result);
        return result;
    }
    if (k <= kMaxBufferedRank) {
        rankNearEnd(v, n, k, false, &result);
        return result;
    }
    std::nth_element(v, v + (k - 1), v + n);
    return v[k - 1];
}

} // namespace hgc::mc
