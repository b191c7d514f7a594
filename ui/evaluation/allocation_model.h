#pragma once
// An allocation scheme as a table, one row per edge: share f_i, tolerance s_i, waits for
// k_i of m_i, and the range of its workers' loads. Read-only: allocations come from files,
// from "convert from hgc" and from the optimiser.
#include <QAbstractTableModel>

#include "model/scenario.h"

namespace hgc::ui {

class AllocationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { EdgeName, Share, Tolerance, WaitsFor, Loads, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    /// Shows `scenario`'s scheme when it is an allocation, nothing otherwise.
    void setScenario(const Scenario& scenario);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString name;
        bool active = true;
        double share = 0;
        int tolerance = 0;
        int activeWorkers = 0;
        double minLoad = 0, maxLoad = 0;
    };
    std::vector<Row> rows_;
};

} // namespace hgc::ui
