#include "charts/series_helpers.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QValueAxis>
#include <cmath>

#include "charts/chart_style.h"

namespace hgc::charts {

void addSeries(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

void hideFromLegend(QChart* chart, QAbstractSeries* series) {
    series->setProperty(kHiddenFromLegend, true);
    for (QLegendMarker* marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

QValueAxis* makeIntegerAxis(const QString& title, int low, int high) {
    auto* axis = new QValueAxis;
    applyAxisStyle(axis, title);
    axis->setRange(low - 0.3, high + 0.3);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(low);
    axis->setTickInterval(high - low > 12 ? std::ceil((high - low) / 12.0) : 1);
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

QString shortNumber(double v) {
    if (std::isinf(v)) return QStringLiteral("∞");
    return QString::number(v, 'g', 4);
}

} // namespace hgc::charts
