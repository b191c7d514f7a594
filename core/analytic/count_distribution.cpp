#include "count_distribution.h"

#include <algorithm>

namespace hgc::analytic {

namespace {

/// The DP on points [0, points) of the item arrays, into pmf rows of length `stride`.
/// The hot loop of every analytic evaluation: compiled twice, for AVX2 and for the base
/// instruction set, and picked at load time (no FMA, so both give the same bits).
__attribute__((target_clones("avx2", "default"))) void
countBlock(const std::vector<CountItem>& items, bool exceeded, int cap, int offset, int points,
           double* pmf, int stride) {
    for (int c = 0; c <= cap; ++c)
        std::fill(pmf + c * stride, pmf + c * stride + points, c == 0 ? 1.0 : 0.0);
    int processed = 0;
    for (const auto& item : items) {
        const double* f = item.cdf + offset;
        for (int r = 0; r < item.multiplicity; ++r) {
            ++processed;
            // Highest state first, so that state c - 1 is still the old value.
            for (int c = std::min(cap, processed); c >= 1; --c) {
                double* cur = pmf + c * stride;
                const double* prev = cur - stride;
                if (exceeded)
                    for (int k = 0; k < points; ++k)
                        cur[k] = cur[k] * f[k] + prev[k] * (1.0 - f[k]);
                else
                    for (int k = 0; k < points; ++k)
                        cur[k] = cur[k] * (1.0 - f[k]) + prev[k] * f[k];
            }
            if (exceeded)
                for (int k = 0; k < points; ++k)
                    pmf[k] *= f[k];
            else
                for (int k = 0; k < points; ++k)
                    pmf[k] *= 1.0 - f[k];
        }
    }
}

} // namespace

void countDistribution(const std::vector<CountItem>& items, Counting mode, int cap, int points,
                       std::vector<double>& pmf) {
    // Blocks of points keep the (cap + 1) rows in the first-level cache while every item
    // passes over them.
    constexpr int kBlock = 128;
    pmf.assign(static_cast<std::size_t>(cap + 1) * points, 0.0);
    std::vector<double> block(static_cast<std::size_t>(cap + 1) * kBlock);
    for (int start = 0; start < points; start += kBlock) {
        const int count = std::min(kBlock, points - start);
        countBlock(items, mode == Counting::Exceeded, cap, start, count, block.data(), kBlock);
        for (int c = 0; c <= cap; ++c)
            std::copy(block.data() + static_cast<std::size_t>(c) * kBlock,
                      block.data() + static_cast<std::size_t>(c) * kBlock + count,
                      pmf.data() + static_cast<std::size_t>(c) * points + start);
    }
}

namespace {

/// P(waitFor-th smallest <= t) at `points` consecutive points from `offset`.
void kthSmallestRange(const std::vector<CountItem>& items, int total, int waitFor, int offset,
                      int points, double* out) {
    // At most total - waitFor may exceed t; or, the other way round, not at most
    // waitFor - 1 may have arrived.
    const int exceedCap = total - waitFor;
    const int arriveCap = waitFor - 1;
    const bool countExceeded = exceedCap <= arriveCap;
    const int cap = countExceeded ? exceedCap : arriveCap;
    std::vector<CountItem> shifted = items;
    for (auto& item : shifted)
        item.cdf += offset;
    std::vector<double> pmf;
    countDistribution(shifted, countExceeded ? Counting::Exceeded : Counting::Arrived, cap, points,
                      pmf);
    for (int k = 0; k < points; ++k) {
        double atMost = 0.0;
        for (int c = 0; c <= cap; ++c)
            atMost += pmf[static_cast<std::size_t>(c) * points + k];
        out[k] = countExceeded ? atMost : std::max(0.0, 1.0 - atMost);
    }
}

} // namespace

void kthSmallestCdf(const std::vector<CountItem>& items, int total, int waitFor, int points,
                    double* out) {
    // The DP runs only where the answer is uncertain. Before the waitFor-th item can have
    // arrived it is 0. Once every item is within 1e-14 / total of its limit F(inf), so is
    // the answer (it is multilinear in the F's with coefficients in [-1, 1]): the limit
    // itself, computed at the last point, is used from there on.
    const int last = points - 1; // the t = inf entry
    std::vector<std::pair<int, int>> firsts;
    int settled = 0;
    const double close = 1e-14 / total;
    for (const auto& item : items) {
        const double* f = item.cdf;
        int first = 0;
        while (first < last && f[first] <= 0.0)
            ++first;
        firsts.push_back({first, item.multiplicity});
        int lo = first, hi = last; // smallest k with f[last] - f[k] <= close, by bisection
        while (lo < hi) {
            const int mid = lo + (hi - lo) / 2;
            if (f[last] - f[mid] <= close)
                hi = mid;
            else
                lo = mid + 1;
        }
        settled = std::max(settled, lo);
    }
    std::sort(firsts.begin(), firsts.end());
    int begin = last, need = waitFor;
    for (const auto& [first, count] : firsts)
        if ((need -= count) <= 0) {
            begin = first;
            break;
        }
    const int end = std::max(begin, settled);
    std::fill(out, out + begin, 0.0);
    kthSmallestRange(items, total, waitFor, last, 1, out + last);
    if (end > begin) kthSmallestRange(items, total, waitFor, begin, end - begin, out + begin);
    std::fill(out + end, out + last, out[last]);
}

} // namespace hgc::analytic
