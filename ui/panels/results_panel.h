#pragma once
// The results of the current scenario: the expected iteration time in large type, the other
// figures on cards, the best uniform hgc tolerances with a button to use them, and the
// sweep as a chart and a table. Shows a busy indicator while the runner works.
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace hgc::ui {

class EvaluationRunner;
class MetricCard;
class ResultsModel;
class ScenarioDocument;
class SweepChart;
class SweepModel;
struct StudioResults;

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    ResultsPanel(ScenarioDocument* document, EvaluationRunner* runner, QWidget* parent = nullptr);

    ResultsModel* resultsModel() const { return results_; }
    SweepModel* sweepModel() const { return sweep_; }
    /// The headline figure as shown (for tests and the status bar).
    QString expectedTimeText() const;

private:
    void showResults(const StudioResults& results);
    void setBusy(bool busy);
    void useBestTolerances();
    void refreshUseButton();

    ScenarioDocument* document_;
    EvaluationRunner* runner_;
    ResultsModel* results_;
    SweepModel* sweep_;
    QLabel* state_;
    QProgressBar* busy_;
    MetricCard* expected_;
    MetricCard* p95_;
    MetricCard* failure_;
    MetricCard* load_;
    MetricCard* messages_;
    MetricCard* speedUp_;
    QLabel* best_;
    QPushButton* useBest_;
    SweepChart* chart_;
    QTableView* sweepTable_;
    QLabel* error_;
};

} // namespace hgc::ui
