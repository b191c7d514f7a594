#pragma once
// The canvas's background grid: lines one device pixel wide every `spacing` scene units.
// On a raster device without rotation each line is filled as two whole-pixel columns (rows)
// whose opacities are the line's coverage of each, which is how an antialiased one-pixel line
// looks, at a fraction of the cost of stroking it (the stroked grid was a fifth of a frame).
// Elsewhere (SVG, PDF) it strokes the lines.
#include <QColor>
#include <QRectF>

class QPainter;

namespace hgc::ui {

void drawGrid(QPainter& painter, const QRectF& sceneRect, double spacing, const QColor& color);

/// Fills `sceneRect` with `color` in bands of at most kMaxBandRows device rows.
void fillBackground(QPainter& painter, const QRectF& sceneRect, const QColor& color);

/// Qt's raster engine hands a fill of 96 rows or more to its thread pool and waits for it.
/// On a busy machine each such wait can cost a scheduler tick, far more than the fill itself,
/// so the canvas fills and blits in bands of fewer rows.
inline constexpr int kMaxBandRows = 64;

/// The same grid as stroked cosmetic lines (the vector path, and the reference for tests).
void strokeGrid(QPainter& painter, const QRectF& sceneRect, double spacing, const QColor& color);

} // namespace hgc::ui
