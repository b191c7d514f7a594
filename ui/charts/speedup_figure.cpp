// speedup: one bar per scheme family, E[T] of uncoded over its E[T], labelled with the
// value; the uncoded bar is 1 by definition and marks the baseline.
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "charts/chart_style.h"
#include "charts/figure_builder.h"
#include "charts/series_helpers.h"

namespace hgc::charts {

void buildSpeedupFigure(ChartFigure& figure, const ChartTableModel& model) {
    QChart* chart = figure.addChart();
    auto* set = new QBarSet("speed-up over uncoded = E[T] uncoded / E[T] scheme");
    set->setColor(seriesColor(0));
    set->setBorderColor(seriesColor(0).darker(130));
    set->setLabelColor(Qt::black);
    set->setLabelFont(chartFont(kLabelPixels + 1, true));
    QStringList categories, schemes;
    double high = 1;
    for (int r = 0; r < model.rowCount(); ++r) {
        const double v = model.number(r, "speedup");
        set->append(std::isfinite(v) ? v : 0.0);
        high = std::max(high, std::isfinite(v) ? v : 0.0);
        // Category labels are elided when long: the family names the bar, the caption
        // says which scheme each family's best is.
        const QString family = model.text(r, "family"), scheme = model.text(r, "scheme");
        categories << family;
        if (family != scheme) schemes << family + ": " + scheme;
    }
    auto* bars = new QBarSeries;
    bars->append(set);
    bars->setBarWidth(0.6);
    bars->setLabelsVisible(true);
    bars->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    bars->setLabelsFormat("@value×");
    bars->setLabelsPrecision(3);
    auto* x = new QBarCategoryAxis;
    applyAxisStyle(x, QString());
    x->append(categories);
    x->setGridLineVisible(false);
    auto* y = makeValueAxis("speed-up over uncoded (×)", 0, high * 1.1, true, "%.1f");
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    addSeries(chart, bars, x, y);
    hideFromLegend(chart, bars); // the axis title says what the bars are
    // Which scheme each family's bar is, a few per caption line.
    QStringList lines{model.table().subtitle};
    QString line;
    for (const QString& entry : schemes) {
        if (!line.isEmpty() && line.size() + entry.size() > 110) lines << line, line.clear();
        line += (line.isEmpty() ? "" : "   ·   ") + entry;
    }
    if (!line.isEmpty()) lines << line;
    figure.setTitle(figure.title(), lines.join('\n'));
}

} // namespace hgc::charts
