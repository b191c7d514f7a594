#pragma once
// The one object that owns the scenario being edited. Canvas, panels and the results
// observe it through the signals below (keyed by NodeRef); only it changes the scenario,
// and every change is an undo command pushed on its stack. The public edit methods are
// the facade the widgets call, one per user action; they never see a QUndoCommand.
//
// An edit is checked on a copy before it is pushed: if the copy does not validate, the edit
// is refused with the reason and the scenario is unchanged. When an edit of the topology
// makes the scheme impossible, the same command also carries the closest valid scheme.
#include <QObject>
#include <QString>
#include <QUndoStack>
#include <optional>
#include <variant>
#include <vector>

#include "document/file_error.h"
#include "document/heterogeneity.h"
#include "document/node_property.h"
#include "document/node_ref.h"
#include "model/scenario.h"

namespace hgc::ui {

/// One node's state as an undo command stores it: an edge without its workers, or a worker.
struct NodeState {
    NodeRef ref;
    std::variant<Edge, Worker> node;
};
using NodeStates = std::vector<NodeState>;

enum class NodeChange { Properties, Positions };

struct AllocationEntry;

class ScenarioDocument : public QObject {
    Q_OBJECT
public:
    explicit ScenarioDocument(QObject* parent = nullptr);

    const Scenario& scenario() const { return scenario_; }
    QUndoStack* undoStack() { return &undo_; }
    bool contains(const NodeRef& ref) const;

    // --- Files -----------------------------------------------------------------------
    QString filePath() const { return filePath_; }
    bool isModified() const { return !undo_.isClean(); }
    /// Replaces the document (clears the undo history). `path` empty: untitled.
    void reset(const Scenario& scenario, const QString& path = {});
    /// Loads a file; on failure returns the error and leaves the document as it was.
    std::optional<FileError> open(const QString& path);
    /// Reads a scenario the same way open() does, without touching any document.
    static Scenario readScenario(const QString& path); // throws hgc::InputError
    /// Atomic save (QSaveFile). saveAs also makes `path` the document's file.
    std::optional<FileError> save();
    std::optional<FileError> saveAs(const QString& path);
    /// Writes a copy; the document keeps its file and its modified state.
    std::optional<FileError> exportTo(const QString& path) const;
    static std::optional<FileError> writeScenario(const Scenario& scenario, const QString& path);

    // --- Edits (one per user action) -------------------------------------------------
    /// Why setting `property` to `value` on `nodes` would be refused; empty when it is fine.
    QString checkProperty(const NodeRefs& nodes, NodeProperty property,
                          const QVariant& value) const;
    /// Sets the property on every node of `nodes` that has it. Consecutive edits of the same
    /// property on the same nodes merge into one undo step. Returns the refusal reason.
    QString setProperty(const NodeRefs& nodes, NodeProperty property, const QVariant& value);
    /// One command for a whole drag. std::nullopt puts a node back under automatic layout.
    void moveNodes(const NodeRefs& nodes, const std::vector<std::optional<Position>>& positions);
    /// Forgets user positions of `nodes` (all nodes when empty).
    void resetLayout(const NodeRefs& nodes = {});
    /// Appends an edge with `workers` default workers; returns it.
    NodeRef addEdge(int workers = 3);
    /// Appends `count` workers to `edge`, copying the distributions of its last worker.
    NodeRefs addWorkers(int edge, int count = 1);
    /// Deletes the nodes (an edge goes with its workers). Refused when nothing would be
    /// left to compute with.
    QString removeNodes(const NodeRefs& nodes);
    /// Appends a copy of `edge` with its workers (names suffixed, positions dropped).
    NodeRef duplicateEdge(int edge);
    QString checkScheme(const Scheme& scheme) const;
    QString setScheme(const Scheme& scheme);
    /// Why setting one number of the allocation scheme to `value` would be refused (core's
    /// message, naming the file path of what is wrong); empty when it is fine.
    QString checkAllocationValue(const AllocationEntry& entry, double value) const;
    /// Sets one number of the allocation; the numbers that depend on it move with it (see
    /// allocation_entry.h). Consecutive edits of the same entry merge into one undo step.
    /// Returns the refusal reason, and then nothing changed. In document/allocation_edit.cpp.
    QString setAllocationValue(const AllocationEntry& entry, double value);
    /// Replaces the scheme as an undo step of its own named `label`, never merged with the
    /// scheme panel's edits (e.g. "Balance loads"). Returns the refusal reason.
    QString setSchemeStep(const Scheme& scheme, const QString& label);
    void setInfo(const QString& name, const QString& description);
    QString setSimulation(long long iterations, std::uint64_t seed);
    /// Returns how many workers changed.
    int applyHeterogeneity(const NodeRefs& selection, const HeterogeneityParams& params);
    /// Takes the edges (active flags included) and the scheme of `result`, a scenario of the
    /// same topology (e.g. an optimiser's result), as one undo step named `label`. Returns
    /// the refusal reason, or empty. Defined in document/apply_scenario.cpp.
    QString applyScenario(const Scenario& result, const QString& label);

    // --- Used by the undo commands only -----------------------------------------------
    void applyNodeStates(const NodeStates& states, const Scheme& scheme, NodeChange change);
    void applyStructure(const std::vector<Edge>& edges, const Scheme& scheme);
    void applyScheme(const Scheme& scheme);
    void applyInfo(const std::string& name, const std::string& description,
                   const SimulationSettings& simulation);

signals:
    /// The whole scenario was replaced or its structure changed: views rebuild.
    void topologyChanged();
    void nodesChanged(const hgc::ui::NodeRefs& nodes);
    void positionsChanged(const hgc::ui::NodeRefs& nodes);
    void schemeChanged();
    void infoChanged();
    /// After any change of the scenario (for the results).
    void changed();
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);
    /// Something the status bar should say (e.g. that a scheme was adjusted).
    void notice(const QString& text);

private:
    /// Validates `candidate`, fitting its scheme when only the scheme fails. Returns the
    /// refusal reason, or empty; `schemeNote` receives the fitting message, if any.
    static QString checkCandidate(Scenario& candidate, QString* schemeNote = nullptr);
    NodeStates statesIn(const Scenario& s, const NodeRefs& refs) const;
    void pushStructure(const QString& text, Scenario candidate);

    Scenario scenario_;
    QUndoStack undo_;
    QString filePath_;
};

} // namespace hgc::ui
