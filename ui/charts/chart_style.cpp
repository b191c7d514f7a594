#include "charts/chart_style.h"

#include <QChart>
#include <QLegend>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace hgc::charts {

QFont chartFont(int pixelSize, bool bold) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

QColor seriesColor(int index) {
    static const QColor palette[] = {
        QColor(0, 114, 178), QColor(213, 94, 0),   QColor(0, 158, 115),  QColor(204, 121, 167),
        QColor(230, 159, 0), QColor(86, 180, 233), QColor(120, 94, 240), QColor(153, 153, 51)};
    constexpr int count = sizeof palette / sizeof palette[0];
    return palette[((index % count) + count) % count];
}

QColor referenceColor() {
    return QColor(90, 90, 90);
}
QColor accentColor() {
    return QColor(200, 30, 30);
}

QPen linePen(const QColor& color, qreal width, Qt::PenStyle style) {
    QPen pen(color, width, style);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

void applyChartStyle(QChart* chart, const QString& panelTitle) {
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundBrush(Qt::white);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(6, 4, 10, 4));
    chart->setTitleFont(chartFont(kAxisTitlePixels + 1, true));
    chart->setTitleBrush(Qt::black);
    chart->setTitle(panelTitle);
    QLegend* legend = chart->legend();
    legend->setFont(chartFont(kLabelPixels));
    legend->setLabelColor(Qt::black);
    legend->setAlignment(Qt::AlignBottom);
    legend->setBackgroundVisible(false);
    legend->setMarkerShape(QLegend::MarkerShapeFromSeries);
}

void applyAxisStyle(QAbstractAxis* axis, const QString& title) {
    axis->setTitleText(title);
    axis->setTitleFont(chartFont(kAxisTitlePixels));
    axis->setTitleBrush(Qt::black);
    axis->setLabelsFont(chartFont(kLabelPixels));
    axis->setLabelsColor(Qt::black);
    axis->setLinePen(QPen(QColor(60, 60, 60), 1));
    axis->setGridLinePen(QPen(QColor(225, 225, 225), 1));
    axis->setMinorGridLineVisible(false);
}

QValueAxis* makeValueAxis(const QString& title, double low, double high, bool fromZero,
                          const QString& format) {
    auto* axis = new QValueAxis;
    applyAxisStyle(axis, title);
    if (!std::isfinite(low) || !std::isfinite(high)) low = 0, high = 1;
    if (fromZero) low = std::min(0.0, low);
    if (high <= low) high = low + std::max(1.0, std::abs(low) * 0.1);
    const double pad = (high - low) / 20;
    // Padding never takes a non-negative quantity below zero.
    axis->setRange(low >= 0 ? std::max(0.0, low - pad) : low - pad, high + pad);
    axis->applyNiceNumbers();
    axis->setLabelFormat(format);
    return axis;
}

} // namespace hgc::charts
