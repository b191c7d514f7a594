#pragma once
// The scheme: uncoded, gc (s), hgc (s_e, s_w) or a general allocation; the valid ranges
// on the current topology; what the scheme implies (loads, waiting counts) and the load
// lower bound. Every change is a document edit; consecutive ones merge into one undo step.
#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QTableView;

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
    QString message() const;

public slots:
    void refresh();

private:
    void typeChosen(int index);
    void apply(const hgc::Scheme& scheme);
    void showMessage(const QString& text);

    ScenarioDocument* document_;
    QComboBox* type_;
    QStackedWidget* pages_;
    QSpinBox* gcStragglers_;
    QSpinBox* edgeStragglers_;
    QSpinBox* workerStragglers_;
    QLabel* gcRange_;
    QLabel* hgcRange_;
    QTableView* allocationTable_;
    AllocationModel* allocation_;
    QLabel* implied_;
    QLabel* message_;
    bool refreshing_ = false;
};

} // namespace hgc::ui
