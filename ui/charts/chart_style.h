#pragma once
// The house style of every chart: DejaVu Sans at fixed pixel sizes (so that a figure looks
// the same on screen, in a 300 dpi PNG and in a PDF on another machine), white
// backgrounds, no animation, and a colour-blind-safe palette (Okabe & Ito).
#include <QColor>
#include <QFont>
#include <QPen>
#include <QString>

class QChart;
class QValueAxis;
class QAbstractAxis;

namespace hgc::charts {

/// DejaVu Sans at `pixelSize` logical pixels (fonts-dejavu-core ships it).
QFont chartFont(int pixelSize, bool bold = false);
inline constexpr int kTitlePixels = 17;
inline constexpr int kSubtitlePixels = 12;
inline constexpr int kAxisTitlePixels = 13;
inline constexpr int kLabelPixels = 12;

/// The i-th colour of the palette (cycles).
QColor seriesColor(int index);
/// References (uncoded, gc, bounds) are drawn in these.
QColor referenceColor();
QColor accentColor();

/// White, square, no shadow, no animation, legend at the bottom in the house font.
void applyChartStyle(QChart* chart, const QString& panelTitle = {});
/// Fonts, grid and title of an axis.
void applyAxisStyle(QAbstractAxis* axis, const QString& title);
/// A value axis over [low, high] padded by a twentieth, with "nice" ticks.
QValueAxis* makeValueAxis(const QString& title, double low, double high, bool fromZero = false,
                          const QString& format = QStringLiteral("%.3g"));

QPen linePen(const QColor& color, qreal width = 2.0, Qt::PenStyle style = Qt::SolidLine);

} // namespace hgc::charts
