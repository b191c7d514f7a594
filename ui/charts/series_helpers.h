#pragma once
// Small pieces shared by the chart builders.
#include <QString>

class QChart;
class QAbstractSeries;
class QAbstractAxis;
class QLineSeries;
class QValueAxis;

namespace hgc::charts {

inline constexpr char kHiddenFromLegend[] = "hgcHiddenFromLegend";

/// Adds the series to the chart and attaches it to both axes (already added to the chart).
void addSeries(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y);
/// Hides the series' legend entry (error bars, repeated bound segments). Marked on the
/// series too (property kHiddenFromLegend): the figure's own legend reads that.
void hideFromLegend(QChart* chart, QAbstractSeries* series);
/// An integer axis (tolerances): one tick per integer over [low, high].
QValueAxis* makeIntegerAxis(const QString& title, int low, int high);
/// "123.4" with 4 significant digits, "∞" for infinity.
QString shortNumber(double v);

} // namespace hgc::charts
