#include "iteration_cdf.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "count_distribution.h"
#include "delay_grid.h"
#include "tail_exponent.h"

namespace hgc::analytic {
namespace {

/// The k-th smallest of `values` with multiplicities (k >= 1).
double kthSmallest(std::vector<std::pair<double, int>> values, int k) {
    std::sort(values.begin(), values.end());
    for (const auto& [v, count] : values) {
        k -= count;
        if (k <= 0) return v;
    }
    return values.empty() ? 0.0 : values.back().first;
}

double workerLow(const Distribution& x, double load, const Distribution& u) {
    return load * x.baseLowerBound() + u.baseLowerBound();
}

double workerHigh(const Distribution& x, double load, const Distribution& u, double tail) {
    return load * x.upperQuantile(tail) + u.upperQuantile(tail);
}

/// A hash of what decides a worker's CDF on an edge's grid (equality is checked in full).
std::size_t workerKeyHash(const Distribution& compute, const Distribution& uplink, double load,
                          double edgeShift) {
    std::size_t h = 1469598103934665603ull;
    auto mix = [&](double v) {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        h = (h ^ bits) * 1099511628211ull;
    };
    for (const Distribution* d : {&compute, &uplink}) {
        mix(static_cast<double>(d->kind));
        mix(d->params[0]);
        mix(d->params[1]);
        mix(d->straggleProbability);
        mix(d->straggleSlowdown);
        mix(d->failureProbability);
    }
    mix(load);
    mix(edgeShift);
    return h;
}

} // namespace

IterationCdf::IterationCdf(const Scenario& scenario, const ResolvedScheme& scheme)
    : flat_(scheme.flat), masterWaitFor_(scheme.masterWaitFor), workerCount_(scheme.workerCount),
      tailExponent_(iterationTailExponent(scenario, scheme)) {
    for (const auto& re : scheme.edges) {
        const Edge& edge = scenario.edges[re.edge];
        EdgeModel e;
        e.uplink = &edge.uplink;
        e.workers = static_cast<int>(re.workers.size());
        e.waitFor = re.waitFor;
        // Identical workers (same delays, same load) share one CDF array.
        for (std::size_t j = 0; j < re.workers.size(); ++j) {
            const Worker& w = edge.workers[re.workers[j]];
            auto same = std::find_if(e.groups.begin(), e.groups.end(), [&](const WorkerGroup& g) {
                return g.load == re.loads[j] && *g.compute == w.compute && *g.uplink == w.uplink;
            });
            if (same != e.groups.end())
                ++same->count;
            else
                e.groups.push_back({&w.compute, &w.uplink, re.loads[j], 1});
        }
        for (std::size_t i = 0; i < edges_.size() && e.sameAs < 0; ++i) {
            const EdgeModel& o = edges_[i];
            if (o.waitFor != e.waitFor || !(*o.uplink == *e.uplink) ||
                o.groups.size() != e.groups.size())
                continue;
            bool equal = true;
            for (std::size_t g = 0; g < e.groups.size() && equal; ++g) {
                const auto &a = o.groups[g], &b = e.groups[g];
                equal = a.load == b.load && a.count == b.count && *a.compute == *b.compute &&
                        *a.uplink == *b.uplink;
            }
            if (equal) e.sameAs = static_cast<int>(i);
        }
        edges_.push_back(std::move(e));
    }
    shareAcrossEdges();
    pointwiseArrivals_ = true;
    for (const auto& e : edges_)
        for (const auto& g : e.groups)
            pointwiseArrivals_ = pointwiseArrivals_ && isPointDelay(*g.uplink);
    // The grid must start where every node's CDF is still 0 (the convolutions and the
    // count DP take "before the grid" as "nothing has arrived").
    lower_ = std::numeric_limits<double>::infinity();
    for (const auto& e : edges_) {
        std::vector<std::pair<double, int>> lows;
        for (const auto& g : e.groups)
            lows.push_back({workerLow(*g.compute, g.load, *g.uplink), g.count});
        const double first = flat_ ? kthSmallest(lows, 1) : kthSmallest(lows, e.waitFor);
        lower_ = std::min(lower_, first + e.uplink->baseLowerBound());
    }
    lower_ = std::max(0.0, lower_);
}

double IterationCdf::upperGuess(double tail) const {
    std::vector<std::pair<double, int>> ends;
    for (const auto& e : edges_) {
        std::vector<std::pair<double, int>> highs;
        for (const auto& g : e.groups)
            highs.push_back({workerHigh(*g.compute, g.load, *g.uplink, tail), g.count});
        const double v = e.uplink->upperQuantile(tail);
        if (flat_) {
            for (const auto& [h, count] : highs)
                ends.push_back({h + v, count});
        } else {
            ends.push_back({kthSmallest(highs, e.waitFor) + v, 1});
        }
    }
    return kthSmallest(ends, masterWaitFor_);
}

void IterationCdf::shareAcrossEdges() {
    // Identical workers on different edges (not repeated edges, which are counted once)
    // have the same CDF when their edges' uplinks start at the same time: compute it once
    // per grid. Only groups that do repeat are shared, so memory stays at one array per
    // distinct repeated worker.
    struct Seen {
        int edge, group;
    };
    std::unordered_map<std::size_t, std::vector<Seen>> byHash;
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        EdgeModel& e = edges_[i];
        if (e.sameAs >= 0 && !flat_) continue; // the two-layer path skips repeated edges
        const double edgeShift = e.uplink->baseLowerBound();
        for (std::size_t g = 0; g < e.groups.size(); ++g) {
            WorkerGroup& group = e.groups[g];
            auto& candidates =
                byHash[workerKeyHash(*group.compute, *group.uplink, group.load, edgeShift)];
            for (const Seen& c : candidates) {
                WorkerGroup& other = edges_[c.edge].groups[c.group];
                if (other.load == group.load && *other.compute == *group.compute &&
                    *other.uplink == *group.uplink &&
                    edges_[c.edge].uplink->baseLowerBound() == edgeShift) {
                    if (other.shared < 0) other.shared = sharedCount_++;
                    group.shared = other.shared;
                    break;
                }
            }
            if (group.shared < 0) candidates.push_back({static_cast<int>(i), static_cast<int>(g)});
        }
    }
}

