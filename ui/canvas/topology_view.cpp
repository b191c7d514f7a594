#include "canvas/topology_view.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "canvas/node_item.h"
#include "canvas/topology_scene.h"

namespace hgc::ui {

namespace {
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 6.0;
} // namespace

TopologyView::TopologyView(TopologyScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), scene_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setMinimumSize(320, 240);
    setToolTip(QString());
    setWhatsThis(tr("The topology: drag nodes to arrange them, wheel to zoom, middle button "
                    "or Space+drag to pan, drag on empty space to select several."));
}

void TopologyView::scaleBy(double factor) {
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    factor = target / zoom();
    if (std::abs(factor - 1.0) < 1e-9) return;
    scale(factor, factor);
    emit zoomChanged(zoom());
}

void TopologyView::zoomIn() {
    scaleBy(1.25);
}
void TopologyView::zoomOut() {
    scaleBy(1.0 / 1.25);
}
void TopologyView::resetZoom() {
    setTransform(QTransform());
    emit zoomChanged(zoom());
}

void TopologyView::fitAll() {
    const QRectF r = scene_->nodesRect().adjusted(-30, -30, 30, 30);
    if (r.isEmpty()) return;
    setSceneRect(r.united(scene_->itemsBoundingRect()).adjusted(-2000, -2000, 2000, 2000));
    fitInView(r, Qt::KeepAspectRatio);
    // Never blow a tiny topology up beyond a comfortable size.
    if (zoom() > 1.6) {
        const QPointF c = r.center();
        setTransform(QTransform::fromScale(1.6, 1.6));
        centerOn(c);
    }
    emit zoomChanged(zoom());
}

void TopologyView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) return;
    scaleBy(std::pow(1.15, steps));
    event->accept();
}

void TopologyView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton || (spaceHeld_ && event->button() == Qt::LeftButton)) {
        panning_ = true;
        lastPan_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        const QPoint delta = event->position().toPoint() - lastPan_;
        lastPan_ = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_) {
        panning_ = false;
        viewport()->setCursor(spaceHeld_ ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void TopologyView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void TopologyView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void TopologyView::contextMenuEvent(QContextMenuEvent* event) {
    QGraphicsItem* item = itemAt(event->pos());
    while (item && item->type() != NodeItem::Type)
        item = item->parentItem();
    if (item && (item->flags() & QGraphicsItem::ItemIsSelectable) && !item->isSelected()) {
        scene_->clearSelection();
        item->setSelected(true);
    }
    if (actions().isEmpty()) return;
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(event->globalPos());
}

void TopologyView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        scene_->update();
        viewport()->update();
    }
    QGraphicsView::changeEvent(event);
}

} // namespace hgc::ui
