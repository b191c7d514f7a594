#include "charts/baselines.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace hgc::charts {

bool betterEvaluation(const Evaluation& a, const Evaluation& b) {
    const bool fa = std::isfinite(a.expectedRuntime), fb = std::isfinite(b.expectedRuntime);
    if (fa != fb) return fa;
    if (fa) return a.expectedRuntime < b.expectedRuntime;
    if (a.failureProbability != b.failureProbability)
        return a.failureProbability < b.failureProbability;
    return a.conditionalRuntime < b.conditionalRuntime;
}

Progress subProgress(const Progress& parent, double from, double to) {
    Progress p;
    p.cancel = parent.cancel;
    if (parent.report)
        p.report = [report = parent.report, from, to](double f) { report(from + f * (to - from)); };
    return p;
}

GcBaseline bestGc(const AnalyticEvaluator& evaluator, const Progress& progress) {
    const Scenario& scenario = evaluator.scenario();
    // Ranking needs less accuracy than reporting: search at 1e-3 (heavy tails make every
    // digit expensive), then evaluate the winner with the caller's evaluator.
    AnalyticOptions searchOptions = evaluator.options();
    searchOptions.relativeAccuracy = std::max(searchOptions.relativeAccuracy, 1e-3);
    const AnalyticEvaluator search(scenario, searchOptions);
    const int workers = scenario.activeWorkerCount();
    std::map<int, Evaluation> done;
    auto evaluate = [&](int s) -> const Evaluation& {
        auto it = done.find(s);
        if (it == done.end()) {
            progress.check();
            it = done.emplace(s, search.evaluate(resolve(scenario, Scheme::gc(s)))).first;
        }
        return it->second;
    };
    auto bestOf = [&]() {
        int best = done.begin()->first;
        for (const auto& [s, e] : done)
            if (betterEvaluation(e, done.at(best))) best = s;
        return best;
    };

    constexpr int kExhaustiveLimit = 64;
    if (workers <= kExhaustiveLimit) {
        for (int s = 0; s < workers; ++s) {
            evaluate(s);
            progress.update(double(s + 1) / workers);
        }
    } else {
        constexpr int kCoarse = 16;
        int step = (workers - 1 + kCoarse - 1) / kCoarse;
        for (int s = 0; s < workers; s += step)
            evaluate(s);
        evaluate(workers - 1);
        progress.update(0.5);
        while (step > 1) {
            step = (step + 1) / 2;
            const int centre = bestOf();
            if (centre - step >= 0) evaluate(centre - step);
            if (centre + step < workers) evaluate(centre + step);
        }
        const int centre = bestOf();
        if (centre > 0) evaluate(centre - 1);
        if (centre + 1 < workers) evaluate(centre + 1);
    }
    GcBaseline result;
    result.stragglers = bestOf();
    result.evaluation = searchOptions.relativeAccuracy == evaluator.options().relativeAccuracy
                            ? done.at(result.stragglers)
                            : evaluator.evaluate(resolve(scenario, Scheme::gc(result.stragglers)));
    result.evaluated = static_cast<int>(done.size());
    return result;
}

} // namespace hgc::charts
