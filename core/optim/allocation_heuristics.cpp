#include "optim/allocation_heuristics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace hgc::optim {
namespace {

constexpr double kFloorFraction = 1e-6; // smallest load (share) relative to an equal split
constexpr double kQuantile = 0.9;

/// The p-quantile of the finite part of `d`, by bisection on its CDF.
double finiteQuantile(const Distribution& d, double p) {
    const double finite = 1.0 - d.failureProbability;
    double lo = d.baseLowerBound(), hi = std::max(lo + 1e-12, d.upperQuantile(1e-6));
    while (d.cdf(hi) < p * finite && hi < 1e300)
        hi *= 2.0;
    for (int k = 0; k < 100; ++k) {
        const double mid = 0.5 * (lo + hi);
        (d.cdf(mid) < p * finite ? lo : hi) = mid;
    }
    return hi;
}

/// (1 - risk) E[D | D < inf] + risk q90(D); an infinite mean (Pareto, shape <= 1) falls back
/// to the quantile, which is what a risk-averse schedule looks at anyway.
double blendedDelay(const Distribution& d, double risk) {
    const double q = finiteQuantile(d, kQuantile);
    const double mean = d.finiteMean();
    if (!std::isfinite(mean)) return q;
    return (1.0 - risk) * mean + risk * q;
}

std::vector<int> activeWorkers(const Edge& edge) {
    std::vector<int> out;
    for (int j = 0; j < static_cast<int>(edge.workers.size()); ++j)
        if (edge.workers[j].active) out.push_back(j);
    return out;
}

bool usable(const Edge& edge) {
    return edge.active &&
           std::any_of(edge.workers.begin(), edge.workers.end(), [](auto& w) { return w.active; });
}

/// Water-filled shares from per-edge slopes and offsets, then water-filled loads inside
/// every edge from per-worker slopes and offsets.
Scheme fillBothLayers(const Scenario& scenario, int edgeStragglers,
                      const std::vector<int>& tolerances, const std::vector<double>& edgeSlope,
                      const std::vector<double>& edgeOffset,
                      const std::vector<std::vector<double>>& workerSlope,
                      const std::vector<std::vector<double>>& workerOffset) {
    Scheme s = emptyAllocation(scenario, edgeStragglers);
    std::vector<int> edges;
    std::vector<double> c, d;
    for (int i = 0; i < static_cast<int>(scenario.edges.size()); ++i) {
        if (!usable(scenario.edges[i])) continue;
        edges.push_back(i);
        c.push_back(edgeSlope[i]);
        d.push_back(edgeOffset[i]);
    }
    const int n = static_cast<int>(edges.size());
    const double total = edgeStragglers + 1.0;
    const auto shares = waterFill(c, d, total, 1.0, kFloorFraction * total / n);
    for (int k = 0; k < n; ++k) {
        const int i = edges[k];
        EdgeAllocation& a = s.edges[i];
        a.share = shares[k];
        a.stragglers = tolerances[i];
        const auto workers = activeWorkers(scenario.edges[i]);
        std::vector<double> slope, offset;
        for (int j : workers) {
            slope.push_back(workerSlope[i][j]);
            offset.push_back(workerOffset[i][j]);
        }
        const double need = (tolerances[i] + 1.0) * a.share;
        const auto loads =
            waterFill(slope, offset, need, a.share, kFloorFraction * need / workers.size());
        for (std::size_t k2 = 0; k2 < workers.size(); ++k2)
            a.loads[workers[k2]] = loads[k2];
    }
    return s;
}

} // namespace

/// An allocation with every entry present (inactive ones zero, as the file format wants
/// one entry per edge and worker).
Scheme emptyAllocation(const Scenario& scenario, int edgeStragglers) {
    Scheme s;
    s.type = SchemeType::Allocation;
    s.edgeStragglers = edgeStragglers;
    for (const Edge& e : scenario.edges) {
        EdgeAllocation a;
        a.share = 0.0;
        a.loads.assign(e.workers.size(), 0.0);
        s.edges.push_back(a);
    }
    return s;
}

