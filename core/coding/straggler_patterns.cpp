#include "coding/straggler_patterns.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "model/scheme.h"
#include "util/random.h"

namespace hgc::coding {
namespace {

double binomial(int n, int k) {
    if (k < 0 || k > n) return 0.0;
    return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0));
}

double countSubsetsUpTo(int n, int t) {
    double sum = 0.0;
    for (int k = 0; k <= std::min(n, t); ++k)
        sum += std::round(binomial(n, k));
    return sum;
}

/// Every subset of {0..n-1} with at most t elements, ascending.
void subsetsUpTo(int n, int t, std::vector<int>& current, int from,
                 std::vector<std::vector<int>>& out) {
    out.push_back(current);
    if (static_cast<int>(current.size()) == t) return;
    for (int x = from; x < n; ++x) {
        current.push_back(x);
        subsetsUpTo(n, t, current, x + 1, out);
        current.pop_back();
    }
}

std::vector<std::vector<int>> subsetsUpTo(int n, int t) {
    std::vector<std::vector<int>> out;
    std::vector<int> current;
    subsetsUpTo(n, t, current, 0, out);
    return out;
}

/// k distinct values of {0..n-1}, ascending (partial Fisher-Yates).
std::vector<int> randomSubset(int n, int k, Rng& rng) {
    std::vector<int> all(n);
    std::iota(all.begin(), all.end(), 0);
    for (int t = 0; t < k; ++t) {
        const int pick = t + static_cast<int>(rng.uniform() * (n - t));
        std::swap(all[t], all[std::min(pick, n - 1)]);
    }
    all.resize(k);
    std::sort(all.begin(), all.end());
    return all;
}

int uniformUpTo(int t, Rng& rng) {
    return std::min(t, static_cast<int>(rng.uniform() * (t + 1)));
}

std::vector<int> block(int m, int count, int offset) {
    std::vector<int> out;
    for (int t = 0; t < count; ++t)
        out.push_back((offset + t) % m);
    std::sort(out.begin(), out.end());
    return out;
}

/// A gc pattern from global (edge-major) worker positions.
StragglerPattern flatPattern(const ResolvedScheme& scheme, const std::vector<int>& global) {
    StragglerPattern p;
    p.workers.resize(scheme.edges.size());
    std::vector<int> offsets;
    int offset = 0;
    for (const auto& e : scheme.edges) {
        offsets.push_back(offset);
        offset += static_cast<int>(e.workers.size());
    }
    for (int g : global) {
        const int i = static_cast<int>(std::upper_bound(offsets.begin(), offsets.end(), g) -
                                       offsets.begin()) -
                      1;
        p.workers[i].push_back(g - offsets[i]);
    }
    for (auto& w : p.workers)
        std::sort(w.begin(), w.end());
    return p;
}

void visitTwoLayer(const ResolvedScheme& scheme,
                   const std::vector<std::vector<std::vector<int>>>& choices, std::size_t edge,
                   int failuresLeft, StragglerPattern& current,
                   const std::function<bool(const StragglerPattern&)>& visit, bool& stop) {
    if (stop) return;
    if (edge == scheme.edges.size()) {
        if (!visit(current)) stop = true;
        return;
    }
    for (const auto& subset : choices[edge]) {
        current.workers[edge] = subset;
        visitTwoLayer(scheme, choices, edge + 1, failuresLeft, current, visit, stop);
        if (stop) return;
    }
    current.workers[edge].clear();
    if (failuresLeft > 0) {
        current.edges.push_back(static_cast<int>(edge));
        visitTwoLayer(scheme, choices, edge + 1, failuresLeft - 1, current, visit, stop);
        current.edges.pop_back();
    }
}

} // namespace

double countTolerablePatterns(const ResolvedScheme& scheme) {
    if (scheme.flat) return countSubsetsUpTo(scheme.workerCount, scheme.edgeTolerance);
    // ways[f]: patterns of the edges seen so far with f of them failed.
    std::vector<double> ways(scheme.edgeTolerance + 1, 0.0);
    ways[0] = 1.0;
    for (const auto& e : scheme.edges) {
        const double inside = countSubsetsUpTo(static_cast<int>(e.workers.size()), e.tolerance);
        for (int f = scheme.edgeTolerance; f >= 0; --f)
            ways[f] = ways[f] * inside + (f > 0 ? ways[f - 1] : 0.0);
    }
    return std::accumulate(ways.begin(), ways.end(), 0.0);
}

void forEachTolerablePattern(const ResolvedScheme& scheme,
                             const std::function<bool(const StragglerPattern&)>& visit) {
    if (scheme.flat) {
        for (const auto& subset : subsetsUpTo(scheme.workerCount, scheme.edgeTolerance))
            if (!visit(flatPattern(scheme, subset))) return;
        return;
    }
    std::vector<std::vector<std::vector<int>>> choices;
    for (const auto& e : scheme.edges)
        choices.push_back(subsetsUpTo(static_cast<int>(e.workers.size()), e.tolerance));
    StragglerPattern current;
    current.workers.resize(scheme.edges.size());
    bool stop = false;
    visitTwoLayer(scheme, choices, 0, scheme.edgeTolerance, current, visit, stop);
}

