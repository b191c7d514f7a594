#include "canvas/background_grid.h"

#include <QPaintEngine>
#include <QPainter>
#include <QVector>
#include <algorithm>
#include <cmath>

namespace hgc::ui {

namespace {

// A line one pixel wide centred on device coordinate `at` covers [at - 0.5, at + 0.5]: pixel
// `first` by `1 - split` and pixel `first + 1` by `split`.
struct PixelSplit {
    int first;
    double split;
};

PixelSplit splitAt(double at) {
    const double left = at - 0.5;
    const double first = std::floor(left);
    return {static_cast<int>(first), left - first};
}

QColor withCoverage(QColor color, double coverage) {
    color.setAlphaF(float(color.alphaF() * coverage));
    return color;
}

void fillColumn(QPainter& painter, int x, int top, int height, const QColor& color) {
    for (int y = top; y < top + height; y += kMaxBandRows)
        painter.fillRect(QRect(x, y, 1, std::min(kMaxBandRows, top + height - y)), color);
}

bool isPlainRaster(const QPainter& painter) {
    const QPaintEngine* engine = painter.paintEngine();
    return engine && engine->type() == QPaintEngine::Raster &&
           painter.worldTransform().type() <= QTransform::TxScale;
}

} // namespace

void fillBackground(QPainter& painter, const QRectF& rect, const QColor& color) {
    if (!isPlainRaster(painter)) {
        painter.fillRect(rect, color);
        return;
    }
    const QRectF device = painter.worldTransform().mapRect(rect);
    painter.save();
    painter.resetTransform();
    for (double y = device.top(); y < device.bottom(); y += kMaxBandRows)
        painter.fillRect(QRectF(device.left(), y, device.width(),
                                std::min<double>(kMaxBandRows, device.bottom() - y)),
                         color);
    painter.restore();
}

void strokeGrid(QPainter& painter, const QRectF& rect, double spacing, const QColor& color) {
    QPen pen(color, 1.0);
    pen.setCosmetic(true);
    painter.setPen(pen);
    const double left = std::floor(rect.left() / spacing) * spacing;
    const double top = std::floor(rect.top() / spacing) * spacing;
    QVector<QLineF> lines;
    for (double x = left; x < rect.right(); x += spacing)
        lines.append(QLineF(x, rect.top(), x, rect.bottom()));
    for (double y = top; y < rect.bottom(); y += spacing)
        lines.append(QLineF(rect.left(), y, rect.right(), y));
    painter.drawLines(lines);
}

void drawGrid(QPainter& painter, const QRectF& rect, double spacing, const QColor& color) {
    if (!isPlainRaster(painter)) {
        strokeGrid(painter, rect, spacing, color);
        return;
    }
    const QTransform world = painter.worldTransform();
    const QRect area = world.mapRect(rect).toAlignedRect();
    painter.save();
    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const double left = std::floor(rect.left() / spacing) * spacing;
    const double top = std::floor(rect.top() / spacing) * spacing;
    for (double x = left; x < rect.right(); x += spacing) {
        const PixelSplit p = splitAt(world.map(QPointF(x, 0)).x());
        fillColumn(painter, p.first, area.top(), area.height(), withCoverage(color, 1.0 - p.split));
        fillColumn(painter, p.first + 1, area.top(), area.height(), withCoverage(color, p.split));
    }
    for (double y = top; y < rect.bottom(); y += spacing) {
        const PixelSplit p = splitAt(world.map(QPointF(0, y)).y());
        painter.fillRect(QRect(area.left(), p.first, area.width(), 1),
                         withCoverage(color, 1.0 - p.split));
        painter.fillRect(QRect(area.left(), p.first + 1, area.width(), 1),
                         withCoverage(color, p.split));
    }
    painter.restore();
}

} // namespace hgc::ui
