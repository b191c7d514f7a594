#pragma once
// The animation drawn over the canvas: workers fill as they compute, results travel as dots
// along the links, each edge shows "k of m arrived" and turns complete at its k_i-th result,
// stragglers left behind are greyed and marked, failed nodes crossed out, the master
// completes at its k_e-th edge.
//
// It draws into any QGraphicsScene with its own items (z above the nodes, no mouse), and
// learns where the nodes are through a function, so it does not depend on the canvas. The
// item count is fixed by the topology (three layers plus one badge per edge and the master)
// and a frame only repaints the marks that changed.
#include <QGraphicsScene>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

#include "animation/iteration_state.h"
#include "model/scenario.h"

namespace hgc::ui {

class NodeBadge;
class OverlayRoot;
class TransitDotsLayer;
class WorkerMarksLayer;

/// Scene position of a node by file indices: worker -1 = the edge itself, edge -1 = the
/// master. std::nullopt when the node is not on the canvas.
using NodePositionFunction = std::function<std::optional<QPointF>(int edge, int worker)>;

class AnimationOverlay {
public:
    static constexpr double kZValue = 100.0;

    AnimationOverlay(QGraphicsScene* scene, NodePositionFunction positions);
    ~AnimationOverlay();
    AnimationOverlay(const AnimationOverlay&) = delete;
    AnimationOverlay& operator=(const AnimationOverlay&) = delete;

    /// The nodes to animate: the scheme's active edges and workers. Items are created on the
    /// first show() and reused as long as the node counts stay the same.
    void setStructure(const Scenario& scenario, const ResolvedScheme& scheme);
    /// Shows the state (computed from `trace`); repaints only what changed.
    void show(const IterationTrace& trace, const IterationState& state);
    /// Re-reads node positions (after a drag or a relayout).
    void refreshPositions();
    /// Removes every overlay item from the scene (the animation stopped).
    void clear();
    bool isShown() const { return !root_.isNull(); }
    /// Overlay items currently in the scene.
    int itemCount() const;

    const WorkerMarksLayer* workerMarks() const { return marks_; }
    const TransitDotsLayer* dots() const { return dots_; }
    const NodeBadge* edgeBadge(int resolvedEdge) const { return edgeBadges_.at(resolvedEdge); }
    const NodeBadge* masterBadge() const { return masterBadge_; }

private:
    void createItems();
    void showWorkers(const IterationTrace& trace, const IterationState& state);
    void showEdges(const IterationState& state);
    void showMaster(const IterationState& state);

    QGraphicsScene* scene_;
    NodePositionFunction positions_;
    QPointer<OverlayRoot> root_; // the scene's clear() may delete it: then items are rebuilt
    WorkerMarksLayer* marks_ = nullptr;
    TransitDotsLayer* dots_ = nullptr;
    std::vector<NodeBadge*> edgeBadges_;
    NodeBadge* masterBadge_ = nullptr;

    // Structure, fixed between setStructure() calls.
    bool flat_ = false;
    std::vector<int> edgeFiles_;                   // file index of each active edge
    std::vector<std::pair<int, int>> workerFiles_; // (edge, worker) file indices
    std::vector<int> workerEdge_;                  // index into edgeFiles_ of each worker
    std::vector<float> slowdowns_;                 // straggle slowdown of each worker
    std::vector<std::optional<QPointF>> edgeAt_, workerAt_;
    std::optional<QPointF> masterAt_;

    // What each badge last showed, so that text is formatted only when it changes.
    struct BadgeKey {
        int arrived = -1, status = -1;
        bool operator==(const BadgeKey&) const = default;
    };
    std::vector<BadgeKey> edgeKeys_;
    BadgeKey masterKey_;
};

} // namespace hgc::ui
