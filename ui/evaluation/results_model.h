#pragma once
// The results as a two-column table (quantity, value): the results panel's details view
// and its "copy" both read it.
#include <QAbstractTableModel>

#include "evaluation/studio_results.h"

namespace hgc::ui {

class ResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Row {
        ExpectedTime,
        P50,
        P95,
        P99,
        FailureProbability,
        LoadPerWorker,
        LoadBound,
        MasterMessages,
        UncodedTime,
        SpeedUp,
        BestTolerances,
        RowCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setResults(const StudioResults& results);
    const StudioResults& results() const { return results_; }
    /// The value column of a row as text ("–" while unknown).
    QString valueText(Row row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    StudioResults results_;
    bool hasResults_ = false;
};

} // namespace hgc::ui
