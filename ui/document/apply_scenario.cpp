// ScenarioDocument::applyScenario: a whole result (node activity and scheme) as one undo step.
// It reuses StructureCommand, which stores the edge list and the scheme before and after, so
// that one undo restores the scenario exactly and the step never merges with scheme edits.
#include "document/scenario_document.h"
#include "document/undo_commands.h"

namespace hgc::ui {

namespace {

/// Whether `a` and `b` have the same edges and workers in the same places, so that node
/// references, positions and names stay meaningful after the replacement.
bool sameTopology(const Scenario& a, const Scenario& b) {
    if (a.edges.size() != b.edges.size()) return false;
    for (std::size_t i = 0; i < a.edges.size(); ++i)
        if (a.edges[i].workers.size() != b.edges[i].workers.size()) return false;
    return true;
}

} // namespace

QString ScenarioDocument::applyScenario(const Scenario& result, const QString& label) {
    if (!sameTopology(scenario_, result))
        return tr("the result was computed for a different topology");
    Scenario candidate = scenario_;
    candidate.edges = result.edges;
    candidate.scheme = result.scheme;
    QString note;
    if (QString error = checkCandidate(candidate, &note); !error.isEmpty()) return error;
    // A fitted scheme is not the one that was asked for: refuse rather than apply another.
    if (!note.isEmpty() || !(candidate.scheme == result.scheme))
        return note.isEmpty() ? tr("the scheme does not fit the scenario") : note;
    if (candidate == scenario_) return {};
    undo_.push(new StructureCommand(this, label, scenario_.edges, scenario_.scheme,
                                    std::move(candidate.edges), candidate.scheme));
    return {};
}

} // namespace hgc::ui
