#include "evaluation/sweep_model.h"

#include <QFont>

#include "evaluation/number_format.h"

namespace hgc::ui {

void SweepModel::setResults(const StudioResults& results) {
    beginResetModel();
    points_ = results.sweepDone ? results.sweep : std::vector<SweepPoint>{};
    best_ = -1;
    if (results.best) {
        for (int k = 0; k < static_cast<int>(points_.size()); ++k)
            if (points_[k].edgeStragglers == results.best->edgeStragglers &&
                points_[k].workerStragglers == results.best->workerStragglers)
                best_ = k;
    }
    endResetModel();
}

int SweepModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(points_.size());
}
int SweepModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SweepModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const SweepPoint& p = points_[index.row()];
    const Evaluation& e = p.evaluation;
    const auto column = static_cast<Column>(index.column());
    if (role == NumberRole) {
        switch (column) {
        case EdgeStragglers:
            return p.edgeStragglers;
        case WorkerStragglers:
            return p.workerStragglers;
        case Load:
            return p.loadPerWorker;
        case ExpectedTime:
            return e.expectedRuntime;
        case P95:
            return e.quantiles.p95;
        case Failure:
            return e.failureProbability;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case EdgeStragglers:
            return p.edgeStragglers;
        case WorkerStragglers:
            return p.workerStragglers;
        case Load:
            return QString::number(p.loadPerWorker, 'g', 3);
        case ExpectedTime:
            return formatTime(e.expectedRuntime);
        case P95:
            return formatTime(e.quantiles.p95);
        case Failure:
            return formatProbability(e.failureProbability);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::FontRole && index.row() == best_) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.row() == best_) return tr("The best uniform hgc");
    return {};
}

QVariant SweepModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case EdgeStragglers:
            return tr("Edge stragglers tolerated");
        case WorkerStragglers:
            return tr("Worker stragglers tolerated per edge");
        case Load:
            return tr("Load per worker (s_e+1)(s_w+1)/W");
        case ExpectedTime:
            return tr("Expected iteration time");
        case P95:
            return tr("95th percentile of the iteration time");
        case Failure:
            return tr("Probability that an iteration cannot be decoded");
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case EdgeStragglers:
        return QStringLiteral("s_e");
    case WorkerStragglers:
        return QStringLiteral("s_w");
    case Load:
        return tr("load");
    case ExpectedTime:
        return tr("E[T]");
    case P95:
        return tr("p95");
    case Failure:
        return tr("P(fail)");
    }
    return {};
}

} // namespace hgc::ui
