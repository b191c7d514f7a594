// speedup: E[T] of uncoded over E[T] of each scheme family (analytic): uncoded, the best
// flat gc, the best uniform hgc, and with the optimiser (core/optim) node selection and the
// general allocation; the scenario's own scheme too when it is none of those.
#include "analytic/sweep.h"
#include "charts/baselines.h"
#include "charts/chart_request.h"
#include "charts/scheme_label.h"
#include "optim/optimize.h"

namespace hgc::charts {

bool chartsHaveOptimiser() {
    return true;
}

namespace {

struct Entry {
    QString family;
    QString scheme;
    Evaluation evaluation;
};

} // namespace

ChartTable speedupTable(const Scenario& scenario, const ChartRequest& request,
                        const Progress& progress) {
    std::vector<Entry> optimised;
    SweepResult sweep;
    // The optimiser's results carry the sweep and the uncoded baseline of the input.
    OptimOptions options;
    options.maxSeconds = request.optimiserSeconds;
    const OptimResult selection =
        optimize(scenario, OptimFamily::Selection, options, subProgress(progress, 0.0, 0.3));
    const OptimResult general =
        optimize(scenario, OptimFamily::General, options, subProgress(progress, 0.3, 0.85));
    sweep = general.sweep;
    const int excluded = static_cast<int>(selection.excluded.size());
    optimised.push_back(
        {"selection",
         schemeTitle(selection.scheme) +
             QStringLiteral(", %1 node%2 excluded").arg(excluded).arg(excluded == 1 ? "" : "s"),
         selection.evaluation});
    optimised.push_back({"general", schemeTitle(general.scheme), general.evaluation});
    const double gcFrom = 0.85;
    const AnalyticEvaluator evaluator(scenario);
    const GcBaseline gc = bestGc(evaluator, subProgress(progress, gcFrom, 0.98));

    const Scheme bestHgc = Scheme::hgc(sweep.best.edgeStragglers, sweep.best.workerStragglers);
    std::vector<Entry> entries = {
        {"uncoded", "uncoded", sweep.uncoded},
        {"best gc", schemeTitle(Scheme::gc(gc.stragglers)), gc.evaluation},
        {"best hgc", schemeTitle(bestHgc), sweep.best.evaluation}};
    entries.insert(entries.end(), optimised.begin(), optimised.end());
    if (scenario.scheme != Scheme::uncoded() && scenario.scheme != Scheme::gc(gc.stragglers) &&
        scenario.scheme != bestHgc)
        entries.push_back({"current", schemeTitle(scenario.scheme),
                           evaluator.evaluate(resolve(scenario, scenario.scheme))});

    ChartTable t;
    t.title = QStringLiteral("Speed-up over uncoded");
    t.columns = {{"family", "Family"},
                 {"scheme", "Scheme"},
                 {"expected_runtime", "E[T] (time units)"},
                 {"failure_probability", "P(T = ∞)"},
                 {"speedup", "Speed-up over uncoded (×)"}};
    for (const Entry& e : entries)
        t.rows.push_back({e.family, e.scheme, e.evaluation.expectedRuntime,
                          e.evaluation.failureProbability,
                          sweep.uncoded.expectedRuntime / e.evaluation.expectedRuntime});
    t.facts["optimiser"] = chartsHaveOptimiser();
    return t;
}

} // namespace hgc::charts
