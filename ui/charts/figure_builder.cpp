#include "charts/figure_builder.h"

namespace hgc::charts {

std::unique_ptr<ChartFigure> buildFigure(const ChartTableModel& model,
                                         const FigureOptions& options) {
    auto figure = std::make_unique<ChartFigure>();
    const ChartTable& table = model.table();
    figure->setTitle(table.title, table.subtitle);
    switch (table.kind) {
    case ChartKind::RuntimeVsTolerance:
        buildRuntimeFigure(*figure, model, options.reverse);
        break;
    case ChartKind::LoadTradeoff:
        buildLoadFigure(*figure, model);
        break;
    case ChartKind::Cdf:
        buildCdfFigure(*figure, model);
        break;
    case ChartKind::IterationTimes:
        buildIterationFigure(*figure, model);
        break;
    case ChartKind::Speedup:
        buildSpeedupFigure(*figure, model);
        break;
    case ChartKind::Training:
        buildTrainingFigure(*figure, model);
        break;
    }
    figure->setSize(figure->size()); // the legends read the series just added
    return figure;
}

} // namespace hgc::charts
