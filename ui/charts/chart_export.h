#pragma once
// A chart's table to a file: CSV of the table, or its figure (built afresh at the export's
// size) to PNG, SVG or PDF. The Charts dock, the Training tab and `hgc chart` all write
// through this.
#include <QString>

#include "charts/figure_builder.h"
#include "charts/figure_export.h"

namespace hgc::charts {

/// By the extension of `path`; throws InputError naming the file when the table is empty,
/// the extension unknown or the file cannot be written.
void exportChart(const ChartTableModel& model, const QString& path, const ImageOptions& image,
                 const FigureOptions& figure = {});

} // namespace hgc::charts
