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

private:
    NodeItem* parent_;
    NodeItem* child_;
};

} // namespace hgc::ui
