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
    setLine(QLineF(parent_->pos(), child_->pos()));
}

void LinkItem::setActive(bool active) {
    QPen pen(canvasColors(QApplication::palette()).link, active ? 1.6 : 1.0);
    if (!active) pen.setStyle(Qt::DotLine);
    pen.setCosmetic(true);
    setPen(pen);
}

} // namespace hgc::ui