std::vector<CountItem> IterationCdf::workerCdfs(const EdgeModel& e, const Grid& grid,
                                                double edgeShift,
                                                std::vector<std::vector<double>>& own,
                                                std::vector<std::vector<double>>& shared) const {
    own.resize(e.groups.size());
    shared.resize(sharedCount_);
    std::vector<CountItem> items;
    for (std::size_t g = 0; g < e.groups.size(); ++g) {
        const auto& group = e.groups[g];
        std::vector<double>& cdf = group.shared >= 0 ? shared[group.shared] : own[g];
        if (group.shared < 0 || cdf.empty()) {
            cdf.resize(grid.count + 1);
            sumCdfOnGrid(*group.compute, group.load, *group.uplink, grid.origin - edgeShift,
                         grid.step, grid.count, cdf.data());
        }
        items.push_back({cdf.data(), group.count});
    }
    return items;
}

void IterationCdf::evaluate(const Grid& grid, std::vector<double>& out) const {
    out.assign(grid.count + 1, 0.0);
    if (flat_)
        evaluateFlat(grid, out);
    else
        evaluateTwoLayer(grid, out);
}

void IterationCdf::edgeArrivals(const Grid& grid,
                                std::vector<std::vector<double>>& arrivals) const {
    // The previous grid's points are this grid's even ones when it has half the resolution
    // on the same range (the step of the finer grid is exactly half, so 2j x step is the
    // same double as j x the coarse step).
    const Grid& old = arrivalGrid_;
    reused_ = pointwiseArrivals_ && !arrivals_.empty() && old.origin == grid.origin &&
              old.step == 2.0 * grid.step && grid.count == 2 * old.count - 1;
    const Grid odd{grid.origin + grid.step, 2.0 * grid.step, old.count - 1};
    const Grid& computed = reused_ ? odd : grid;
    const int points = computed.count + 1;
    std::vector<std::vector<double>> workers, shared;
    arrivals.assign(edges_.size(), {});
    std::vector<double> fresh(points);
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const EdgeModel& e = edges_[i];
        if (e.sameAs >= 0) continue;
        const auto items = workerCdfs(e, computed, e.uplink->baseLowerBound(), workers, shared);
        kthSmallestCdf(items, e.workers, e.waitFor, points, fresh.data());
        std::vector<double>& a = arrivals[i];
        if (!reused_) {
            a = fresh;
            continue;
        }
        a.resize(grid.count + 1);
        for (int j = 0; j < old.count; ++j)
            a[2 * j] = arrivals_[i][j];
        for (int j = 0; j < odd.count; ++j)
            a[2 * j + 1] = fresh[j];
        a[grid.count] = fresh[odd.count];
    }
    if (pointwiseArrivals_) {
        arrivalGrid_ = grid;
        arrivals_ = arrivals;
    }
}

