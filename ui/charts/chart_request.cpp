#include "charts/chart_request.h"

#include "charts/scheme_label.h"

namespace hgc::charts {

ChartTable computeChartTable(const Scenario& scenario, const ChartRequest& request,
                             const Progress& progress) {
    validate(scenario);
    ChartTable table;
    switch (request.kind) {
    case ChartKind::RuntimeVsTolerance:
        table = runtimeTable(scenario, request, progress);
        break;
    case ChartKind::LoadTradeoff:
        table = loadTable(scenario);
        break;
    case ChartKind::Cdf:
        table = cdfTable(scenario, progress);
        break;
    case ChartKind::IterationTimes:
        table = iterationTable(scenario, request, progress);
        break;
    case ChartKind::Speedup:
        table = speedupTable(scenario, request, progress);
        break;
    case ChartKind::Training:
        table = trainingTable(scenario, request, progress);
        break;
    }
    table.kind = request.kind;
    // A table's own subtitle (the training's data and options) goes under the scenario's.
    table.subtitle = table.subtitle.isEmpty()
                         ? scenarioCaption(scenario)
                         : scenarioCaption(scenario) + QLatin1Char('\n') + table.subtitle;
    if (progress.report) progress.report(1.0);
    return table;
}

} // namespace hgc::charts
