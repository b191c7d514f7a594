// iteration-times: the time of every simulated iteration (Monte Carlo with the scenario's
// seed) for the scenario's scheme and for uncoded, from which the chart draws the trace
// and the histogram.
#include <algorithm>

#include "charts/baselines.h"
#include "charts/chart_request.h"
#include "charts/scheme_label.h"
#include "montecarlo/montecarlo.h"

namespace hgc::charts {

ChartTable iterationTable(const Scenario& scenario, const ChartRequest& request,
                          const Progress& progress) {
    // Every sample becomes a table row; a million rows would make the table view and the
    // CSV unwieldy, so the chart's simulation is capped.
    constexpr long long kMaxIterations = 100000;
    MonteCarloOptions options;
    options.iterations =
        std::min(kMaxIterations, request.monteCarloIterations > 0 ? request.monteCarloIterations
                                                                  : scenario.simulation.iterations);
    options.seed = scenario.simulation.seed;

    std::vector<std::pair<QString, Scheme>> schemes = {
        {schemeTitle(scenario.scheme), scenario.scheme}};
    if (scenario.scheme.type != SchemeType::Uncoded)
        schemes.push_back({QStringLiteral("uncoded"), Scheme::uncoded()});
    std::vector<std::vector<double>> samples(schemes.size());
    for (std::size_t i = 0; i < schemes.size(); ++i) {
        options.samples = &samples[i];
        options.progress =
            subProgress(progress, double(i) / schemes.size(), double(i + 1) / schemes.size());
        evaluateMonteCarlo(scenario, resolve(scenario, schemes[i].second), options);
    }

    ChartTable t;
    t.title = QStringLiteral("Simulated iteration times");
    t.columns = {{"iteration", "Iteration"}};
    for (std::size_t i = 0; i < schemes.size(); ++i)
        t.columns.push_back({i == 0 ? QStringLiteral("time") : QStringLiteral("time_uncoded"),
                             schemes[i].first + " (time units)"});
    for (long long k = 0; k < options.iterations; ++k) {
        QVariantList row{k + 1};
        for (const auto& s : samples)
            row << s[k];
        t.rows.push_back(std::move(row));
    }
    t.facts["scheme"] = schemes[0].first;
    t.facts["seed"] = QString::number(options.seed);
    return t;
}

} // namespace hgc::charts
