#include "evaluation/allocation_model.h"

#include <algorithm>

namespace hgc::ui {

void AllocationModel::setScenario(const Scenario& s) {
    beginResetModel();
    rows_.clear();
    if (s.scheme.type == SchemeType::Allocation && s.scheme.edges.size() == s.edges.size()) {
        for (std::size_t i = 0; i < s.edges.size(); ++i) {
            const EdgeAllocation& a = s.scheme.edges[i];
            Row r;
            r.name = QString::fromStdString(s.edges[i].name);
            r.active = s.edges[i].active;
            r.share = a.share;
            r.tolerance = a.stragglers;
            r.activeWorkers = s.activeWorkerCount(static_cast<int>(i));
            bool first = true;
            for (std::size_t j = 0; j < s.edges[i].workers.size() && j < a.loads.size(); ++j) {
                if (!s.edges[i].workers[j].active) continue;
                r.minLoad = first ? a.loads[j] : std::min(r.minLoad, a.loads[j]);
                r.maxLoad = first ? a.loads[j] : std::max(r.maxLoad, a.loads[j]);
                first = false;
            }
            rows_.push_back(r);
        }
    }
    endResetModel();
}

int AllocationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}
int AllocationModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllocationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& r = rows_[index.row()];
    if (role == Qt::DisplayRole) {
        if (!r.active && index.column() != EdgeName)
            return index.column() == Share ? tr("inactive") : QVariant();
        switch (static_cast<Column>(index.column())) {
        case EdgeName:
            return r.name;
        case Share:
            return QString::number(r.share, 'g', 3);
        case Tolerance:
            return r.tolerance;
        case WaitsFor:
            return QStringLiteral("%1 / %2")
                .arg(r.activeWorkers - r.tolerance)
                .arg(r.activeWorkers);
        case Loads:
            return r.minLoad == r.maxLoad
                       ? QString::number(r.maxLoad, 'g', 3)
                       : QStringLiteral("%1 – %2").arg(QString::number(r.minLoad, 'g', 3),
                                                       QString::number(r.maxLoad, 'g', 3));
        case ColumnCount:
            break;
        }
    }
    return {};
}

QVariant AllocationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case EdgeName:
        return tr("edge");
    case Share:
        return tr("share f_i");
    case Tolerance:
        return QStringLiteral("s_i");
    case WaitsFor:
        return tr("waits for");
    case Loads:
        return tr("loads l_ij");
    }
    return {};
}

} // namespace hgc::ui
