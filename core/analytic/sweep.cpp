#include "analytic/sweep.h"
#include "util/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "util/errors.h"

namespace hgc {

std::vector<std::pair<int, int>> validHgcPairs(const Scenario& scenario) {
    // The active topology as hgc::resolve sees it (an edge without active workers is out).
    const ResolvedScheme active = resolve(scenario, Scheme::uncoded());
    const int n = static_cast<int>(active.edges.size());
    const int W = active.workerCount;
    int minWorkers = W, maxWorkers = 0;
    for (const auto& e : active.edges) {
        minWorkers = std::min(minWorkers, static_cast<int>(e.workers.size()));
        maxWorkers = std::max(maxWorkers, static_cast<int>(e.workers.size()));
    }
    std::vector<std::pair<int, int>> pairs;
    for (int se = 0; se < n; ++se) {
        // hgc::resolve's share condition (s_e+1) m_i / W <= 1, with its rounding slack.
        if (static_cast<double>(se + 1) * maxWorkers / W > 1.0 + 1e-9) break;
        for (int sw = 0; sw < minWorkers; ++sw)
            pairs.push_back({se, sw});
    }
    return pairs;
}

const SweepRow& bestRow(const std::vector<SweepRow>& rows) {
    auto better = [](const SweepRow& a, const SweepRow& b) {
        const Evaluation &x = a.evaluation, &y = b.evaluation;
        const bool xf = std::isfinite(x.expectedRuntime), yf = std::isfinite(y.expectedRuntime);
        if (xf != yf) return xf;
        if (xf) return x.expectedRuntime < y.expectedRuntime;
        if (x.failureProbability != y.failureProbability)
            return x.failureProbability < y.failureProbability;
        return x.conditionalRuntime < y.conditionalRuntime;
    };
    return *std::min_element(rows.begin(), rows.end(), better);
}

SweepResult sweepHgc(const Scenario& scenario, const AnalyticOptions& options,
                     const Progress& progress) {
    const AnalyticEvaluator evaluator(scenario, options);
    const auto pairs = validHgcPairs(scenario);
    SweepResult result;
    result.rows.resize(pairs.size());
    const std::size_t jobs = pairs.size() + 1; // the rows and the uncoded baseline
    std::atomic<std::size_t> done{0};
    parallelFor(jobs, 0, progress, [&](std::size_t job) {
        if (job == pairs.size()) {
            result.uncoded = evaluator.evaluate(resolve(evaluator.scenario(), Scheme::uncoded()));
        } else {
            const auto [se, sw] = pairs[job];
            const ResolvedScheme scheme = resolve(evaluator.scenario(), Scheme::hgc(se, sw));
            SweepRow& row = result.rows[job];
            row.edgeStragglers = se;
            row.workerStragglers = sw;
            row.loadPerWorker = scheme.maxLoad();
            row.evaluation = evaluator.evaluate(scheme);
        }
        const std::size_t finished = done.fetch_add(1) + 1;
        if (progress.report) progress.report(static_cast<double>(finished) / jobs);
    });
    result.best = bestRow(result.rows);
    return result;
}

} // namespace hgc
