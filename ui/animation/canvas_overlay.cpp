#include "animation/canvas_overlay.h"

#include "animation/overlay_items.h"

namespace hgc::ui {
namespace {

// The canvas's node bodies (ui/canvas/node_item.cpp), outlined by the badges.
constexpr QSizeF kEdgeBody(124.0, 42.0);
constexpr QSizeF kMasterBody(132.0, 46.0);

} // namespace

AnimationOverlay::AnimationOverlay(QGraphicsScene* scene, NodePositionFunction positions)
    : scene_(scene), positions_(std::move(positions)) {}

AnimationOverlay::~AnimationOverlay() {
    clear();
}

void AnimationOverlay::setStructure(const Scenario& scenario, const ResolvedScheme& scheme) {
    const std::size_t oldEdges = edgeFiles_.size(), oldWorkers = workerFiles_.size();
    const bool oldFlat = flat_;
    flat_ = scheme.flat;
    edgeFiles_.clear();
    workerFiles_.clear();
    workerEdge_.clear();
    slowdowns_.clear();
    for (std::size_t i = 0; i < scheme.edges.size(); ++i) {
        const ResolvedEdge& re = scheme.edges[i];
        edgeFiles_.push_back(re.edge);
        for (int w : re.workers) {
            workerFiles_.emplace_back(re.edge, w);
            workerEdge_.push_back(static_cast<int>(i));
            const Distribution& d = scenario.edges[re.edge].workers[w].compute;
            slowdowns_.push_back(d.straggleProbability > 0.0 ? float(d.straggleSlowdown) : 1.0f);
        }
    }
    const bool sameShape =
        oldEdges == edgeFiles_.size() && oldWorkers == workerFiles_.size() && oldFlat == flat_;
    if (isShown() && !sameShape) clear();
    refreshPositions();
}

void AnimationOverlay::refreshPositions() {
    masterAt_ = positions_(-1, -1);
    edgeAt_.resize(edgeFiles_.size());
    workerAt_.resize(workerFiles_.size());
    for (std::size_t i = 0; i < edgeFiles_.size(); ++i)
        edgeAt_[i] = positions_(edgeFiles_[i], -1);
    for (std::size_t k = 0; k < workerFiles_.size(); ++k)
        workerAt_[k] = positions_(workerFiles_[k].first, workerFiles_[k].second);
    if (!isShown()) return;
    constexpr QPointF kOffCanvas(-1e6, -1e6);
    for (std::size_t k = 0; k < workerAt_.size(); ++k)
        marks_->setPosition(k, workerAt_[k].value_or(kOffCanvas));
    for (std::size_t i = 0; i < edgeBadges_.size(); ++i) {
        edgeBadges_[i]->setVisible(edgeAt_[i].has_value());
        edgeBadges_[i]->setPos(edgeAt_[i].value_or(kOffCanvas));
    }
    masterBadge_->setVisible(masterAt_.has_value());
    masterBadge_->setPos(masterAt_.value_or(kOffCanvas));
    // Dot paths are set by show(), which knows each dot's current leg.
}

void AnimationOverlay::createItems() {
    root_ = new OverlayRoot;
    root_->setZValue(kZValue);
    scene_->addItem(root_);
    marks_ = new WorkerMarksLayer;
    marks_->setParentItem(root_);
    std::vector<QPointF> at;
    for (const auto& p : workerAt_)
        at.push_back(p.value_or(QPointF(-1e6, -1e6)));
    marks_->setWorkers(at, slowdowns_);
    edgeBadges_.clear();
    for (std::size_t i = 0; i < edgeFiles_.size(); ++i) {
        auto* badge = new NodeBadge(kEdgeBody);
        badge->setParentItem(root_);
        edgeBadges_.push_back(badge);
    }
    masterBadge_ = new NodeBadge(kMasterBody);
    masterBadge_->setParentItem(root_);
    dots_ = new TransitDotsLayer; // above the marks and badges
    dots_->setParentItem(root_);
    dots_->resize(workerFiles_.size() + edgeFiles_.size());
    edgeKeys_.assign(edgeFiles_.size(), BadgeKey{});
    masterKey_ = BadgeKey{};
    refreshPositions();
}

void AnimationOverlay::clear() {
    delete root_.data(); // its children go with it; null when the scene already deleted it
    root_.clear();
    marks_ = nullptr;
    dots_ = nullptr;
    edgeBadges_.clear();
    masterBadge_ = nullptr;
}

int AnimationOverlay::itemCount() const {
    return isShown() ? 1 + static_cast<int>(root_->childItems().size()) : 0;
}

void AnimationOverlay::show(const IterationTrace& trace, const IterationState& state) {
    if (state.workers.size() != workerFiles_.size() || state.edges.size() != edgeFiles_.size())
        return; // a state of another structure: wait for setStructure()
    if (!isShown()) createItems();
    showWorkers(trace, state);
    showEdges(state);
    showMaster(state);
}

void AnimationOverlay::showWorkers(const IterationTrace& trace, const IterationState& state) {
    for (std::size_t k = 0; k < state.workers.size(); ++k) {
        const WorkerState& ws = state.workers[k];
        WorkerMark mark;
        mark.straggled = trace.workers[k].straggled;
        switch (ws.phase) {
        case WorkerPhase::Computing:
            mark.look = ws.ignored ? WorkerMark::Look::Ignored : WorkerMark::Look::Computing;
            mark.level = static_cast<unsigned char>(ws.progress * WorkerMarksLayer::kLevels);
            break;
        case WorkerPhase::ToEdge:
        case WorkerPhase::ToMaster:
            mark.look = ws.ignored ? WorkerMark::Look::Ignored : WorkerMark::Look::Sent;
            mark.level = WorkerMarksLayer::kLevels;
            break;
        case WorkerPhase::Arrived:
            mark.look = ws.counted   ? WorkerMark::Look::Counted
                        : ws.ignored ? WorkerMark::Look::Ignored
                                     : WorkerMark::Look::Sent;
            mark.level = WorkerMarksLayer::kLevels;
            break;
        case WorkerPhase::Failed:
            mark.look = WorkerMark::Look::Failed;
            break;
        }
        marks_->setMark(k, mark);

        const auto kind =
            ws.ignored ? TransitDotsLayer::Kind::Late : TransitDotsLayer::Kind::Worker;
        const auto& from = workerAt_[k];
        const auto& edge = edgeAt_[workerEdge_[k]];
        if (ws.phase == WorkerPhase::ToEdge && from && edge) {
            dots_->setPath(k, *from, *edge);
            dots_->setDot(k, ws.progress, kind);
        } else if (ws.phase == WorkerPhase::ToMaster && edge && masterAt_) {
            dots_->setPath(k, *edge, *masterAt_);
            dots_->setDot(k, ws.progress, kind);
        } else {
            dots_->setDot(k, -1.0f, kind);
        }
    }
}

void AnimationOverlay::showEdges(const IterationState& state) {
    const std::size_t first = workerFiles_.size();
    for (std::size_t i = 0; i < state.edges.size(); ++i) {
        const EdgeState& es = state.edges[i];
        NodeBadge::Status status = NodeBadge::Status::Waiting;
        if (es.failed) // from when its result would leave (iteration_state.h)
            status = NodeBadge::Status::Failed;
        else if (es.ignored)
            status = NodeBadge::Status::Ignored;
        else if (es.complete)
            status = NodeBadge::Status::Complete;
        const BadgeKey key{es.arrived, int(status)};
        if (key != edgeKeys_[i]) {
            edgeKeys_[i] = key;
            QString text;
            if (flat_)
                text = QStringLiteral("relayed %1 of %2").arg(es.arrived).arg(es.workers);
            else {
                text = QStringLiteral("%1 of %2 arrived").arg(es.arrived).arg(es.workers);
                if (status == NodeBadge::Status::Failed)
                    text += QStringLiteral(" · uplink fails");
                else if (status == NodeBadge::Status::Ignored)
                    text += QStringLiteral(" · not waited for");
                else if (es.complete)
                    text += QStringLiteral(" ✓");
                else
                    text += QStringLiteral(" · needs %1").arg(es.needed);
            }
            edgeBadges_[i]->setStatus(status, text);
        }
        const std::size_t dot = first + i;
        if (es.phase == EdgePhase::ToMaster && edgeAt_[i] && masterAt_) {
            dots_->setPath(dot, *edgeAt_[i], *masterAt_);
            dots_->setDot(dot, es.progress,
                          es.ignored ? TransitDotsLayer::Kind::Late : TransitDotsLayer::Kind::Edge);
        } else {
            dots_->setDot(dot, -1.0f, TransitDotsLayer::Kind::Edge);
        }
    }
}

void AnimationOverlay::showMaster(const IterationState& state) {
    const MasterState& m = state.master;
    const NodeBadge::Status status = m.complete ? NodeBadge::Status::Complete
                                     : m.failed ? NodeBadge::Status::Failed
                                                : NodeBadge::Status::Waiting;
    const BadgeKey key{m.arrived, int(status)};
    if (key == masterKey_) return;
    masterKey_ = key;
    const QString what = flat_ ? QStringLiteral("results") : QStringLiteral("edges");
    QString text;
    if (m.complete)
        text = QStringLiteral("✓ decoded from %1 of %2 %3").arg(m.needed).arg(m.sources).arg(what);
    else if (m.failed)
        text = QStringLiteral("cannot decode: %1 of %2 %3").arg(m.arrived).arg(m.sources).arg(what);
    else
        text = QStringLiteral("%1 of %2 %3 · needs %4")
                   .arg(m.arrived)
                   .arg(m.sources)
                   .arg(what)
                   .arg(m.needed);
    masterBadge_->setStatus(status, text);
}

} // namespace hgc::ui
