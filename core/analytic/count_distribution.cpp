#include "count_distribution.h"

#include <algorithm>
#include <cstring>

namespace hgc::analytic {

namespace {

/// Four points as one value: GCC's vector extension, one AVX2 register (two SSE2 ones), so
/// the loops over states are vector code whatever the compiler's cost model says. Aligned
/// like a double, so that it may live anywhere.
using Vec = double __attribute__((vector_size(4 * sizeof(double)), aligned(8)));
/// Points per block: two vectors, so that two independent chains hide the latency. The DP
/// keeps the (cap + 1) states of a block in the first-level cache and its running values
/// in registers: each state is loaded and stored once per two items (a pass over all
/// points per item and state, as before, loaded three arrays and stored one per item).
constexpr int kVectors = 2;
constexpr int kLanes = 4 * kVectors;
struct Lanes {
    Vec v[kVectors];
};

inline __attribute__((always_inline)) Lanes loadLanes(const double* from, int lanes) {
    Lanes l;
    if (lanes == kLanes) { // a fixed-size copy: one unaligned load
        std::memcpy(&l, from, sizeof l);
        return l;
    }
    double padded[kLanes] = {};
    for (int p = 0; p < lanes; ++p)
        padded[p] = from[p];
    std::memcpy(&l, padded, sizeof l);
    return l;
}

/// state[c] = P(exactly c items counted) at the kLanes points from `offset` (the lanes at
/// and beyond `lanes` are computed from F = 0 and mean nothing), c = 0..cap. Items are
/// folded in two at a time: with s = P(not counted) and m = P(counted) of each,
///   new[c] = s1 s2 old[c] + (s1 m2 + m1 s2) old[c-1] + m1 m2 old[c-2],
/// in ascending c with the two previous old values carried in registers.
/// The hot loop of every analytic evaluation: compiled twice, for AVX2 and for the base
/// instruction set, and picked at load time (no FMA, so both give the same bits).
__attribute__((target_clones("avx2", "default"))) void
countLanes(const std::vector<CountItem>& items, bool exceeded, int cap, int offset, int lanes,
           Lanes* state) {
    const Vec zero = {}, one = zero + 1.0;
    for (int c = 0; c <= cap; ++c)
        for (int v = 0; v < kVectors; ++v)
            state[c].v[v] = c == 0 ? one : zero;
    // Counting exceedances, an item stays (is not counted) with probability F, else 1 - F.
    Vec stay1[kVectors], move1[kVectors]; // an item waiting for its pair
    bool pending = false;
    int processed = 0;
    for (const auto& item : items) {
        const Lanes f = loadLanes(item.cdf + offset, lanes);
        Vec stay2[kVectors], move2[kVectors];
        for (int v = 0; v < kVectors; ++v) {
            stay2[v] = exceeded ? f.v[v] : one - f.v[v];
            move2[v] = exceeded ? one - f.v[v] : f.v[v];
        }
        for (int r = 0; r < item.multiplicity; ++r) {
            if (!pending) {
                for (int v = 0; v < kVectors; ++v) {
                    stay1[v] = stay2[v];
                    move1[v] = move2[v];
                }
                pending = true;
                continue;
            }
            pending = false;
            Vec a[kVectors], b[kVectors], d[kVectors], o1[kVectors], o2[kVectors];
            for (int v = 0; v < kVectors; ++v) {
                a[v] = stay1[v] * stay2[v];
                b[v] = stay1[v] * move2[v] + move1[v] * stay2[v];
                d[v] = move1[v] * move2[v];
                o1[v] = zero;
                o2[v] = zero;
            }
            // States above `processed` are still 0, so new ones appear up to processed + 2.
            const int top = std::min(cap, processed + 2);
            for (int c = 0; c <= top; ++c)
                for (int v = 0; v < kVectors; ++v) {
                    const Vec old = state[c].v[v];
                    state[c].v[v] = a[v] * old + b[v] * o1[v] + d[v] * o2[v];
                    o2[v] = o1[v];
                    o1[v] = old;
                }
            processed += 2;
        }
    }
    if (pending) {
        Vec o1[kVectors];
        for (int v = 0; v < kVectors; ++v)
            o1[v] = zero;
        const int top = std::min(cap, processed + 1);
        for (int c = 0; c <= top; ++c)
            for (int v = 0; v < kVectors; ++v) {
                const Vec old = state[c].v[v];
                state[c].v[v] = stay1[v] * old + move1[v] * o1[v];
                o1[v] = old;
            }
    }
}

/// P(exactly c counted) at lane p of a block.
double lane(const Lanes& l, int p) {
    return l.v[p / 4][p % 4];
}

} // namespace

void countDistribution(const std::vector<CountItem>& items, Counting mode, int cap, int points,
                       std::vector<double>& pmf) {
    pmf.resize(static_cast<std::size_t>(cap + 1) * points);
    std::vector<Lanes> state(cap + 1);
    for (int start = 0; start < points; start += kLanes) {
        const int lanes = std::min(kLanes, points - start);
        countLanes(items, mode == Counting::Exceeded, cap, start, lanes, state.data());
        for (int c = 0; c <= cap; ++c)
            for (int p = 0; p < lanes; ++p)
                pmf[static_cast<std::size_t>(c) * points + start + p] = lane(state[c], p);
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
    thread_local std::vector<Lanes> state; // one call per edge per grid: do not reallocate
    state.resize(cap + 1);
    for (int start = 0; start < points; start += kLanes) {
        const int lanes = std::min(kLanes, points - start);
        countLanes(items, countExceeded, cap, offset + start, lanes, state.data());
        for (int p = 0; p < lanes; ++p) {
            double atMost = 0.0;
            for (int c = 0; c <= cap; ++c)
                atMost += lane(state[c], p);
            out[start + p] = countExceeded ? atMost : std::max(0.0, 1.0 - atMost);
        }
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
        // The first k with f[k] > 0, by bisection: F is non-decreasing, and a sum of
        // non-negative terms that is positive does not round back to 0.
        int first = 0;
        for (int hi = last; first < hi;) {
            const int mid = first + (hi - first) / 2;
            if (f[mid] > 0.0)
                hi = mid;
            else
                first = mid + 1;
        }
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