std::vector<StragglerPattern> worstLookingPatterns(const ResolvedScheme& scheme) {
    std::vector<StragglerPattern> out;
    const int n = static_cast<int>(scheme.edges.size());
    out.push_back({});
    if (scheme.flat) {
        const int W = scheme.workerCount, s = scheme.edgeTolerance;
        if (s == 0) return out;
        // Consecutive blocks at (up to 256 spread) offsets, and evenly spread workers.
        const int step = std::max(1, W / 256);
        for (int o = 0; o < W; o += step)
            out.push_back(flatPattern(scheme, block(W, s, o)));
        for (int stride : {std::max(1, W / s), 2}) {
            std::vector<int> spread;
            for (int t = 0; t < s; ++t)
                spread.push_back((t * stride) % W);
            std::sort(spread.begin(), spread.end());
            spread.erase(std::unique(spread.begin(), spread.end()), spread.end());
            out.push_back(flatPattern(scheme, spread));
        }
        // The largest edges first: all of their workers, then the next edge's.
        std::vector<int> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return scheme.edges[a].workers.size() > scheme.edges[b].workers.size();
        });
        std::vector<int> offsets(n, 0);
        for (int i = 1; i < n; ++i)
            offsets[i] = offsets[i - 1] + static_cast<int>(scheme.edges[i - 1].workers.size());
        std::vector<int> global;
        for (int i : order)
            for (int j = 0; j < static_cast<int>(scheme.edges[i].workers.size()); ++j)
                if (static_cast<int>(global.size()) < s) global.push_back(offsets[i] + j);
        std::sort(global.begin(), global.end());
        out.push_back(flatPattern(scheme, global));
        return out;
    }
    const auto maximalAt = [&](const std::vector<int>& failed, int offset) {
        StragglerPattern p;
        p.edges = failed;
        p.workers.resize(n);
        for (int i = 0; i < n; ++i)
            if (!std::count(failed.begin(), failed.end(), i)) {
                const int m = static_cast<int>(scheme.edges[i].workers.size());
                p.workers[i] = block(m, scheme.edges[i].tolerance, offset % m);
            }
        return p;
    };
    // All stragglers at one edge.
    for (int i = 0; i < std::min(n, 64); ++i) {
        const int m = static_cast<int>(scheme.edges[i].workers.size());
        const int s = scheme.edges[i].tolerance;
        if (s == 0) continue;
        for (int offset : {0, m - s}) {
            StragglerPattern p;
            p.workers.resize(n);
            p.workers[i] = block(m, s, offset);
            out.push_back(p);
        }
    }
    // The largest, the smallest, the first and the last edges failing, every other edge at
    // its tolerance in consecutive blocks at several offsets.
    std::vector<int> bySize(n);
    std::iota(bySize.begin(), bySize.end(), 0);
    std::stable_sort(bySize.begin(), bySize.end(),
                     [&](int a, int b) { return scheme.edges[a].share > scheme.edges[b].share; });
    const int se = scheme.edgeTolerance;
    std::vector<std::vector<int>> failedSets = {
        std::vector<int>(bySize.begin(), bySize.begin() + se),
        std::vector<int>(bySize.end() - se, bySize.end()), block(n, se, 0), block(n, se, n - se)};
    for (auto& failed : failedSets) {
        std::sort(failed.begin(), failed.end());
        for (int offset = 0; offset < 8; ++offset)
            out.push_back(maximalAt(failed, offset));
    }
    return out;
}

StragglerPattern randomPattern(const ResolvedScheme& scheme, Rng& rng) {
    const bool maximal = rng.uniform() < 0.75;
    if (scheme.flat) {
        const int s = maximal ? scheme.edgeTolerance : uniformUpTo(scheme.edgeTolerance, rng);
        return flatPattern(scheme, randomSubset(scheme.workerCount, s, rng));
    }
    const int n = static_cast<int>(scheme.edges.size());
    StragglerPattern p;
    p.edges = randomSubset(
        n, maximal ? scheme.edgeTolerance : uniformUpTo(scheme.edgeTolerance, rng), rng);
    p.workers.resize(n);
    for (int i = 0; i < n; ++i) {
        if (std::binary_search(p.edges.begin(), p.edges.end(), i)) continue;
        const int m = static_cast<int>(scheme.edges[i].workers.size());
        const int s = scheme.edges[i].tolerance;
        p.workers[i] = randomSubset(m, maximal ? s : uniformUpTo(s, rng), rng);
    }
    return p;
}

} // namespace hgc::coding
