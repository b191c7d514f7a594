#pragma once
// A read-only table model over a ChartTable. DisplayRole shows numbers with 6 significant
// digits; RawValueRole gives the exact value (what the chart plots and the CSV writes).
#include <QAbstractTableModel>

#include "charts/chart_table.h"

namespace hgc::charts {

class ChartTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit ChartTableModel(QObject* parent = nullptr);
    explicit ChartTableModel(ChartTable table, QObject* parent = nullptr);

    void setTable(ChartTable table); // resets the model
    const ChartTable& table() const { return table_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Convenience for chart builders: the raw value of (row, column key).
    QVariant value(int row, const QString& key) const;
    /// The value as a double; NaN when the cell is empty or text.
    double number(int row, const QString& key) const;
    QString text(int row, const QString& key) const;

private:
    ChartTable table_;
};

} // namespace hgc::charts
