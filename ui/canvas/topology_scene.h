#pragma once
// The scene of the canvas: one NodeItem per node and a LinkItem per parent link, rebuilt
// when the topology changes and refreshed when properties or positions change. It turns a
// finished drag into one ScenarioDocument::moveNodes call, and reports the selection as
// NodeRefs.
#include <QGraphicsScene>
#include <vector>

#include "document/node_ref.h"

namespace hgc::ui {

class LinkItem;
class NodeItem;
class ScenarioDocument;

class TopologyScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit TopologyScene(ScenarioDocument* document, QObject* parent = nullptr);

    NodeRefs selectedNodes() const;
    void selectNodes(const NodeRefs& nodes);
    /// The item of a node; the master for an invalid ref (edge < 0). nullptr if absent.
    NodeItem* itemFor(const NodeRef& ref) const;
    /// The bounding rectangle of all nodes.
    QRectF nodesRect() const;

    /// Called by NodeItem when it has moved (by a drag or by the scene itself).
    void nodeItemMoved(NodeItem* item);

signals:
    void nodeSelectionChanged(const hgc::ui::NodeRefs& nodes);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void rebuild();
    void refreshLooks();
    void refreshPositions();
    void trackLinksOf(const NodeItem* item);
    void commitDrag();

    ScenarioDocument* document_;
    NodeItem* master_ = nullptr;
    std::vector<NodeItem*> edges_;
    std::vector<std::vector<NodeItem*>> workers_;
    std::vector<LinkItem*> edgeLinks_;
    std::vector<std::vector<LinkItem*>> workerLinks_;
    bool syncing_ = false; // positions are being set from the model, not dragged
    bool pressed_ = false; // a left-button press on a node may become a drag
};

} // namespace hgc::ui
