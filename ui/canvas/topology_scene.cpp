#include "canvas/topology_scene.h"

#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QPainter>
#include <cmath>

#include "canvas/background_grid.h"
#include "canvas/canvas_colors.h"
#include "canvas/link_item.h"
#include "canvas/node_item.h"
#include "canvas/node_tooltip.h"
#include "document/scenario_document.h"
#include "document/tree_layout.h"

namespace hgc::ui {

namespace {
constexpr double kGrid = 36.0;

QString percent(double v) {
    return QString::number(100.0 * v, 'g', 3) + QLatin1Char('%');
}
} // namespace

TopologyScene::TopologyScene(ScenarioDocument* document, QObject* parent)
    : QGraphicsScene(parent), document_(document) {
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(document_, &ScenarioDocument::topologyChanged, this, &TopologyScene::rebuild);
    connect(document_, &ScenarioDocument::nodesChanged, this, &TopologyScene::refreshLooks);
    connect(document_, &ScenarioDocument::schemeChanged, this, &TopologyScene::refreshLooks);
    connect(document_, &ScenarioDocument::positionsChanged, this, &TopologyScene::refreshPositions);
    connect(this, &QGraphicsScene::selectionChanged, this,
            [this] { emit nodeSelectionChanged(selectedNodes()); });
    rebuild();
}

NodeRefs TopologyScene::selectedNodes() const {
    NodeRefs refs;
    for (QGraphicsItem* item : selectedItems())
        if (item->type() == NodeItem::Type) refs.push_back(static_cast<NodeItem*>(item)->ref());
    std::sort(refs.begin(), refs.end());
    return refs;
}

void TopologyScene::selectNodes(const NodeRefs& nodes) {
    QSignalBlocker blocker(this);
    clearSelection();
    for (const NodeRef& r : nodes)
        if (NodeItem* item = itemFor(r)) item->setSelected(true);
    blocker.unblock();
    emit nodeSelectionChanged(selectedNodes());
}

NodeItem* TopologyScene::itemFor(const NodeRef& ref) const {
    if (ref.edge < 0) return master_;
    if (ref.edge >= static_cast<int>(edges_.size())) return nullptr;
    if (ref.worker < 0) return edges_[ref.edge];
    const auto& ws = workers_[ref.edge];
    return ref.worker < static_cast<int>(ws.size()) ? ws[ref.worker] : nullptr;
}

QRectF TopologyScene::nodesRect() const {
    QRectF r = master_ ? master_->sceneBoundingRect() : QRectF();
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        r = r.united(edges_[i]->sceneBoundingRect());
        for (NodeItem* w : workers_[i])
            r = r.united(w->sceneBoundingRect());
    }
    return r;
}

void TopologyScene::rebuild() {
    const NodeRefs selection = selectedNodes();
    QSignalBlocker blocker(this);
    clear();
    edges_.clear();
    workers_.clear();
    edgeLinks_.clear();
    workerLinks_.clear();
    const Scenario& s = document_->scenario();
    master_ = new NodeItem(NodeItem::Kind::Master, NodeRef{});
    addItem(master_);
    const int n = static_cast<int>(s.edges.size());
    workers_.resize(n);
    workerLinks_.resize(n);
    for (int i = 0; i < n; ++i) {
        auto* edge = new NodeItem(NodeItem::Kind::Edge, NodeRef::ofEdge(i));
        addItem(edge);
        edges_.push_back(edge);
        auto* link = new LinkItem(master_, edge);
        addItem(link);
        edgeLinks_.push_back(link);
        for (int j = 0; j < static_cast<int>(s.edges[i].workers.size()); ++j) {
            auto* worker = new NodeItem(NodeItem::Kind::Worker, NodeRef::ofWorker(i, j));
            addItem(worker);
            workers_[i].push_back(worker);
            auto* wl = new LinkItem(edge, worker);
            addItem(wl);
            workerLinks_[i].push_back(wl);
        }
    }
    refreshPositions();
    refreshLooks();
    for (const NodeRef& r : selection)
        if (NodeItem* item = itemFor(r)) item->setSelected(true);
    blocker.unblock();
    emit nodeSelectionChanged(selectedNodes());
}

