#pragma once
// Chart builders: from a chart's table model to a figure. They read only the model, so the
// chart library behind them is replaceable and the chart always shows what the table and
// the CSV say.
#include <memory>

#include "charts/chart_figure.h"
#include "charts/chart_table_model.h"

namespace hgc::charts {

struct FigureOptions {
    /// runtime-vs-tolerance: E[T] against s_e, one line per s_w (instead of against s_w).
    bool reverse = false;
};

std::unique_ptr<ChartFigure> buildFigure(const ChartTableModel& model,
                                         const FigureOptions& options = {});

// One per kind (figure_builder.cpp dispatches on model.table().kind).
void buildRuntimeFigure(ChartFigure& figure, const ChartTableModel& model, bool reverse);
void buildLoadFigure(ChartFigure& figure, const ChartTableModel& model);
void buildCdfFigure(ChartFigure& figure, const ChartTableModel& model);
void buildIterationFigure(ChartFigure& figure, const ChartTableModel& model);
void buildSpeedupFigure(ChartFigure& figure, const ChartTableModel& model);
void buildTrainingFigure(ChartFigure& figure, const ChartTableModel& model);

} // namespace hgc::charts
