#include "canvas/link_item.h"

#include <QApplication>
#include <QPen>

#include "canvas/canvas_colors.h"
#include "canvas/node_item.h"

namespace hgc::ui {

LinkItem::LinkItem(NodeItem* parentNode, NodeItem* childNode)
    : parent_(parentNode), child_(childNode) {
    setZValue(0);
    setActive(true);
    track();
}

void LinkItem::track() {
    const QLineF line(parent_->pos(), child_->pos());
    if (line == this->line()) return;
    setLine(line); // announces the geometry change while bounds_ are still the old ones
    updateBounds();
}

QRectF LinkItem::boundingRect() const {
    return bounds_;
}

void LinkItem::updateBounds() {
    // What QGraphicsLineItem computes (the stroke's control points) with room for the square
    // caps of a diagonal line: half the pen width times sqrt(2), rounded up to the width.
    const double w = pen().widthF();
    bounds_ = QRectF(line().p1(), line().p2()).normalized().adjusted(-w, -w, w, w);
}

void LinkItem::setActive(bool active) {
    QPen pen(canvasColors(QApplication::palette()).link, active ? 1.6 : 1.0);
    if (!active) pen.setStyle(Qt::DotLine);
    pen.setCosmetic(true);
    if (pen == this->pen()) return;
    setPen(pen);
    updateBounds();
}

} // namespace hgc::ui