void TopologyScene::refreshLooks() {
    const Scenario& s = document_->scenario();
    const ScenarioMarks marks = computeMarks(s);
    {
        NodeItem::Look look;
        look.name = tr("master");
        if (marks.schemeValid) {
            look.detail =
                marks.flat
                    ? tr("waits for %1 of %2 msgs").arg(marks.masterWaitFor).arg(marks.workerCount)
                    : tr("waits for %1 of %2 edges")
                          .arg(marks.masterWaitFor)
                          .arg(marks.activeEdges);
        }
        master_->setLook(look);
        master_->setToolTip(tr("The master: it decodes the full gradient.\n%1").arg(look.detail));
    }
    for (int i = 0; i < static_cast<int>(edges_.size()); ++i) {
        const Edge& e = s.edges[i];
        NodeItem::Look look;
        look.name = QString::fromStdString(e.name);
        look.active = e.active;
        look.marks = marks.edges[i];
        if (e.active && look.marks.activeWorkers > 0)
            look.detail = tr("%1 · waits %2/%3")
                              .arg(percent(look.marks.load))
                              .arg(look.marks.waitFor)
                              .arg(look.marks.activeWorkers);
        else if (!e.active)
            look.detail = tr("inactive");
        edges_[i]->setLook(look);
        edges_[i]->setToolTip(edgeTooltip(e, look.marks));
        edgeLinks_[i]->setActive(e.active);
        for (int j = 0; j < static_cast<int>(workers_[i].size()); ++j) {
            const Worker& w = e.workers[j];
            NodeItem::Look wl;
            wl.name = QString::fromStdString(w.name);
            wl.active = w.active && e.active;
            wl.marks = marks.workers[i][j];
            wl.detail = wl.active ? tr("load %1").arg(percent(wl.marks.load)) : tr("inactive");
            workers_[i][j]->setLook(wl);
            workers_[i][j]->setToolTip(workerTooltip(w, wl.marks));
            workerLinks_[i][j]->setActive(wl.active);
        }
    }
}

void TopologyScene::refreshPositions() {
    const TreeLayout layout = computeTreeLayout(document_->scenario());
    syncing_ = true;
    master_->setPos(layout.master);
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        edges_[i]->setPos(layout.edges[i]);
        for (std::size_t j = 0; j < workers_[i].size(); ++j)
            workers_[i][j]->setPos(layout.workers[i][j]);
    }
    for (LinkItem* l : edgeLinks_)
        l->track();
    for (auto& links : workerLinks_)
        for (LinkItem* l : links)
            l->track();
    syncing_ = false;
}

void TopologyScene::trackLinksOf(const NodeItem* item) {
    const NodeRef r = item->ref();
    if (item->kind() == NodeItem::Kind::Worker) {
        workerLinks_[r.edge][r.worker]->track();
    } else if (item->kind() == NodeItem::Kind::Edge) {
        edgeLinks_[r.edge]->track();
        for (LinkItem* l : workerLinks_[r.edge])
            l->track();
    }
}

void TopologyScene::nodeItemMoved(NodeItem* item) {
    if (syncing_) return;
    if (item->kind() == NodeItem::Kind::Edge) {
        // Workers without a position of their own follow their edge while it is dragged.
        const Edge& e = document_->scenario().edges[item->ref().edge];
        const int m = static_cast<int>(e.workers.size());
        const int perRow = workersPerRow(document_->scenario());
        syncing_ = true;
        for (int j = 0; j < m; ++j) {
            NodeItem* w = workers_[item->ref().edge][j];
            if (!e.workers[j].position && !w->isSelected())
                w->setPos(autoWorkerPosition(item->pos(), j, m, perRow));
        }
        syncing_ = false;
    }
    trackLinksOf(item);
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    pressed_ = event->button() == Qt::LeftButton;
    QGraphicsScene::mousePressEvent(event);
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    QGraphicsScene::mouseReleaseEvent(event);
    if (pressed_ && event->button() == Qt::LeftButton) commitDrag();
    pressed_ = false;
}

void TopologyScene::commitDrag() {
    const TreeLayout layout = computeTreeLayout(document_->scenario());
    NodeRefs moved;
    std::vector<std::optional<Position>> positions;
    auto rounded = [](double v) { return std::round(v * 10.0) / 10.0; };
    for (QGraphicsItem* item : selectedItems()) {
        if (item->type() != NodeItem::Type) continue;
        auto* node = static_cast<NodeItem*>(item);
        const NodeRef r = node->ref();
        const QPointF model =
            r.isWorker() ? layout.workers[r.edge][r.worker] : layout.edges[r.edge];
        if (QLineF(model, node->pos()).length() < 0.05) continue;
        moved.push_back(r);
        positions.push_back(Position{rounded(node->pos().x()), rounded(node->pos().y())});
    }
    if (!moved.isEmpty()) document_->moveNodes(moved, positions);
}

void TopologyScene::drawBackground(QPainter* painter, const QRectF& rect) {
    const CanvasColors colors =
        canvasColors(views().isEmpty() ? QPalette() : views().first()->palette());
    fillBackground(*painter, rect, colors.background);
    const double scale = painter->worldTransform().m11();
    if (scale * kGrid < 10.0) return; // too dense to help
    drawGrid(*painter, rect, kGrid, colors.grid);
}

} // namespace hgc::ui
