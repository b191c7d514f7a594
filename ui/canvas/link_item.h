#pragma once
// A line from a node to its parent (worker to edge, edge to master), kept under the nodes.
#include <QGraphicsLineItem>

namespace hgc::ui {

class NodeItem;

class LinkItem : public QGraphicsLineItem {
public:
    LinkItem(NodeItem* parentNode, NodeItem* childNode);
    void track(); // follows both ends
    void setActive(bool active);

    /// QGraphicsLineItem strokes its line to find its bounds, on every call: with a thousand
    /// links that was a quarter of a frame. The bounds are kept and renewed when line or pen
    /// change.
    QRectF boundingRect() const override;

private:
    NodeItem* parent_;
    NodeItem* child_;
    QRectF bounds_;
    void updateBounds();
};

} // namespace hgc::ui
