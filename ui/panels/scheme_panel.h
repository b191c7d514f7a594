#pragma once
// The scheme: uncoded, gc (s), hgc (s_e, s_w) or a general allocation; the valid ranges
// on the current topology; what the scheme implies (loads, waiting counts) and the load
// lower bound. Every change is a document edit; consecutive ones merge into one undo step.
// An allocation is edited by hand on its own page: s_e, and per edge the share, s_i and the
// workers' loads in a tree (AllocationModel), plus buttons that balance loads and shares.
#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace hgc {
struct Scheme;
}

namespace hgc::ui {

class AllocationModel;
class ScenarioDocument;

class SchemePanel : public QWidget {
    Q_OBJECT
public:
    explicit SchemePanel(ScenarioDocument* document, QWidget* parent = nullptr);

    QComboBox* typeBox() const { return type_; }
    QSpinBox* edgeStragglersBox() const { return edgeStragglers_; }
    QSpinBox* workerStragglersBox() const { return workerStragglers_; }
    QSpinBox* gcStragglersBox() const { return gcStragglers_; }
    AllocationModel* allocationModel() const { return allocation_; }
    QTreeView* allocationView() const { return allocationView_; }
    QSpinBox* allocationEdgeStragglersBox() const { return allocationEdgeStragglers_; }
    QPushButton* balanceLoadsButton() const { return balanceLoads_; }
    QPushButton* balanceAllButton() const { return balanceAll_; }
    QString message() const;

public slots:
    void refresh();

private:
    void typeChosen(int index);
    QWidget* createAllocationPage();
    void apply(const hgc::Scheme& scheme);
    void applyStep(const hgc::Scheme& scheme, const QString& label);
    void allocationEdgeStragglersChosen(int value);
    void expandSmallAllocations();
    void showMessage(const QString& text);
    void showRefusal(const QString& reason);

    ScenarioDocument* document_;
    QComboBox* type_;
    QStackedWidget* pages_;
    QSpinBox* gcStragglers_;
    QSpinBox* edgeStragglers_;
    QSpinBox* workerStragglers_;
    QLabel* gcRange_;
    QLabel* hgcRange_;
    QSpinBox* allocationEdgeStragglers_;
    QTreeView* allocationView_;
    AllocationModel* allocation_;
    QPushButton* balanceLoads_;
    QPushButton* balanceAll_;
    QLabel* implied_;
    QLabel* message_;
    bool refreshing_ = false;
};

} // namespace hgc::ui
