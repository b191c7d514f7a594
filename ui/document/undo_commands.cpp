#include "document/undo_commands.h"

namespace hgc::ui {

namespace {
bool sameRefs(const NodeStates& a, const NodeStates& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (!(a[k].ref == b[k].ref)) return false;
    return true;
}
} // namespace

EditNodesCommand::EditNodesCommand(ScenarioDocument* document, const QString& text,
                                   NodeStates before, NodeStates after, Scheme schemeBefore,
                                   Scheme schemeAfter, NodeChange change, int mergeKey)
    : QUndoCommand(text), document_(document), before_(std::move(before)), after_(std::move(after)),
      schemeBefore_(std::move(schemeBefore)), schemeAfter_(std::move(schemeAfter)), change_(change),
      mergeKey_(mergeKey) {}

void EditNodesCommand::undo() {
    document_->applyNodeStates(before_, schemeBefore_, change_);
}
void EditNodesCommand::redo() {
    document_->applyNodeStates(after_, schemeAfter_, change_);
}

bool EditNodesCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const EditNodesCommand*>(other);
    if (o->mergeKey_ != mergeKey_ || !sameRefs(o->after_, after_)) return false;
    after_ = o->after_;
    schemeAfter_ = o->schemeAfter_;
    return true;
}

StructureCommand::StructureCommand(ScenarioDocument* document, const QString& text,
                                   std::vector<Edge> before, Scheme schemeBefore,
                                   std::vector<Edge> after, Scheme schemeAfter)
    : QUndoCommand(text), document_(document), before_(std::move(before)), after_(std::move(after)),
      schemeBefore_(std::move(schemeBefore)), schemeAfter_(std::move(schemeAfter)) {}

void StructureCommand::undo() {
    document_->applyStructure(before_, schemeBefore_);
}
void StructureCommand::redo() {
    document_->applyStructure(after_, schemeAfter_);
}

SchemeCommand::SchemeCommand(ScenarioDocument* document, Scheme before, Scheme after,
                             const QString& text, QString mergeKey)
    : QUndoCommand(text.isEmpty() ? QObject::tr("Change scheme") : text), document_(document),
      before_(std::move(before)), after_(std::move(after)), mergeKey_(std::move(mergeKey)) {}

void SchemeCommand::undo() {
    document_->applyScheme(before_);
}
void SchemeCommand::redo() {
    document_->applyScheme(after_);
}

bool SchemeCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const SchemeCommand*>(other);
    if (o->mergeKey_ != mergeKey_) return false;
    after_ = o->after_;
    return true;
}

InfoCommand::InfoCommand(ScenarioDocument* document, Info before, Info after)
    : QUndoCommand(QObject::tr("Edit scenario settings")), document_(document),
      before_(std::move(before)), after_(std::move(after)) {}

void InfoCommand::apply(const Info& info) {
    document_->applyInfo(info.name, info.description, info.simulation);
}
void InfoCommand::undo() {
    apply(before_);
}
void InfoCommand::redo() {
    apply(after_);
}

bool InfoCommand::mergeWith(const QUndoCommand* other) {
    after_ = static_cast<const InfoCommand*>(other)->after_;
    return true;
}

} // namespace hgc::ui
