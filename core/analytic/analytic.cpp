#include "analytic.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "iteration_cdf.h"
#include "util/errors.h"

namespace hgc {
namespace {

using analytic::Grid;
using analytic::IterationCdf;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kFirstIntervals = 64;
constexpr int kMaxIntervals = 1 << 17;
constexpr double kRangeTail = 1e-7;

void checkOptions(const AnalyticOptions& o) {
    if (!(o.relativeAccuracy > 0.0 && o.relativeAccuracy <= 0.1))
        throw InputError("relative_accuracy", "must be in (0, 0.1]");
}

/// A scheme resolved against another scenario would index out of range: refuse it.
void checkFits(const Scenario& scenario, const ResolvedScheme& scheme) {
    auto bad = [](const std::string& why) { throw InputError("scheme", why); };
    if (scheme.edges.empty()) bad("has no active edge");
    int workers = 0;
    for (const auto& e : scheme.edges) {
        if (e.edge < 0 || e.edge >= static_cast<int>(scenario.edges.size()))
            bad("edge index " + std::to_string(e.edge) + " is not in the scenario");
        const int m = static_cast<int>(e.workers.size());
        if (m == 0 || e.loads.size() != e.workers.size())
            bad("edge " + std::to_string(e.edge) + " has no loads");
        for (int j : e.workers)
            if (j < 0 || j >= static_cast<int>(scenario.edges[e.edge].workers.size()))
                bad("worker index " + std::to_string(j) + " is not in edges[" +
                    std::to_string(e.edge) + "]");
        for (double l : e.loads)
            if (!(l > 0.0 && std::isfinite(l))) bad("loads must be > 0");
        if (!scheme.flat && (e.waitFor < 1 || e.waitFor > m))
            bad("edges[" + std::to_string(e.edge) + "] waits for " + std::to_string(e.waitFor) +
                " of " + std::to_string(m) + " workers");
        workers += m;
    }
    const int n = scheme.flat ? workers : static_cast<int>(scheme.edges.size());
    if (scheme.masterWaitFor < 1 || scheme.masterWaitFor > n)
        bad("the master waits for " + std::to_string(scheme.masterWaitFor) + " of " +
            std::to_string(n));
    if (scheme.flat && scheme.workerCount != workers) bad("worker count does not match its edges");
}

/// Integral of 1 - F(t) / finite over the grid by the trapezoid rule.
double trapezoid(const std::vector<double>& cdf, int count, double step, double finite) {
    auto g = [&](int k) { return std::clamp(1.0 - cdf[k] / finite, 0.0, 1.0); };
    double sum = 0.5 * (g(0) + g(count - 1));
    for (int k = 1; k < count - 1; ++k)
        sum += g(k);
    return sum * step;
}

/// Smallest t on the grid (linearly interpolated) with F(t) >= p.
double quantile(const std::vector<double>& cdf, const Grid& grid, double p, double finite) {
    if (p > finite * (1.0 + 1e-12)) return kInf;
    for (int k = 0; k < grid.count; ++k) {
        if (cdf[k] < p) continue;
        if (k == 0) return grid.origin;
        const double below = cdf[k - 1], frac = (p - below) / (cdf[k] - below);
        return grid.origin + (k - 1 + frac) * grid.step;
    }
    return grid.origin + (grid.count - 1) * grid.step;
}

AnalyticResult run(const Scenario& scenario, const ResolvedScheme& scheme,
                   const AnalyticOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    checkOptions(options);
    checkFits(scenario, scheme);
    const double tol = options.relativeAccuracy;
    const IterationCdf model(scenario, scheme);
    const double low = model.lowerBound();
    const double beta = model.tailExponent();
    // With E[T] = inf (beta <= 1) only the quantiles are wanted: a far quantile of the
    // delays would stretch the grid over an astronomically long range for nothing.
    const bool infiniteMean = beta <= 1.0;
    double high = std::max(model.upperGuess(infiniteMean ? 1e-3 : kRangeTail), low);
    // A grid narrower than this would not resolve anything more, and at the width of a
    // rounding error its step becomes zero (T that takes a single value: all delays fixed).
    const double narrowest = std::max(1e-9, 1e-6 * std::abs(low));
    if (!(high - low >= narrowest)) high = low + narrowest;

    int intervals = kFirstIntervals;
    auto gridOf = [&](int n) { return Grid{low, (high - low) / n, n + 1}; };
    std::vector<double> coarse, fine;
    model.evaluate(gridOf(intervals), coarse);

    // The first range comes from the delays' far quantiles and is often much longer than
    // T needs (an order statistic has a lighter tail than its parts): cut it where what
    // lies beyond is below a twentieth of the target, so that the grid resolves the body.
    // The bound uses that 1 - F_T decreases: the integral from t to H is at most
    // (1 - F_T(t)) (H - t).
    for (int cut = 0; cut < 8; ++cut) {
        const Grid grid = gridOf(intervals);
        const double finite = coarse[grid.count];
        if (finite <= 0.0) break;
        const double estimate = low + trapezoid(coarse, grid.count, grid.step, finite);
        const double allowed = 0.05 * tol * estimate;
        int k = 1;
        for (; k < grid.count - 1; ++k) {
            const double t = grid.origin + k * grid.step;
            const double g = std::clamp(1.0 - coarse[k] / finite, 0.0, 1.0);
            const double beyond = std::isfinite(beta) ? g * t / std::max(beta - 1.0, 1e-3)
                                                      : g * std::max(high - t, t - low);
            if (beyond <= allowed) break;
        }
        const double cutAt = grid.origin + (k + 1) * grid.step;
        if (cutAt > low + 0.5 * (high - low) || cutAt - low < narrowest) break;
        high = cutAt;
        model.evaluate(gridOf(intervals), coarse);
    }
    model.evaluate(gridOf(2 * intervals), fine);

    AnalyticResult result;
    Evaluation& ev = result.evaluation;
    double finite = 0.0, estimate = 0.0, tailMass = 0.0;
    for (;;) {
        const Grid grid = gridOf(2 * intervals);
        finite = fine[grid.count];
        if (finite <= 0.0) break;
        const bool powerTail = beta > 1.0 && std::isfinite(beta);
        // E[T | T < inf] from the part of the grid up to fine point `end` (even), plus the
        // power-law tail beyond it.
        auto estimateUpTo = [&](int end, double* bodyError) {
            const double bodyCoarse = trapezoid(coarse, end / 2 + 1, 2.0 * grid.step, finite);
            const double bodyFine = trapezoid(fine, end + 1, grid.step, finite);
            if (bodyError) *bodyError = std::abs(bodyFine - bodyCoarse);
            const double mass = std::clamp(1.0 - fine[end] / finite, 0.0, 1.0);
            const double tail = powerTail ? mass * (low + end * grid.step) / (beta - 1.0) : 0.0;
            return low + bodyFine + (bodyFine - bodyCoarse) / 3.0 + tail;
        };
        double error = 0.0;
        estimate = estimateUpTo(grid.count - 1, &error);
        tailMass = std::clamp(1.0 - fine[grid.count - 1] / finite, 0.0, 1.0);
        const bool canGrow = 4 * intervals <= kMaxIntervals;
        // The mass beyond the grid: for light tails bounded by tailMass x (range). Power
        // tails are modelled from the end of the grid on: the model's error is judged by
        // how much the estimate moves when it takes over at half the range instead (it
        // shrinks as the range grows, while the tail's own size may shrink too slowly
        // ever to be negligible: growing the range for that only coarsened the grid).
        const double beyond = powerTail ? std::abs(estimate - estimateUpTo(intervals, nullptr))
                              : std::isfinite(beta) ? 0.0
                                                    : tailMass * (high - low);
        bool quantileOutside = false;
        for (double p : {0.5, 0.95, 0.99})
            if (p <= finite && fine[grid.count - 1] < p) quantileOutside = true;
        if (canGrow && (quantileOutside || (beta > 1.0 && beyond > 0.1 * tol * estimate))) {
            high = low + 2.0 * (high - low);
            intervals *= 2;
            model.evaluate(gridOf(intervals), coarse);
            model.evaluate(gridOf(2 * intervals), fine);
            continue;
        }
        // Without a mean, refine for the quantiles' sake until they settle.
        double quantileChange = 0.0;
        if (infiniteMean)
            for (double p : {0.5, 0.95, 0.99}) {
                const double a = quantile(coarse, gridOf(intervals), p, finite);
                const double b = quantile(fine, grid, p, finite);
                if (std::isfinite(b))
                    quantileChange = std::max(quantileChange, std::abs(a / b - 1.0));
            }
        if (canGrow && (infiniteMean ? quantileChange > tol : error > tol * estimate)) {
            intervals *= 2;
            coarse.swap(fine);
            model.evaluate(gridOf(2 * intervals), fine);
            continue;
        }
        break;
    }

    const Grid grid = gridOf(2 * intervals);
    ev.failureProbability = std::clamp(1.0 - finite, 0.0, 1.0);
    if (finite <= 0.0) {
        ev.conditionalRuntime = kInf;
        ev.quantiles = {kInf, kInf, kInf};
    } else {
        ev.conditionalRuntime = beta <= 1.0 ? kInf : estimate;
        ev.quantiles = {quantile(fine, grid, 0.5, finite), quantile(fine, grid, 0.95, finite),
                        quantile(fine, grid, 0.99, finite)};
    }
    ev.expectedRuntime = ev.failureProbability > 0.0 ? kInf : ev.conditionalRuntime;

    CdfCurve& curve = result.cdf;
    curve.finiteProbability = finite;
    // Rounding can make the DP's values dip by ~1e-16: the curve is a CDF, keep it monotone.
    const int stride = std::max(1, grid.count / 1000);
    double highest = 0.0;
    for (int k = 0; k < grid.count; ++k) {
        highest = std::max(highest, fine[k]);
        if (k % stride == 0 || k == grid.count - 1) {
            curve.times.push_back(grid.origin + k * grid.step);
            curve.cdf.push_back(highest);
        }
    }
    ev.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace

AnalyticEvaluator::AnalyticEvaluator(Scenario scenario, AnalyticOptions options)
    : scenario_(std::move(scenario)), options_(options) {
    checkOptions(options_);
}

Evaluation AnalyticEvaluator::evaluate(const ResolvedScheme& scheme) const {
    return run(scenario_, scheme, options_).evaluation;
}

AnalyticResult AnalyticEvaluator::evaluateWithCdf(const ResolvedScheme& scheme) const {
    return run(scenario_, scheme, options_);
}

Evaluation evaluateAnalytic(const Scenario& scenario, const ResolvedScheme& scheme,
                            const AnalyticOptions& options) {
    return run(scenario, scheme, options).evaluation;
}

CdfCurve analyticCdf(const Scenario& scenario, const ResolvedScheme& scheme,
                     const AnalyticOptions& options) {
    return run(scenario, scheme, options).cdf;
}

} // namespace hgc
