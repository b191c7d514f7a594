// cdf: the distribution of the iteration time T (analytic, SPEC §5) for the schemes worth
// comparing — uncoded, the best flat gc, the best uniform hgc and the scenario's own.
#include "analytic/sweep.h"
#include "charts/baselines.h"
#include "charts/chart_request.h"
#include "charts/scheme_label.h"

namespace hgc::charts {

ChartTable cdfTable(const Scenario& scenario, const Progress& progress) {
    const SweepResult sweep = sweepHgc(scenario, {}, subProgress(progress, 0.0, 0.5));
    const AnalyticEvaluator evaluator(scenario);
    const GcBaseline gc = bestGc(evaluator, subProgress(progress, 0.5, 0.8));

    std::vector<std::pair<QString, Scheme>> schemes = {
        {"uncoded", Scheme::uncoded()},
        {"best gc", Scheme::gc(gc.stragglers)},
        {"best hgc", Scheme::hgc(sweep.best.edgeStragglers, sweep.best.workerStragglers)}};
    bool ownIsListed = false;
    for (const auto& [role, s] : schemes)
        ownIsListed = ownIsListed || s == scenario.scheme;
    if (!ownIsListed) schemes.push_back({"scenario's scheme", scenario.scheme});

    ChartTable t;
    t.title = QStringLiteral("Distribution of the iteration time");
    t.columns = {{"scheme", "Scheme"},
                 {"role", "Role"},
                 {"time", "t (time units)"},
                 {"cdf", "P(T ≤ t)"},
                 {"failure_probability", "P(T = ∞)"}};
    for (std::size_t i = 0; i < schemes.size(); ++i) {
        progress.update(0.8 + 0.2 * i / schemes.size());
        const auto& [role, scheme] = schemes[i];
        const CdfCurve curve = evaluator.evaluateWithCdf(resolve(scenario, scheme)).cdf;
        for (std::size_t k = 0; k < curve.times.size(); ++k)
            t.rows.push_back({schemeTitle(scheme), role, curve.times[k], curve.cdf[k],
                              1.0 - curve.finiteProbability});
    }
    return t;
}

} // namespace hgc::charts
