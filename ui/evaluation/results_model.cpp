#include "evaluation/results_model.h"

#include "evaluation/number_format.h"

namespace hgc::ui {

namespace {
QString label(ResultsModel::Row row) {
    switch (row) {
    case ResultsModel::ExpectedTime:
        return QObject::tr("Expected iteration time");
    case ResultsModel::P50:
        return QObject::tr("Median (p50)");
    case ResultsModel::P95:
        return QObject::tr("95th percentile");
    case ResultsModel::P99:
        return QObject::tr("99th percentile");
    case ResultsModel::FailureProbability:
        return QObject::tr("Failure probability");
    case ResultsModel::LoadPerWorker:
        return QObject::tr("Load per worker (largest)");
    case ResultsModel::LoadBound:
        return QObject::tr("Load lower bound");
    case ResultsModel::MasterMessages:
        return QObject::tr("Messages at the master");
    case ResultsModel::UncodedTime:
        return QObject::tr("Uncoded expected time");
    case ResultsModel::SpeedUp:
        return QObject::tr("Speed-up over uncoded");
    case ResultsModel::BestTolerances:
        return QObject::tr("Best hgc tolerances");
    case ResultsModel::RowCount:
        break;
    }
    return {};
}

QString explanation(ResultsModel::Row row) {
    switch (row) {
    case ResultsModel::ExpectedTime:
        return QObject::tr("E[T], the mean time of one training iteration; ∞ when an iteration "
                           "can fail");
    case ResultsModel::FailureProbability:
        return QObject::tr("Probability that too many nodes fail for the master to decode");
    case ResultsModel::LoadPerWorker:
        return QObject::tr("The largest fraction of the data set one worker computes");
    case ResultsModel::LoadBound:
        return QObject::tr("The paper's bound (s_e+1)(s_w+1)/W for this scheme's tolerances");
    case ResultsModel::MasterMessages:
        return QObject::tr("Vectors the master receives per iteration");
    case ResultsModel::SpeedUp:
        return QObject::tr("Uncoded expected time divided by this scheme's");
    case ResultsModel::BestTolerances:
        return QObject::tr("The uniform hgc (s_e, s_w) with the smallest expected time");
    default:
        return label(row);
    }
}
} // namespace

void ResultsModel::setResults(const StudioResults& results) {
    results_ = results;
    hasResults_ = true;
    emit dataChanged(index(0, 1), index(RowCount - 1, 1));
}

QString ResultsModel::valueText(Row row) const {
    if (!hasResults_ || !results_.error.isEmpty()) return QStringLiteral("–");
    const Evaluation& e = results_.scheme;
    switch (row) {
    case ExpectedTime:
        return formatTime(e.expectedRuntime);
    case P50:
        return formatTime(e.quantiles.p50);
    case P95:
        return formatTime(e.quantiles.p95);
    case P99:
        return formatTime(e.quantiles.p99);
    case FailureProbability:
        return formatProbability(e.failureProbability);
    case LoadPerWorker:
        return formatLoad(results_.maxLoad);
    case LoadBound:
        return formatLoad(results_.loadBound);
    case MasterMessages:
        return QString::number(results_.masterMessages);
    case UncodedTime:
        return formatTime(results_.uncoded.expectedRuntime);
    case SpeedUp: {
        const auto s = results_.speedUp();
        return s ? QString::number(*s, 'f', 2) + QStringLiteral("×") : QStringLiteral("–");
    }
    case BestTolerances:
        if (!results_.sweepDone) return QObject::tr("computing…");
        if (!results_.best) return QObject::tr("no valid hgc");
        return QObject::tr("s_e = %1, s_w = %2 (E[T] %3)")
            .arg(results_.best->edgeStragglers)
            .arg(results_.best->workerStragglers)
            .arg(formatTime(results_.best->evaluation.expectedRuntime));
    case RowCount:
        break;
    }
    return {};
}

int ResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : RowCount;
}
int ResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 2;
}

QVariant ResultsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto row = static_cast<Row>(index.row());
    if (role == Qt::DisplayRole) return index.column() == 0 ? label(row) : valueText(row);
    if (role == Qt::ToolTipRole) return explanation(row);
    if (role == Qt::TextAlignmentRole && index.column() == 1)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
    return section == 0 ? tr("Quantity") : tr("Value");
}

} // namespace hgc::ui
