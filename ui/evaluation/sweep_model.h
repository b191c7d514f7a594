#pragma once
// The hgc sweep as a table: one row per valid (s_e, s_w) with its load and expected time;
// the best row is shown in bold. Feeds the results panel's table and its chart.
#include <QAbstractTableModel>
#include <vector>

#include "evaluation/studio_results.h"

namespace hgc::ui {

class SweepModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { EdgeStragglers, WorkerStragglers, Load, ExpectedTime, P95, Failure, ColumnCount };
    enum Roles { NumberRole = Qt::UserRole + 1 }; // the raw double of a cell

    using QAbstractTableModel::QAbstractTableModel;

    void setResults(const StudioResults& results);
    const std::vector<SweepPoint>& points() const { return points_; }
    int bestRow() const { return best_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<SweepPoint> points_;
    int best_ = -1;
};

} // namespace hgc::ui
