#include "charts/chart_table_model.h"

#include <cmath>
#include <limits>

namespace hgc::charts {

namespace {

bool isNumber(const QVariant& v) {
    const auto id = v.metaType().id();
    return id == QMetaType::Double || id == QMetaType::Int || id == QMetaType::LongLong ||
           id == QMetaType::Float;
}

QString displayNumber(double v) {
    if (std::isinf(v)) return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    if (std::isnan(v)) return QString();
    return QString::number(v, 'g', 6);
}

} // namespace

ChartTableModel::ChartTableModel(QObject* parent) : QAbstractTableModel(parent) {}

ChartTableModel::ChartTableModel(ChartTable table, QObject* parent)
    : QAbstractTableModel(parent), table_(std::move(table)) {}

void ChartTableModel::setTable(ChartTable table) {
    beginResetModel();
    table_ = std::move(table);
    endResetModel();
}

int ChartTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(table_.rows.size());
}

int ChartTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(table_.columns.size());
}

QVariant ChartTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantList& row = table_.rows[index.row()];
    const QVariant v = index.column() < row.size() ? row[index.column()] : QVariant();
    switch (role) {
    case RawValueRole:
        return v;
    case Qt::DisplayRole:
        if (v.metaType().id() == QMetaType::Double) return displayNumber(v.toDouble());
        return v.isValid() ? v.toString() : QString();
    case Qt::TextAlignmentRole:
        return isNumber(v) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        // The exact value, for someone comparing with another tool.
        if (v.metaType().id() == QMetaType::Double) return QString::number(v.toDouble(), 'g', 17);
        return {};
    default:
        return {};
    }
}

QVariant ChartTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (section < 0 || section >= table_.columns.size()) return {};
    return table_.columns[section].title;
}

QVariant ChartTableModel::value(int row, const QString& key) const {
    const int c = table_.column(key);
    if (c < 0 || row < 0 || row >= static_cast<int>(table_.rows.size())) return {};
    const QVariantList& r = table_.rows[row];
    return c < r.size() ? r[c] : QVariant();
}

double ChartTableModel::number(int row, const QString& key) const {
    const QVariant v = value(row, key);
    return isNumber(v) ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QString ChartTableModel::text(int row, const QString& key) const {
    const QVariant v = value(row, key);
    return v.isValid() ? v.toString() : QString();
}

} // namespace hgc::charts
