#include "evaluation/allocation_model.h"

#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

#include "document/scenario_document.h"

namespace hgc::ui {

namespace {

// Child rows carry their edge as internal id edge + 1; edge rows carry 0.
constexpr quintptr kEdgeRow = 0;

QString shortNumber(double v) {
    return QString::number(v, 'g', 3);
}

/// The text an editor starts from: enough digits that committing it unchanged is recognised
/// as no change, few enough to read.
QString editNumber(double v) {
    return QString::number(v, 'g', 12);
}

bool usableEdge(const Scenario& s, int edge) {
    return s.edges[edge].active && s.activeWorkerCount(edge) > 0;
}

} // namespace

AllocationModel::AllocationModel(QObject* parent) : QAbstractItemModel(parent) {}

AllocationModel::AllocationModel(ScenarioDocument* document, QObject* parent)
    : QAbstractItemModel(parent), document_(document) {
    connect(document_, &ScenarioDocument::changed, this,
            [this] { setScenario(document_->scenario()); });
    setScenario(document_->scenario());
}

bool AllocationModel::shows(const Scenario& s) const {
    return s.scheme.type == SchemeType::Allocation && s.scheme.edges.size() == s.edges.size();
}

bool AllocationModel::sameRows(const Scenario& s) const {
    const int rows = shows(s) ? static_cast<int>(s.edges.size()) : 0;
    if (rows != rows_) return false;
    for (int i = 0; i < rows; ++i)
        if (s.edges[i].workers.size() != scenario_.edges[i].workers.size()) return false;
    return true;
}

void AllocationModel::setScenario(const Scenario& s) {
    if (sameRows(s)) {
        scenario_ = s;
        if (rows_ == 0) return;
        emit dataChanged(index(0, 0), index(rows_ - 1, ColumnCount - 1));
        for (int i = 0; i < rows_; ++i) {
            const QModelIndex edge = index(i, 0);
            if (const int children = rowCount(edge); children > 0)
                emit dataChanged(index(0, 0, edge), index(children - 1, ColumnCount - 1, edge));
        }
        return;
    }
    beginResetModel();
    scenario_ = s;
    rows_ = shows(s) ? static_cast<int>(s.edges.size()) : 0;
    endResetModel();
}

std::optional<AllocationEntry> AllocationModel::entryAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this || rows_ == 0) return std::nullopt;
    if (index.internalId() == kEdgeRow) {
        if (index.column() == Share) return AllocationEntry::share(index.row());
        if (index.column() == Tolerance) return AllocationEntry::tolerance(index.row());
        return std::nullopt;
    }
    if (index.column() != Load) return std::nullopt;
    return AllocationEntry::load(static_cast<int>(index.internalId() - 1), index.row());
}

QModelIndex AllocationModel::edgeIndex(int edge, int column) const {
    return index(edge, column);
}

QModelIndex AllocationModel::workerIndex(int edge, int worker) const {
    return index(worker, Load, index(edge, 0));
}

QModelIndex AllocationModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid()) return row < rows_ ? createIndex(row, column, kEdgeRow) : QModelIndex();
    if (parent.internalId() != kEdgeRow || parent.column() != 0) return {};
    if (row >= rowCount(parent)) return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex AllocationModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kEdgeRow) return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kEdgeRow);
}

int AllocationModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return rows_;
    if (parent.internalId() != kEdgeRow || parent.column() != 0) return 0;
    return static_cast<int>(scenario_.edges[parent.row()].workers.size());
}

int AllocationModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant AllocationModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !checkIndex(index)) return {};
    if (index.internalId() == kEdgeRow) return edgeData(index.row(), index.column(), role);
    return workerData(static_cast<int>(index.internalId() - 1), index.row(), index.column(), role);
}

