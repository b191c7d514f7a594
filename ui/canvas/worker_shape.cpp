#include "canvas/worker_shape.h"

#include <QHash>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPen>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "canvas/background_grid.h"

namespace hgc::ui {

namespace {

constexpr int kFullCircle = 360 * 16;
constexpr int kQuarter = 90 * 16;
// The arc goes into the shape's bitmap only when it can be rounded to a quarter of a device
// pixel along the ring with at most this many distinct lengths; longer rings draw it apart.
constexpr int kMaxArcSteps = 256;
constexpr double kArcStepPixels = 0.25;
// Beyond this the cache starts over (the bitmaps of one zoom level take a few hundred KB).
constexpr qsizetype kMaxCacheBytes = 32 << 20;

// A bitmap is the whole shape, or one quarter of the load ring.
constexpr int kWholeShape = -1;

struct SpriteKey {
    WorkerShape shape; // with the arc rounded, or without it (arcSpan 0, no load colour)
    double pixelsPerUnit;
    double devicePixelRatio;
    int part = kWholeShape; // 0..3: the quarter of the load ring clockwise from 12 o'clock
    bool operator==(const SpriteKey&) const = default;
};

size_t qHash(const SpriteKey& k, size_t seed = 0) {
    const WorkerShape& s = k.shape;
    return qHashMulti(seed, s.fill.rgba(), s.outline.rgba(), s.outlineWidth, s.dashed, s.opacity,
                      s.loadRing, s.track.rgba(), s.load.rgba(), s.arcSpan, k.pixelsPerUnit,
                      k.devicePixelRatio, k.part);
}

struct SpriteCache {
    QHash<SpriteKey, QImage> images;
    qsizetype bytes = 0;
};

SpriteCache& cache() {
    static SpriteCache c;
    return c;
}

// Half the side of a worker's bitmap in scene units: the ring's outer edge plus antialiasing.
constexpr double kExtent = kWorkerRadius + kWorkerRing + (kWorkerRing - 1.0) / 2.0 + 0.5;

int halfSidePixels(double pixelsPerUnit) {
    return static_cast<int>(std::ceil(kExtent * pixelsPerUnit)) + 1;
}

QRectF ringRect() {
    const double r = kWorkerRadius + kWorkerRing;
    return {-r, -r, 2 * r, 2 * r};
}

void setLoadPen(QPainter& painter, const QColor& color) {
    painter.setPen(QPen(color, kWorkerRing - 1, Qt::SolidLine, Qt::FlatCap));
}

// Part of the load arc. Angles in 1/16 degree, counter-clockwise from 3 o'clock, as in
// QPainter::drawArc.
void strokeLoadArc(QPainter& painter, const QColor& color, int startAngle, int span) {
    painter.setBrush(Qt::NoBrush);
    setLoadPen(painter, color);
    painter.drawArc(ringRect(), startAngle, span);
}

const QImage& sprite(const SpriteKey& key, bool withArc) {
    SpriteCache& c = cache();
    if (auto it = c.images.constFind(key); it != c.images.constEnd()) return *it;
    if (c.bytes > kMaxCacheBytes) {
        c.images.clear();
        c.bytes = 0;
    }
    const int half = halfSidePixels(key.pixelsPerUnit);
    QImage image(2 * half, 2 * half, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.translate(half, half); // the centre on a pixel corner
        p.scale(key.pixelsPerUnit, key.pixelsPerUnit);
        if (key.part == kWholeShape)
            drawWorkerShape(p, key.shape, withArc);
        else
            strokeLoadArc(p, key.shape.load, kQuarter * (1 - key.part), -kQuarter);
    }
    image.setDevicePixelRatio(key.devicePixelRatio);
    c.bytes += image.sizeInBytes();
    return *c.images.insert(key, image);
}

// See kMaxBandRows: a bitmap taller than that is drawn in bands.
void drawImageInBands(QPainter& painter, QPointF topLeft, const QImage& image) {
    const double dpr = image.devicePixelRatio();
    for (int y = 0; y < image.height(); y += kMaxBandRows) {
        const int rows = std::min(kMaxBandRows, image.height() - y);
        painter.drawImage(QRectF(topLeft + QPointF(0, y / dpr), QSizeF(image.width(), rows) / dpr),
                          image, QRectF(0, y, image.width(), rows));
    }
}

} // namespace

void drawWorkerShape(QPainter& painter, const WorkerShape& shape, bool withArc) {
    const QRectF body(-kWorkerRadius, -kWorkerRadius, 2 * kWorkerRadius, 2 * kWorkerRadius);
    painter.setOpacity(shape.opacity);
    QPen outline(shape.outline, shape.outlineWidth);
    if (shape.dashed) outline.setStyle(Qt::DashLine);
    painter.setPen(outline);
    painter.setBrush(shape.fill);
    painter.drawEllipse(body);
    if (!shape.loadRing) return;
    painter.setBrush(Qt::NoBrush);
    setLoadPen(painter, shape.track);
    painter.drawEllipse(ringRect());
    if (!withArc) return;
    strokeLoadArc(painter, shape.load, kQuarter, shape.arcSpan);
}

void drawWorkerShapeCached(QPainter& painter, const WorkerShape& shape) {
    const QTransform world = painter.worldTransform();
    const QPaintEngine* engine = painter.paintEngine();
    if (!engine || engine->type() != QPaintEngine::Raster || world.type() > QTransform::TxScale ||
        world.m11() != world.m22() || world.m11() <= 0) {
        drawWorkerShape(painter, shape);
        return;
    }
    const double dpr = painter.device()->devicePixelRatio();
    const double pixelsPerUnit = world.m11() * dpr;
    const QPointF origin = world.map(QPointF(0, 0)) * dpr; // physical pixels
    const QPointF snapped(std::round(origin.x()), std::round(origin.y()));
    const int half = halfSidePixels(pixelsPerUnit);
    const QPointF topLeft = (snapped - QPointF(half, half)) / dpr;
    const QPointF shift = (snapped - origin) / dpr;
    const QTransform shifted = world * QTransform::fromTranslate(shift.x(), shift.y());

    SpriteKey key{shape, pixelsPerUnit, dpr};
    const double ringPixels = 2 * std::numbers::pi * (kWorkerRadius + kWorkerRing) * pixelsPerUnit;
    const int steps = std::max(16, static_cast<int>(std::ceil(ringPixels / kArcStepPixels)));
    const bool arcInSprite = shape.loadRing && steps <= kMaxArcSteps;
    if (arcInSprite) {
        const long step = std::lround(double(shape.arcSpan) * steps / kFullCircle);
        key.shape.arcSpan = static_cast<int>(std::lround(double(step) * kFullCircle / steps));
    } else {
        key.shape.arcSpan = 0;
        key.shape.load = QColor();
    }
    painter.setWorldTransform(QTransform());
    painter.setOpacity(1.0); // the bitmaps have the shape's opacity already
    drawImageInBands(painter, topLeft, sprite(key, arcInSprite));

    // A long ring: whole quarters of the arc from bitmaps, the rest filled. The bitmaps are
    // centred on a pixel corner, so the quarters' straight ends fall on pixel edges and join
    // without seams.
    const bool arcApart = shape.loadRing && !arcInSprite && shape.arcSpan != 0;
    const int quarters = arcApart ? std::min(4, std::abs(shape.arcSpan) / kQuarter) : 0;
    SpriteKey quarter{WorkerShape{}, pixelsPerUnit, dpr};
    quarter.shape.load = shape.load;
    for (quarter.part = 0; quarter.part < quarters; ++quarter.part)
        drawImageInBands(painter, topLeft, sprite(quarter, true));

    painter.setWorldTransform(shifted);
    painter.setOpacity(shape.opacity);
    const int rest = shape.arcSpan + quarters * kQuarter; // arcSpan is negative: clockwise
    if (arcApart && rest != 0) strokeLoadArc(painter, shape.load, kQuarter * (1 - quarters), rest);
}

int workerSpriteCount() {
    return static_cast<int>(cache().images.size());
}

void clearWorkerSprites() {
    cache().images.clear();
    cache().bytes = 0;
}

} // namespace hgc::ui
