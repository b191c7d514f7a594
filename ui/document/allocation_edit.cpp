// ScenarioDocument's edits of an allocation scheme by hand: one number at a time (a table
// cell, the s_e spin box) or a whole new allocation from a button, each one undo step.
#include "document/allocation_entry.h"
#include "document/scenario_document.h"
#include "document/undo_commands.h"
#include "util/errors.h"

namespace hgc::ui {

namespace {

/// "load of w1.2", "share of edge 1", ... for undo texts.
QString entryLabel(const Scenario& s, const AllocationEntry& entry) {
    const auto edgeName = [&] { return QString::fromStdString(s.edges[entry.edge].name); };
    switch (entry.field) {
    case AllocationEntry::Field::EdgeStragglers:
        return QObject::tr("s_e");
    case AllocationEntry::Field::Share:
        return QObject::tr("share of %1").arg(edgeName());
    case AllocationEntry::Field::Tolerance:
        return QObject::tr("s_i of %1").arg(edgeName());
    case AllocationEntry::Field::Load:
        return QObject::tr("load of %1")
            .arg(QString::fromStdString(s.edges[entry.edge].workers[entry.worker].name));
    }
    return {};
}

/// What else an edit of `entry` moves, to explain a refusal about another number.
QString scaledNumbers(AllocationEntry::Field field) {
    switch (field) {
    case AllocationEntry::Field::EdgeStragglers:
        return QObject::tr("changing s_e scales every share and its loads");
    case AllocationEntry::Field::Share:
        return QObject::tr("changing a share scales its loads");
    case AllocationEntry::Field::Tolerance:
        return QObject::tr("changing s_i scales its loads");
    case AllocationEntry::Field::Load:
        break;
    }
    return {};
}

} // namespace

QString ScenarioDocument::checkAllocationValue(const AllocationEntry& entry, double value) const {
    try {
        const Scheme edited = editedAllocation(scenario_, entry, value);
        resolve(scenario_, edited);
    } catch (const InputError& e) {
        const QString reason = QString::fromStdString(e.what());
        if (e.path() == entry.path() || e.path() == "scheme") return reason;
        const QString why = scaledNumbers(entry.field);
        return why.isEmpty() ? reason : tr("%1 (%2)").arg(reason, why);
    }
    return {};
}

QString ScenarioDocument::setAllocationValue(const AllocationEntry& entry, double value) {
    if (QString error = checkAllocationValue(entry, value); !error.isEmpty()) return error;
    const Scheme edited = editedAllocation(scenario_, entry, value);
    if (edited == scenario_.scheme) return {};
    const QString text = tr("Set %1").arg(entryLabel(scenario_, entry));
    undo_.push(new SchemeCommand(this, scenario_.scheme, edited, text,
                                 QString::fromStdString(entry.path())));
    return {};
}

QString ScenarioDocument::setSchemeStep(const Scheme& scheme, const QString& label) {
    if (QString error = checkScheme(scheme); !error.isEmpty()) return error;
    if (scheme == scenario_.scheme) return {};
    undo_.push(new SchemeCommand(this, scenario_.scheme, scheme, label, QString()));
    return {};
}

} // namespace hgc::ui
