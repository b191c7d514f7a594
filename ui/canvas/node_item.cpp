#include "canvas/node_item.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include "canvas/canvas_colors.h"
#include "canvas/topology_scene.h"
#include "canvas/worker_shape.h"

namespace hgc::ui {

namespace {
constexpr double kRing = kWorkerRing;
constexpr QSizeF kEdgeSize(124.0, 42.0);
constexpr QSizeF kMasterSize(132.0, 46.0);
constexpr double kLabelHeight = 34.0;
constexpr double kLabelWidth = 120.0;
} // namespace

NodeItem::NodeItem(Kind kind, NodeRef ref) : kind_(kind), ref_(ref) {
    setFlag(ItemIsSelectable, kind != Kind::Master);
    setFlag(ItemIsMovable, kind != Kind::Master);
    setFlag(ItemSendsGeometryChanges);
    // No item cache: with a thousand nodes, re-rendering every cache on each zoom step
    // costs more than drawing them directly (see hgc-studio-bench). Workers' circles come
    // from bitmaps shared by all workers that look alike instead (worker_shape.h).
    setCacheMode(NoCache);
    setZValue(kind == Kind::Worker ? 2 : 3);
    setAcceptHoverEvents(false);
}

void NodeItem::setLook(const Look& look) {
    look_ = look;
    update();
}

QRectF NodeItem::bodyRect() const {
    switch (kind_) {
    case Kind::Worker:
        return {-kWorkerRadius, -kWorkerRadius, 2 * kWorkerRadius, 2 * kWorkerRadius};
    case Kind::Edge:
        return {-kEdgeSize.width() / 2, -kEdgeSize.height() / 2, kEdgeSize.width(),
                kEdgeSize.height()};
    case Kind::Master:
        return {-kMasterSize.width() / 2, -kMasterSize.height() / 2, kMasterSize.width(),
                kMasterSize.height()};
    }
    return {};
}

QRectF NodeItem::boundingRect() const {
    const QRectF body = bodyRect().adjusted(-kRing - 4, -kRing - 8, kRing + 8, kRing + 4);
    if (kind_ != Kind::Worker) return body.adjusted(0, 0, 0, 14);
    return body.united(QRectF(-kLabelWidth / 2, body.bottom(), kLabelWidth, kLabelHeight));
}

QPainterPath NodeItem::shape() const {
    QPainterPath path;
    if (kind_ == Kind::Worker)
        path.addEllipse(bodyRect().adjusted(-kRing, -kRing, kRing, kRing));
    else
        path.addRoundedRect(bodyRect(), 8, 8);
    return path;
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) {
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const CanvasColors colors = canvasColors(palette);
    const QRectF body = bodyRect();
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);
    const double opacity = look_.active ? 1.0 : 0.45;

    QColor fill = kind_ == Kind::Master ? colors.master
                  : kind_ == Kind::Edge ? colors.edge
                                        : colors.worker;
    if (look_.marks.slow) fill = colors.slow;
    if (!look_.active) fill = colors.inactive;
    const QColor outlineColor = selected ? colors.selection : fill.darker(140);
    const double outlineWidth = selected ? 4.0 : 1.5;
    // Load: a ring around workers, a bar under edges, proportional to the largest load.
    const bool showsLoad = look_.active && look_.marks.relativeLoad > 0.0;
    if (kind_ == Kind::Worker) {
        WorkerShape shape;
        shape.fill = fill;
        shape.outline = outlineColor;
        shape.outlineWidth = outlineWidth;
        shape.dashed = !look_.active;
        shape.opacity = opacity;
        shape.loadRing = showsLoad;
        if (showsLoad) {
            shape.track = colors.loadTrack;
            shape.load = colors.load;
            shape.arcSpan = -static_cast<int>(360 * 16 * look_.marks.relativeLoad);
        }
        drawWorkerShapeCached(*painter, shape);
    } else {
        painter->setOpacity(opacity);
        QPen outline(outlineColor, outlineWidth);
        if (!look_.active) outline.setStyle(Qt::DashLine);
        painter->setPen(outline);
        painter->setBrush(fill);
        painter->drawRoundedRect(body, 8, 8);
        if (showsLoad && kind_ == Kind::Edge) {
            const QRectF track(body.left(), body.bottom() + 4, body.width(), 5);
            painter->setPen(Qt::NoPen);
            painter->setBrush(colors.loadTrack);
            painter->drawRoundedRect(track, 2, 2);
            painter->setBrush(colors.load);
            painter->drawRoundedRect(
                QRectF(track.topLeft(), QSizeF(track.width() * look_.marks.relativeLoad, 5)), 2, 2);
        }
    }

    // Zoomed far out, text is unreadable and the most expensive part: shapes only.
    if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) < 0.4) {
        paintBadges(painter, body);
        return;
    }
    // Text: inside edges and the master, under workers.
    QFont font = painter->font();
    if (kind_ == Kind::Worker) {
        font.setPointSizeF(8.5);
        painter->setFont(font);
        painter->setPen(colors.onNode);
        painter->drawText(
            body, Qt::AlignCenter,
            painter->fontMetrics().elidedText(look_.name, Qt::ElideMiddle, int(body.width() - 4)));
        painter->setPen(palette.color(QPalette::Text));
        const QRectF label(-kLabelWidth / 2, body.bottom() + kRing + 1, kLabelWidth, kLabelHeight);
        painter->drawText(label, Qt::AlignHCenter | Qt::AlignTop, look_.detail);
    } else {
        font.setBold(true);
        font.setPointSizeF(kind_ == Kind::Master ? 10.5 : 9.5);
        painter->setFont(font);
        painter->setPen(colors.onNode);
        const QRectF top = body.adjusted(4, 2, -4, -body.height() / 2 + 2);
        const QRectF bottom = body.adjusted(4, body.height() / 2 - 2, -4, -2);
        painter->drawText(
            look_.detail.isEmpty() ? body : top, Qt::AlignCenter | Qt::TextSingleLine,
            painter->fontMetrics().elidedText(look_.name, Qt::ElideRight, int(body.width() - 8)));
        if (!look_.detail.isEmpty()) {
            font.setBold(false);
            font.setPointSizeF(8);
            painter->setFont(font);
            painter->drawText(bottom, Qt::AlignCenter, look_.detail);
        }
    }
    paintBadges(painter, body);
}

void NodeItem::paintBadges(QPainter* painter, const QRectF& body) const {
    const CanvasColors colors = canvasColors(QApplication::palette());
    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(7.5);
    painter->setFont(font);
    double x = body.right() - 6;
    auto badge = [&](const QColor& color, const QString& text) {
        const QRectF r(x - 8, body.top() - 8, 16, 16);
        painter->setPen(QPen(Qt::white, 1.2));
        painter->setBrush(color);
        painter->drawEllipse(r);
        painter->drawText(r, Qt::AlignCenter, text);
        x -= 15;
    };
    if (look_.marks.fails) badge(colors.failure, QStringLiteral("!"));
    if (look_.marks.straggles) badge(colors.straggle, QStringLiteral("s"));
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged) {
        if (auto* s = qobject_cast<TopologyScene*>(scene())) s->nodeItemMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace hgc::ui
