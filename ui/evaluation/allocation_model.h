#pragma once
// An allocation scheme as a tree: one row per edge (share f_i, tolerance s_i, waits for k_i
// of m_i, the range of its loads) with one child row per worker (its load l_ij).
//
// Given a document, the model follows it and its share, s_i and load cells are editable:
// an edit goes to ScenarioDocument::setAllocationValue (one undo step, refused with core's
// message when the allocation would not be valid; editRefused carries that message).
// Without a document it shows whatever setScenario() gives it, read-only.
#include <QAbstractItemModel>
#include <optional>

#include "document/allocation_entry.h"
#include "model/scenario.h"

namespace hgc::ui {

class ScenarioDocument;

class AllocationModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Share, Tolerance, WaitsFor, Load, ColumnCount };

    explicit AllocationModel(QObject* parent = nullptr);
    /// Follows `document` and makes the allocation editable.
    explicit AllocationModel(ScenarioDocument* document, QObject* parent = nullptr);

    /// Shows `scenario`'s scheme when it is an allocation, nothing otherwise. The rows are
    /// only rebuilt when the edges or workers changed, so that views keep their state.
    void setScenario(const Scenario& scenario);

    /// The allocation number a cell shows, if it shows one.
    std::optional<AllocationEntry> entryAt(const QModelIndex& index) const;
    QModelIndex edgeIndex(int edge, int column) const;
    QModelIndex workerIndex(int edge, int worker) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    /// An edit was refused; `reason` names what is wrong. Nothing changed.
    void editRefused(const QString& reason);
    /// An edit was taken (the document changed, or the value was the same).
    void editAccepted();

private:
    bool shows(const Scenario& s) const;
    bool sameRows(const Scenario& s) const;
    QVariant edgeData(int edge, int column, int role) const;
    QVariant workerData(int edge, int worker, int column, int role) const;

    ScenarioDocument* document_ = nullptr;
    Scenario scenario_; // what is shown; its scheme is an allocation when rowCount() > 0
    int rows_ = 0;
};

} // namespace hgc::ui
