#pragma once
// The undo commands of ScenarioDocument. Each stores only what it changes (node states,
// or for structural edits the edge list), together with the scheme before and after, since
// a topology edit may have to adjust the scheme. Commands call back into the document's
// apply* methods, which emit the change signals. Only scenario_document.cpp creates them.
#include <QUndoCommand>

#include "document/scenario_document.h"

namespace hgc::ui {

/// Property edits and moves of a set of nodes. Property edits of the same property on the
/// same nodes merge (spin boxes, typing); moves never merge (one drag, one command).
class EditNodesCommand : public QUndoCommand {
public:
    EditNodesCommand(ScenarioDocument* document, const QString& text, NodeStates before,
                     NodeStates after, Scheme schemeBefore, Scheme schemeAfter, NodeChange change,
                     int mergeKey);
    void undo() override;
    void redo() override;
    int id() const override { return mergeKey_ < 0 ? -1 : 1000 + mergeKey_; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ScenarioDocument* document_;
    NodeStates before_, after_;
    Scheme schemeBefore_, schemeAfter_;
    NodeChange change_;
    int mergeKey_;
};

/// Adding, deleting and duplicating nodes: the edge list before and after.
class StructureCommand : public QUndoCommand {
public:
    StructureCommand(ScenarioDocument* document, const QString& text, std::vector<Edge> before,
                     Scheme schemeBefore, std::vector<Edge> after, Scheme schemeAfter);
    void undo() override;
    void redo() override;

private:
    ScenarioDocument* document_;
    std::vector<Edge> before_, after_;
    Scheme schemeBefore_, schemeAfter_;
};

/// The scheme panel's edits. Consecutive commands with the same non-empty merge key merge
/// (the scheme panel's spin boxes share kSchemePanelKey; an allocation entry's key is its
/// path, so typing into one cell is one step but two cells are two); an empty key never
/// merges (e.g. a button that rewrites the allocation).
class SchemeCommand : public QUndoCommand {
public:
    static inline const QString kSchemePanelKey = QStringLiteral("scheme");
    SchemeCommand(ScenarioDocument* document, Scheme before, Scheme after, const QString& text = {},
                  QString mergeKey = kSchemePanelKey);
    void undo() override;
    void redo() override;
    int id() const override { return mergeKey_.isEmpty() ? -1 : 900; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ScenarioDocument* document_;
    Scheme before_, after_;
    QString mergeKey_;
};

/// Name, description and simulation settings; consecutive ones merge.
class InfoCommand : public QUndoCommand {
public:
    struct Info {
        std::string name, description;
        SimulationSettings simulation;
    };
    InfoCommand(ScenarioDocument* document, Info before, Info after);
    void undo() override;
    void redo() override;
    int id() const override { return 901; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const Info& info);
    ScenarioDocument* document_;
    Info before_, after_;
};

} // namespace hgc::ui
