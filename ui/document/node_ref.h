#pragma once
// Which node of the scenario a view or a command talks about. Nodes are addressed by their
// indices in the file's lists (inactive ones included), the same indices the scenario file
// and the CLI use, so that a signal keyed by a NodeRef means the same thing everywhere.
#include <QList>
#include <QMetaType>

namespace hgc::ui {

struct NodeRef {
    int edge = -1;
    int worker = -1; // -1: the edge itself

    static NodeRef ofEdge(int edge) { return {edge, -1}; }
    static NodeRef ofWorker(int edge, int worker) { return {edge, worker}; }
    bool isEdge() const { return edge >= 0 && worker < 0; }
    bool isWorker() const { return edge >= 0 && worker >= 0; }
    bool operator==(const NodeRef&) const = default;
    auto operator<=>(const NodeRef&) const = default;
};

using NodeRefs = QList<NodeRef>;

} // namespace hgc::ui

Q_DECLARE_METATYPE(hgc::ui::NodeRef)