std::vector<double> waterFill(const std::vector<double>& slope, const std::vector<double>& offset,
                              double total, double cap, double floor) {
    const std::size_t m = slope.size();
    auto fill = [&](double tau, std::vector<double>* out) {
        double sum = 0.0;
        for (std::size_t j = 0; j < m; ++j) {
            const double x = std::clamp((tau - offset[j]) / slope[j], floor, cap);
            if (out) (*out)[j] = x;
            sum += x;
        }
        return sum;
    };
    // tau below every offset gives the floors, tau above offset + cap * slope the caps.
    double lo = *std::min_element(offset.begin(), offset.end()), hi = lo;
    for (std::size_t j = 0; j < m; ++j)
        hi = std::max(hi, offset[j] + cap * slope[j]);
    for (int k = 0; k < 200 && hi - lo > 1e-15 * std::max(1.0, std::abs(hi)); ++k) {
        const double mid = 0.5 * (lo + hi);
        (fill(mid, nullptr) < total ? lo : hi) = mid;
    }
    // The upper end of the bracket: its sum is >= total, so the validity sums hold.
    std::vector<double> out(m);
    fill(hi, &out);
    return out;
}

double computeCost(const Worker& worker, double risk) {
    const double q = worker.compute.failureProbability;
    return std::max(1e-12, blendedDelay(worker.compute, risk) / (1.0 - q));
}

double uplinkDelay(const Distribution& uplink, double risk) {
    return blendedDelay(uplink, risk);
}

AllocationShape neutralShape(const Scenario& scenario, int edgeStragglers,
                             const std::vector<int>& tolerances, double risk) {
    AllocationShape shape;
    shape.edgeStragglers = edgeStragglers;
    shape.tolerances = tolerances;
    const std::size_t n = scenario.edges.size();
    shape.risk.assign(n, risk);
    shape.edgeTilt.assign(n, 0.0);
    for (const Edge& e : scenario.edges)
        shape.workerTilt.emplace_back(e.workers.size(), 0.0);
    return shape;
}

Scheme waterFillAllocation(const Scenario& scenario, const AllocationShape& shape) {
    const std::size_t n = scenario.edges.size();
    std::vector<double> c(n, 1.0), d(n, 0.0);
    std::vector<std::vector<double>> a(n), b(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Edge& e = scenario.edges[i];
        a[i].assign(e.workers.size(), 1.0);
        b[i].assign(e.workers.size(), 0.0);
        if (!usable(e)) continue;
        const double risk = shape.risk[i];
        double speed = 0.0, weightedOffset = 0.0;
        for (int j : activeWorkers(e)) {
            a[i][j] = computeCost(e.workers[j], risk) * std::exp(shape.workerTilt[i][j]);
            b[i][j] = uplinkDelay(e.workers[j].uplink, risk);
            speed += 1.0 / a[i][j];
            weightedOffset += b[i][j] / a[i][j];
        }
        // Equal finishing at tau: (s_i+1) f = sum_j (tau - b_j)/a_j, so tau = c f + d.
        c[i] = (shape.tolerances[i] + 1.0) / speed * std::exp(shape.edgeTilt[i]);
        d[i] = weightedOffset / speed + uplinkDelay(e.uplink, risk);
    }
    return fillBothLayers(scenario, shape.edgeStragglers, shape.tolerances, c, d, a, b);
}

Scheme proportionalAllocation(const Scenario& scenario, int edgeStragglers, int workerStragglers) {
    const std::size_t n = scenario.edges.size();
    std::vector<double> c(n, 1.0), d(n, 0.0);
    std::vector<std::vector<double>> a(n), b(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Edge& e = scenario.edges[i];
        a[i].assign(e.workers.size(), 1.0);
        b[i].assign(e.workers.size(), 0.0);
        if (!usable(e)) continue;
        double speed = 0.0;
        for (int j : activeWorkers(e)) {
            const double mean = e.workers[j].compute.finiteMean();
            a[i][j] = std::isfinite(mean) ? mean : finiteQuantile(e.workers[j].compute, kQuantile);
            speed += 1.0 / a[i][j];
        }
        c[i] = 1.0 / speed; // share proportional to the edge's total speed
    }
    return fillBothLayers(scenario, edgeStragglers, std::vector<int>(n, workerStragglers), c, d, a,
                          b);
}

std::vector<int> workersWeakestFirst(const Scenario& scenario, int edge) {
    const Edge& e = scenario.edges[edge];
    auto workers = activeWorkers(e);
    // Delay at an equal split of the data over the scenario's active workers.
    const double load = 1.0 / std::max(1, scenario.activeWorkerCount());
    auto delay = [&](int j) {
        return load * computeCost(e.workers[j], 0.5) + uplinkDelay(e.workers[j].uplink, 0.5);
    };
    std::stable_sort(workers.begin(), workers.end(), [&](int x, int y) {
        const double qx =
            e.workers[x].compute.failureProbability + e.workers[x].uplink.failureProbability;
        const double qy =
            e.workers[y].compute.failureProbability + e.workers[y].uplink.failureProbability;
        if (qx != qy) return qx > qy;
        return delay(x) > delay(y);
    });
    return workers;
}

} // namespace hgc::optim