void IterationCdf::evaluateTwoLayer(const Grid& grid, std::vector<double>& out) const {
    const int points = grid.count + 1; // the grid and t = inf
    std::vector<std::vector<double>> edgeCdf(edges_.size());
    std::vector<CountItem> edgeItems;
    std::vector<std::vector<double>> arrivals;
    edgeArrivals(grid, arrivals);
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const EdgeModel& e = edges_[i];
        if (e.sameAs >= 0) {
            // Counted with multiplicity on the edge it repeats.
            auto it = std::find_if(edgeItems.begin(), edgeItems.end(), [&](const CountItem& c) {
                return c.cdf == edgeCdf[e.sameAs].data();
            });
            ++it->multiplicity;
            continue;
        }
        const BinnedDelay v = binDelay(*e.uplink, grid.step, grid.count);
        const std::vector<double>& arrival = arrivals[i];
        edgeCdf[i].resize(points);
        convolve(arrival.data(), 0, 0.0, v, edgeCdf[i].data(), grid.count);
        edgeCdf[i][grid.count] = arrival[grid.count] * v.finiteMass;
        edgeItems.push_back({edgeCdf[i].data(), 1});
    }
    kthSmallestCdf(edgeItems, static_cast<int>(edges_.size()), masterWaitFor_, points, out.data());
}

void IterationCdf::evaluateFlat(const Grid& grid, std::vector<double>& out) const {
    const int points = grid.count + 1;
    const int stragglers = workerCount_ - masterWaitFor_;
    // Count late messages (at most s allowed) or arrived ones (at least W - s needed),
    // whichever needs fewer states.
    const bool countLate = stragglers <= masterWaitFor_ - 1;
    const int cap = countLate ? stragglers : masterWaitFor_ - 1;
    const Counting mode = countLate ? Counting::Exceeded : Counting::Arrived;
    std::vector<double> total(static_cast<std::size_t>(cap + 1) * points, 0.0);
    std::fill(total.begin(), total.begin() + points, 1.0);
    std::vector<std::vector<double>> workers, shared;
    std::vector<double> pmf, edgePmf, next;
    for (const auto& e : edges_) {
        const BinnedDelay v = binDelay(*e.uplink, grid.step, grid.count);
        const auto items = workerCdfs(e, grid, v.shift, workers, shared);
        const int edgeCap = std::min(cap, e.workers);
        countDistribution(items, mode, edgeCap, points, pmf);
        // Average over V_i. Before the grid (and when V_i is late or fails) every worker
        // of the edge is late: count m_i late, or 0 arrived.
        edgePmf.assign(static_cast<std::size_t>(edgeCap + 1) * points, 0.0);
        for (int c = 0; c <= edgeCap; ++c) {
            const double below = (countLate ? c == e.workers : c == 0) ? 1.0 : 0.0;
            const double* in = pmf.data() + static_cast<std::size_t>(c) * points;
            double* o = edgePmf.data() + static_cast<std::size_t>(c) * points;
            convolve(in, 0, below, v, o, grid.count);
            o[grid.count] = v.finiteMass * in[grid.count] + (1.0 - v.finiteMass) * below;
        }
        // Independent edges: the count of the union is the convolution of the counts.
        next.assign(total.size(), 0.0);
        for (int c = 0; c <= cap; ++c) {
            double* o = next.data() + static_cast<std::size_t>(c) * points;
            for (int a = 0; a <= std::min(c, edgeCap); ++a) {
                const double* x = total.data() + static_cast<std::size_t>(c - a) * points;
                const double* y = edgePmf.data() + static_cast<std::size_t>(a) * points;
                for (int k = 0; k < points; ++k)
                    o[k] += x[k] * y[k];
            }
        }
        total.swap(next);
    }
    for (int k = 0; k < points; ++k) {
        double atMost = 0.0;
        for (int c = 0; c <= cap; ++c)
            atMost += total[static_cast<std::size_t>(c) * points + k];
        out[k] = countLate ? atMost : std::max(0.0, 1.0 - atMost);
    }
}

} // namespace hgc::analytic
