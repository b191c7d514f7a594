#include "optim/optimize.h"

#include <chrono>
#include <cmath>
#include <string>

#include "optim/allocation_heuristics.h"
#include "optim/allocation_search.h"
#include "optim/evaluation_order.h"
#include "optim/node_selection.h"
#include "util/errors.h"

namespace hgc {
namespace {

constexpr double kSweepPart =
    0.2; // progress fraction given to the uniform sweep (general, selection)

void checkOptions(const OptimOptions& o) {
    if (!(o.searchAccuracy > 0.0 && o.searchAccuracy <= 0.1))
        throw InputError("search_accuracy", "must be in (0, 0.1]");
    if (o.threads < 0) throw InputError("threads", "must be >= 0");
    if (!(o.minRelativeGain >= 0.0 && o.minRelativeGain < 1.0))
        throw InputError("min_relative_gain", "must be in [0, 1)");
    if (!(o.maxSeconds > 0.0)) throw InputError("max_seconds", "must be > 0");
}

/// `progress` with its fractions mapped into [from, to].
Progress scaled(const Progress& progress, double from, double to) {
    Progress p;
    p.cancel = progress.cancel;
    if (progress.report) p.report = [=](double f) { progress.report(from + (to - from) * f); };
    return p;
}

} // namespace

std::string_view optimFamilyName(OptimFamily family) {
    switch (family) {
    case OptimFamily::Uniform:
        return "uniform";
    case OptimFamily::Selection:
        return "selection";
    case OptimFamily::General:
        return "general";
    }
    return "uniform";
}

OptimFamily optimFamilyByName(std::string_view name) {
    for (auto f : {OptimFamily::Uniform, OptimFamily::Selection, OptimFamily::General})
        if (optimFamilyName(f) == name) return f;
    throw InputError("family", "unknown family '" + std::string(name) +
                                   "' (known: uniform, selection, general)");
}

Scheme hgcAsAllocation(const Scenario& scenario, int edgeStragglers, int workerStragglers) {
    const ResolvedScheme r = resolve(scenario, Scheme::hgc(edgeStragglers, workerStragglers));
    Scheme s = optim::emptyAllocation(scenario, edgeStragglers);
    for (const ResolvedEdge& e : r.edges) {
        EdgeAllocation& a = s.edges[e.edge];
        a.share = e.share;
        a.stragglers = e.tolerance;
        for (std::size_t k = 0; k < e.workers.size(); ++k)
            a.loads[e.workers[k]] = e.loads[k];
    }
    return s;
}

OptimResult optimize(const Scenario& scenario, OptimFamily family, const OptimOptions& options,
                     const Progress& progress) {
    checkOptions(options);
    const double sweepEnd = family == OptimFamily::Uniform ? 1.0 : kSweepPart;
    const auto start = std::chrono::steady_clock::now();
    const SweepResult sweep = sweepHgc(scenario, options.analytic, scaled(progress, 0.0, sweepEnd));
    const double sweepSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    OptimResult result =
        optimize(scenario, family, sweep, options, scaled(progress, sweepEnd, 1.0));
    result.seconds += sweepSeconds;
    return result;
}

OptimResult optimize(const Scenario& scenario, OptimFamily family, const SweepResult& sweep,
                     const OptimOptions& options, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    checkOptions(options);
    if (scenario.activeWorkerCount() == 0)
        throw InputError("edges", "at least one edge with an active worker is needed");
    if (sweep.rows.empty()) throw InputError("sweep", "has no rows");

    OptimResult result;
    result.family = family;
    result.sweep = sweep;
    result.evaluations = static_cast<long long>(result.sweep.rows.size()) + 1;
    result.uncoded = result.sweep.uncoded;
    result.bestUniform = result.sweep.best.evaluation;
    const SweepRow& best = result.sweep.best;

    switch (family) {
    case OptimFamily::Uniform:
        result.scheme = Scheme::hgc(best.edgeStragglers, best.workerStragglers);
        result.evaluation = best.evaluation;
        result.scenario = scenario;
        break;
    case OptimFamily::Selection: {
        auto selection = optim::selectNodes(scenario, result.sweep, options, progress, 0.0, 1.0);
        result.scheme = selection.scenario.scheme;
        result.evaluation = selection.best.evaluation;
        result.scenario = std::move(selection.scenario);
        result.excluded = std::move(selection.excluded);
        result.evaluations += selection.evaluations;
        break;
    }
    case OptimFamily::General: {
        auto search = optim::searchAllocation(scenario, result.sweep, options, progress, 0.0, 1.0);
        result.evaluations += search.evaluations + 2;
        const AnalyticEvaluator evaluator(scenario, options.analytic);
        result.proportionalScheme = search.proportionalScheme;
        result.proportional = evaluator.evaluate(resolve(scenario, search.proportionalScheme));
        // The best of the best uniform hgc, the proportional baseline and the search's
        // winner, all judged at the reporting accuracy: the search ranks at a coarser one
        // and, on a short budget, may not have got past a baseline it started beside.
        // Ties keep the earlier (simpler) candidate.
        result.scheme = hgcAsAllocation(scenario, best.edgeStragglers, best.workerStragglers);
        result.evaluation = result.bestUniform;
        auto consider = [&](const Scheme& scheme, const Evaluation& evaluation) {
            if (!betterEvaluation(evaluation, result.evaluation)) return;
            result.scheme = scheme;
            result.evaluation = evaluation;
        };
        consider(search.proportionalScheme, *result.proportional);
        consider(search.scheme, evaluator.evaluate(resolve(scenario, search.scheme)));
        result.scenario = scenario;
        break;
    }
    }
    result.scenario.scheme = result.scheme;
    progress.update(1.0);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace hgc
