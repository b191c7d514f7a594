#include "charts/chart_export.h"

#include "charts/csv_export.h"
#include "util/errors.h"

namespace hgc::charts {

void exportChart(const ChartTableModel& model, const QString& path, const ImageOptions& image,
                 const FigureOptions& figureOptions) {
    if (model.rowCount() == 0) throw InputError(path.toStdString(), "no chart to export yet");
    if (exportFormatForPath(path) == ExportFormat::Csv) return writeCsv(model, path);
    auto figure = buildFigure(model, figureOptions);
    exportFigure(*figure, path, image);
}

} // namespace hgc::charts