QVariant AllocationModel::edgeData(int i, int column, int role) const {
    const Edge& edge = scenario_.edges[i];
    const EdgeAllocation& a = scenario_.scheme.edges[i];
    const bool usable = usableEdge(scenario_, i);
    if (role == Qt::ForegroundRole && !usable)
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    if (role == Qt::DisplayRole && !usable && column != Name)
        return column == Share ? tr("inactive") : QVariant();
    const int m = scenario_.activeWorkerCount(i);
    double minLoad = 0, maxLoad = 0, sum = 0;
    bool first = true;
    for (std::size_t j = 0; j < edge.workers.size() && j < a.loads.size(); ++j) {
        if (!edge.workers[j].active) continue;
        minLoad = first ? a.loads[j] : std::min(minLoad, a.loads[j]);
        maxLoad = first ? a.loads[j] : std::max(maxLoad, a.loads[j]);
        sum += a.loads[j];
        first = false;
    }
    if (role == Qt::DisplayRole) {
        switch (static_cast<Column>(column)) {
        case Name:
            return QString::fromStdString(edge.name);
        case Share:
            return shortNumber(a.share);
        case Tolerance:
            return a.stragglers;
        case WaitsFor:
            return QStringLiteral("%1 / %2").arg(m - a.stragglers).arg(m);
        case Load:
            return minLoad == maxLoad
                       ? shortNumber(maxLoad)
                       : QStringLiteral("%1 – %2").arg(shortNumber(minLoad), shortNumber(maxLoad));
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::EditRole) {
        if (column == Share) return editNumber(a.share);
        if (column == Tolerance) return a.stragglers;
    }
    if (role == Qt::ToolTipRole && usable) {
        switch (static_cast<Column>(column)) {
        case Share:
            return tr("f_i: the fraction of the data this edge holds, in (0, 1]. Double-click "
                      "to edit; the edge's loads scale with it.");
        case Tolerance:
            return tr("s_i: how many slow workers this edge ignores, 0 to %1. Double-click to "
                      "edit; the edge's loads scale by (s_i+1).")
                .arg(m - 1);
        case Load:
            return tr("Loads sum to %1; covering the share %2 times needs (s_i+1)·f_i = %3")
                .arg(shortNumber(sum))
                .arg(a.stragglers + 1)
                .arg(shortNumber((a.stragglers + 1) * a.share));
        default:
            break;
        }
    }
    return {};
}

QVariant AllocationModel::workerData(int i, int j, int column, int role) const {
    const Worker& worker = scenario_.edges[i].workers[j];
    const std::vector<double>& loads = scenario_.scheme.edges[i].loads;
    const bool usable = usableEdge(scenario_, i) && worker.active;
    const double load = j < static_cast<int>(loads.size()) ? loads[j] : 0.0;
    if (role == Qt::ForegroundRole && !usable)
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    if (role == Qt::DisplayRole) {
        if (column == Name) return QString::fromStdString(worker.name);
        if (column == Load) return usable ? shortNumber(load) : tr("inactive");
    }
    if (role == Qt::EditRole && column == Load) return editNumber(load);
    if (role == Qt::ToolTipRole && usable && column == Load)
        return tr("l_ij: the fraction of the whole data set this worker computes, in (0, f_i = "
                  "%1]. Double-click to edit.")
            .arg(shortNumber(scenario_.scheme.edges[i].share));
    return {};
}

bool AllocationModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const std::optional<AllocationEntry> entry = entryAt(index);
    if (role != Qt::EditRole || !document_ || !entry) return false;
    if (value.toString() == data(index, Qt::EditRole).toString()) {
        emit editAccepted(); // committed unchanged
        return true;
    }
    bool ok = false;
    const double number = value.toDouble(&ok);
    const QString error = ok ? document_->setAllocationValue(*entry, number)
                             : tr("%1: must be a number (got “%2”)")
                                   .arg(QString::fromStdString(entry->path()), value.toString());
    if (!error.isEmpty()) {
        emit editRefused(error);
        return false;
    }
    emit editAccepted();
    return true;
}

Qt::ItemFlags AllocationModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || !checkIndex(index)) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const std::optional<AllocationEntry> entry = entryAt(index);
    if (document_ && entry && isEditable(scenario_, *entry)) f |= Qt::ItemIsEditable;
    return f;
}

QVariant AllocationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name:
        return tr("edge / worker");
    case Share:
        return tr("share f_i");
    case Tolerance:
        return QStringLiteral("s_i");
    case WaitsFor:
        return tr("waits for");
    case Load:
        return tr("load l_ij");
    }
    return {};
}

} // namespace hgc::ui
