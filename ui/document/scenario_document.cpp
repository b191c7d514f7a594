#include "document/scenario_document.h"

#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <set>

#include "document/property_labels.h"
#include "document/scheme_fit.h"
#include "document/undo_commands.h"
#include "io/scenario_json.h"
#include "util/errors.h"

namespace hgc::ui {

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent) {
    scenario_ = makeUniformScenario(1, 1);
    connect(&undo_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

bool ScenarioDocument::contains(const NodeRef& ref) const {
    if (ref.edge < 0 || ref.edge >= static_cast<int>(scenario_.edges.size())) return false;
    return ref.worker < static_cast<int>(scenario_.edges[ref.edge].workers.size());
}

// --- Files ---------------------------------------------------------------------------

void ScenarioDocument::reset(const Scenario& scenario, const QString& path) {
    scenario_ = scenario;
    undo_.clear();
    undo_.setClean();
    filePath_ = path;
    emit filePathChanged(filePath_);
    emit modifiedChanged(false);
    emit topologyChanged();
    emit schemeChanged();
    emit infoChanged();
    emit changed();
}

Scenario ScenarioDocument::readScenario(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError("", "cannot read the file: " + file.errorString().toStdString());
    return parseScenario(file.readAll().toStdString());
}

std::optional<FileError> ScenarioDocument::open(const QString& path) {
    Scenario loaded;
    try {
        loaded = readScenario(path);
    } catch (const InputError& e) {
        return FileError{path, QString::fromStdString(e.path()),
                         QString::fromStdString(e.reason())};
    } catch (const std::exception& e) {
        return FileError{path, {}, QString::fromUtf8(e.what())};
    }
    reset(loaded, path);
    return std::nullopt;
}

std::optional<FileError> ScenarioDocument::writeScenario(const Scenario& scenario,
                                                         const QString& path) {
    QSaveFile file(path);
    const std::string text = serializeScenario(scenario);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !file.commit())
        return FileError{path, {}, tr("cannot write the file: %1").arg(file.errorString())};
    return std::nullopt;
}

std::optional<FileError> ScenarioDocument::save() {
    if (filePath_.isEmpty() || filePath_.startsWith(QLatin1Char(':')))
        return FileError{filePath_, {}, tr("the document has no file yet; use Save As")};
    return saveAs(filePath_);
}

std::optional<FileError> ScenarioDocument::saveAs(const QString& path) {
    if (auto error = writeScenario(scenario_, path)) return error;
    if (path != filePath_) {
        filePath_ = path;
        emit filePathChanged(filePath_);
    }
    undo_.setClean();
    return std::nullopt;
}

std::optional<FileError> ScenarioDocument::exportTo(const QString& path) const {
    return writeScenario(scenario_, path);
}

// --- Helpers ---------------------------------------------------------------------------

NodeStates ScenarioDocument::statesIn(const Scenario& s, const NodeRefs& refs) const {
    NodeStates states;
    states.reserve(refs.size());
    for (const NodeRef& r : refs) {
        if (r.isWorker()) {
            states.push_back({r, s.edges[r.edge].workers[r.worker]});
        } else {
            Edge e = s.edges[r.edge];
            e.workers.clear();
            states.push_back({r, std::move(e)});
        }
    }
    return states;
}

QString ScenarioDocument::checkCandidate(Scenario& candidate, QString* schemeNote) {
    try {
        validate(candidate);
        return {};
    } catch (const InputError& e) {
        if (e.path().rfind("scheme", 0) != 0) return QString::fromStdString(e.what());
    }
    const std::optional<std::string> note = fitSchemeToTopology(candidate);
    try {
        validate(candidate);
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
    if (note && schemeNote) *schemeNote = QString::fromStdString(*note);
    return {};
}

namespace {

/// Refs sorted, unique and existing in `s`.
NodeRefs cleaned(const Scenario& s, const NodeRefs& refs) {
    std::set<NodeRef> unique;
    for (const NodeRef& r : refs) {
        if (r.edge < 0 || r.edge >= static_cast<int>(s.edges.size())) continue;
        if (r.worker >= static_cast<int>(s.edges[r.edge].workers.size())) continue;
        unique.insert(r);
    }
    return NodeRefs(unique.begin(), unique.end());
}

QString countedNodes(int count) {
    return count == 1 ? QObject::tr("1 node") : QObject::tr("%1 nodes").arg(count);
}

std::string freshEdgeName(const Scenario& s) {
    for (int k = static_cast<int>(s.edges.size()) + 1;; ++k) {
        const std::string name = "edge " + std::to_string(k);
        if (std::none_of(s.edges.begin(), s.edges.end(),
                         [&](const Edge& e) { return e.name == name; }))
            return name;
    }
}

std::string workerName(int edge, int worker) {
    return "w" + std::to_string(edge + 1) + "." + std::to_string(worker + 1);
}

} // namespace

// --- Property edits --------------------------------------------------------------------

QString ScenarioDocument::checkProperty(const NodeRefs& nodes, NodeProperty property,
                                        const QVariant& value) const {
    if (property.attribute == Attribute::Name && value.toString().trimmed().isEmpty())
        return tr("a name cannot be empty");
    if (property.attribute != Attribute::Name && property.attribute != Attribute::Active &&
        property.attribute != Attribute::Kind) {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || !std::isfinite(v)) return tr("must be a finite number");
    }
    Scenario candidate = scenario_;
    for (const NodeRef& r : cleaned(scenario_, nodes)) {
        if (r.isWorker())
            setPropertyValue(candidate.edges[r.edge].workers[r.worker], property, value);
        else
            setPropertyValue(candidate.edges[r.edge], property, value);
    }
    const QString error = checkCandidate(candidate);
    if (error.isEmpty()) return {};
    // Show the reason alone when it is about the edited field itself.
    const int colon = error.indexOf(QStringLiteral(": "));
    return colon >= 0 && property.channel != Channel::None ? error.mid(colon + 2) : error;
}

QString ScenarioDocument::setProperty(const NodeRefs& nodes, NodeProperty property,
                                      const QVariant& value) {
    if (QString error = checkProperty(nodes, property, value); !error.isEmpty()) return error;
    Scenario candidate = scenario_;
    NodeRefs changedRefs;
    for (const NodeRef& r : cleaned(scenario_, nodes)) {
        const bool has = r.isWorker() ? setPropertyValue(candidate.edges[r.edge].workers[r.worker],
                                                         property, value)
                                      : setPropertyValue(candidate.edges[r.edge], property, value);
        if (has) changedRefs.push_back(r);
    }
    QString note;
    checkCandidate(candidate, &note);
    if (changedRefs.isEmpty() || candidate == scenario_) return {};
    const QString text =
        tr("Set %1 of %2").arg(propertyLabel(property), countedNodes(int(changedRefs.size())));
    undo_.push(new EditNodesCommand(this, text, statesIn(scenario_, changedRefs),
                                    statesIn(candidate, changedRefs), scenario_.scheme,
                                    candidate.scheme, NodeChange::Properties, property.key()));
    if (!note.isEmpty()) emit notice(note);
    return {};
}

void ScenarioDocument::moveNodes(const NodeRefs& nodes,
                                 const std::vector<std::optional<Position>>& positions) {
    Scenario candidate = scenario_;
    NodeRefs moved;
    for (int k = 0; k < nodes.size() && k < static_cast<int>(positions.size()); ++k) {
        const NodeRef& r = nodes[k];
        if (!contains(r)) continue;
        std::optional<Position>& p = r.isWorker()
                                         ? candidate.edges[r.edge].workers[r.worker].position
                                         : candidate.edges[r.edge].position;
        if (p == positions[k]) continue;
        p = positions[k];
        moved.push_back(r);
    }
    if (moved.isEmpty()) return;
    const bool placing = std::any_of(positions.begin(), positions.end(),
                                     [](const auto& p) { return p.has_value(); });
    const QString text = placing ? tr("Move %1").arg(countedNodes(int(moved.size())))
                                 : tr("Reset layout of %1").arg(countedNodes(int(moved.size())));
    undo_.push(new EditNodesCommand(this, text, statesIn(scenario_, moved),
                                    statesIn(candidate, moved), scenario_.scheme, scenario_.scheme,
                                    NodeChange::Positions, -1));
}

void ScenarioDocument::resetLayout(const NodeRefs& nodes) {
    NodeRefs targets;
    if (nodes.isEmpty()) {
        for (int i = 0; i < static_cast<int>(scenario_.edges.size()); ++i) {
            targets.push_back(NodeRef::ofEdge(i));
            for (int j = 0; j < static_cast<int>(scenario_.edges[i].workers.size()); ++j)
                targets.push_back(NodeRef::ofWorker(i, j));
        }
    } else {
        targets = nodes;
    }
    moveNodes(targets, std::vector<std::optional<Position>>(targets.size()));
}

// --- Structure ---------------------------------------------------------------------------

void ScenarioDocument::pushStructure(const QString& text, Scenario candidate) {
    QString note;
    if (const QString error = checkCandidate(candidate, &note); !error.isEmpty()) {
        emit notice(tr("%1 refused: %2").arg(text, error));
        return;
    }
    undo_.push(new StructureCommand(this, text, scenario_.edges, scenario_.scheme,
                                    std::move(candidate.edges), candidate.scheme));
    if (!note.isEmpty()) emit notice(note);
}

NodeRef ScenarioDocument::addEdge(int workers) {
    Scenario candidate = scenario_;
    Edge edge;
    edge.name = freshEdgeName(candidate);
    const int index = static_cast<int>(candidate.edges.size());
    Worker model;
    if (!candidate.edges.empty()) {
        edge.uplink = candidate.edges.back().uplink;
        if (!candidate.edges.back().workers.empty()) model = candidate.edges.back().workers.back();
    }
    for (int j = 0; j < std::max(1, workers); ++j) {
        Worker w;
        w.name = workerName(index, j);
        w.compute = model.compute;
        w.uplink = model.uplink;
        edge.workers.push_back(w);
    }
    if (candidate.scheme.type == SchemeType::Allocation) {
        EdgeAllocation a;
        a.share = candidate.scheme.edges.empty() ? 1.0 : candidate.scheme.edges.back().share;
        a.loads.assign(edge.workers.size(), a.share);
        candidate.scheme.edges.push_back(a);
    }
    candidate.edges.push_back(std::move(edge));
    pushStructure(tr("Add edge"), std::move(candidate));
    return NodeRef::ofEdge(index);
}

NodeRefs ScenarioDocument::addWorkers(int edge, int count) {
    if (edge < 0 || edge >= static_cast<int>(scenario_.edges.size()) || count < 1) return {};
    Scenario candidate = scenario_;
    Edge& e = candidate.edges[edge];
    const Worker model = e.workers.empty() ? Worker{} : e.workers.back();
    NodeRefs added;
    for (int k = 0; k < count; ++k) {
        Worker w;
        const int j = static_cast<int>(e.workers.size());
        w.name = workerName(edge, j);
        w.compute = model.compute;
        w.uplink = model.uplink;
        e.workers.push_back(w);
        added.push_back(NodeRef::ofWorker(edge, j));
        if (candidate.scheme.type == SchemeType::Allocation &&
            edge < int(candidate.scheme.edges.size())) {
            EdgeAllocation& a = candidate.scheme.edges[edge];
            const double load =
                a.loads.empty() ? a.share : *std::max_element(a.loads.begin(), a.loads.end());
            a.loads.push_back(load);
        }
    }
    const QString text = count == 1 ? tr("Add worker") : tr("Add %1 workers").arg(count);
    const int before = static_cast<int>(undo_.count());
    pushStructure(text, std::move(candidate));
    return undo_.count() > before ? added : NodeRefs{};
}

QString ScenarioDocument::removeNodes(const NodeRefs& nodes) {
    const NodeRefs refs = cleaned(scenario_, nodes);
    if (refs.isEmpty()) return {};
    Scenario candidate = scenario_;
    std::set<int> edgesGone;
    for (const NodeRef& r : refs)
        if (r.isEdge()) edgesGone.insert(r.edge);
    const bool allocation = candidate.scheme.type == SchemeType::Allocation &&
                            candidate.scheme.edges.size() == candidate.edges.size();
    // Workers first, highest index first so that earlier indices stay valid.
    for (auto it = refs.rbegin(); it != refs.rend(); ++it) {
        if (!it->isWorker() || edgesGone.count(it->edge)) continue;
        auto& workers = candidate.edges[it->edge].workers;
        workers.erase(workers.begin() + it->worker);
        if (allocation) {
            auto& loads = candidate.scheme.edges[it->edge].loads;
            if (it->worker < static_cast<int>(loads.size()))
                loads.erase(loads.begin() + it->worker);
        }
    }
    for (auto it = edgesGone.rbegin(); it != edgesGone.rend(); ++it) {
        candidate.edges.erase(candidate.edges.begin() + *it);
        if (allocation) candidate.scheme.edges.erase(candidate.scheme.edges.begin() + *it);
    }
    if (candidate.edges.empty()) return tr("the scenario needs at least one edge");
    QString note;
    if (const QString error = checkCandidate(candidate, &note); !error.isEmpty()) return error;
    undo_.push(new StructureCommand(this, tr("Delete %1").arg(countedNodes(int(refs.size()))),
                                    scenario_.edges, scenario_.scheme, std::move(candidate.edges),
                                    candidate.scheme));
    if (!note.isEmpty()) emit notice(note);
    return {};
}

NodeRef ScenarioDocument::duplicateEdge(int edge) {
    if (edge < 0 || edge >= static_cast<int>(scenario_.edges.size())) return {};
    Scenario candidate = scenario_;
    Edge copy = candidate.edges[edge];
    const int index = static_cast<int>(candidate.edges.size());
    copy.name += " copy";
    copy.position.reset();
    for (int j = 0; j < static_cast<int>(copy.workers.size()); ++j) {
        copy.workers[j].name = workerName(index, j);
        copy.workers[j].position.reset();
    }
    candidate.edges.push_back(std::move(copy));
    if (candidate.scheme.type == SchemeType::Allocation &&
        edge < int(candidate.scheme.edges.size()))
        candidate.scheme.edges.push_back(candidate.scheme.edges[edge]);
    const int before = static_cast<int>(undo_.count());
    pushStructure(tr("Duplicate %1").arg(QString::fromStdString(scenario_.edges[edge].name)),
                  std::move(candidate));
    return undo_.count() > before ? NodeRef::ofEdge(index) : NodeRef{};
}

// --- Scheme and settings ---------------------------------------------------------------

QString ScenarioDocument::checkScheme(const Scheme& scheme) const {
    Scenario candidate = scenario_;
    candidate.scheme = scheme;
    try {
        resolve(candidate);
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString ScenarioDocument::setScheme(const Scheme& given) {
    // The panels build schemes from their fields: keys the file kept on the scheme ride along.
    Scheme scheme = given;
    if (scheme.unknown.empty()) scheme.unknown = scenario_.scheme.unknown;
    if (QString error = checkScheme(scheme); !error.isEmpty()) return error;
    if (scheme == scenario_.scheme) return {};
    undo_.push(new SchemeCommand(this, scenario_.scheme, scheme));
    return {};
}

void ScenarioDocument::setInfo(const QString& name, const QString& description) {
    InfoCommand::Info before{scenario_.name, scenario_.description, scenario_.simulation};
    InfoCommand::Info after{name.toStdString(), description.toStdString(), scenario_.simulation};
    if (after.name == before.name && after.description == before.description) return;
    undo_.push(new InfoCommand(this, before, after));
}

QString ScenarioDocument::setSimulation(long long iterations, std::uint64_t seed) {
    if (iterations < 1) return tr("iterations must be >= 1");
    InfoCommand::Info before{scenario_.name, scenario_.description, scenario_.simulation};
    InfoCommand::Info after = before;
    after.simulation.iterations = iterations;
    after.simulation.seed = seed;
    if (after.simulation == before.simulation) return {};
    undo_.push(new InfoCommand(this, before, after));
    return {};
}

int ScenarioDocument::applyHeterogeneity(const NodeRefs& selection,
                                         const HeterogeneityParams& params) {
    const NodeRefs targets = heterogeneityTargets(scenario_, cleaned(scenario_, selection));
    if (targets.isEmpty()) return 0;
    const std::vector<Distribution> computed = generateHeterogeneity(scenario_, targets, params);
    Scenario candidate = scenario_;
    for (int k = 0; k < targets.size(); ++k)
        candidate.edges[targets[k].edge].workers[targets[k].worker].compute = computed[k];
    QString note;
    if (const QString error = checkCandidate(candidate, &note); !error.isEmpty()) {
        emit notice(tr("Heterogeneity refused: %1").arg(error));
        return 0;
    }
    undo_.push(new EditNodesCommand(this,
                                    tr("Make %1 heterogeneous (seed %2)")
                                        .arg(countedNodes(int(targets.size())))
                                        .arg(params.seed),
                                    statesIn(scenario_, targets), statesIn(candidate, targets),
                                    scenario_.scheme, candidate.scheme, NodeChange::Properties,
                                    -1));
    return static_cast<int>(targets.size());
}

// --- Applying commands -------------------------------------------------------------------

void ScenarioDocument::applyNodeStates(const NodeStates& states, const Scheme& scheme,
                                       NodeChange change) {
    NodeRefs refs;
    for (const NodeState& s : states) {
        refs.push_back(s.ref);
        if (s.ref.isWorker()) {
            scenario_.edges[s.ref.edge].workers[s.ref.worker] = std::get<Worker>(s.node);
        } else {
            Edge& e = scenario_.edges[s.ref.edge];
            std::vector<Worker> workers = std::move(e.workers);
            e = std::get<Edge>(s.node);
            e.workers = std::move(workers);
        }
    }
    const bool schemeMoved = !(scheme == scenario_.scheme);
    scenario_.scheme = scheme;
    if (change == NodeChange::Positions)
        emit positionsChanged(refs);
    else
        emit nodesChanged(refs);
    if (schemeMoved) emit schemeChanged();
    emit changed();
}

void ScenarioDocument::applyStructure(const std::vector<Edge>& edges, const Scheme& scheme) {
    scenario_.edges = edges;
    const bool schemeMoved = !(scheme == scenario_.scheme);
    scenario_.scheme = scheme;
    emit topologyChanged();
    if (schemeMoved) emit schemeChanged();
    emit changed();
}

void ScenarioDocument::applyScheme(const Scheme& scheme) {
    scenario_.scheme = scheme;
    emit schemeChanged();
    emit changed();
}

void ScenarioDocument::applyInfo(const std::string& name, const std::string& description,
                                 const SimulationSettings& simulation) {
    scenario_.name = name;
    scenario_.description = description;
    scenario_.simulation = simulation;
    emit infoChanged();
    emit changed();
}

} // namespace hgc::ui
