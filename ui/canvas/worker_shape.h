#pragma once
// What a worker's circle looks like (body, outline, load track and load arc) and how to draw
// it. NodeItem decides the look; this draws it, directly or through a cache of rasterised
// shapes: with a thousand workers in view, antialiased strokes of circles and arcs were most
// of a frame, while a worker's shape at a given zoom is one of a few dozen bitmaps.
#include <QColor>

class QPainter;

namespace hgc::ui {

struct WorkerShape {
    QColor fill, outline;
    double outlineWidth = 1.5;
    bool dashed = false;   // inactive outline
    double opacity = 1.0;  // inactive workers are faded
    bool loadRing = false; // the track and the arc of the load
    QColor track, load;
    int arcSpan = 0; // load arc in 1/16 degree, clockwise from 12 o'clock: -5760 * relativeLoad

    bool operator==(const WorkerShape&) const = default;
};

inline constexpr double kWorkerRadius = 22.0;
inline constexpr double kWorkerRing = 5.0; // the load ring's distance from the body

/// Draws the shape centred on the origin of the painter's coordinates.
void drawWorkerShape(QPainter& painter, const WorkerShape& shape, bool withArc = true);

/// Draws the shape from cached bitmaps when the painter rasterises without rotation (the
/// canvas, PNG export); elsewhere (SVG, PDF) draws it directly. The cached bitmap is aligned
/// to whole device pixels: the painter is moved by the same sub-pixel offset (at most half a
/// pixel) so that whatever the caller draws next (text, badges) stays aligned with it.
void drawWorkerShapeCached(QPainter& painter, const WorkerShape& shape);

/// Cached bitmaps currently held (for tests).
int workerSpriteCount();
void clearWorkerSprites();

} // namespace hgc::ui
