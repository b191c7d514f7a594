#pragma once
// "Optimise…": runs one of the optimiser families (core/optim/optimize.h) on the document's
// scenario off the GUI thread, with progress and cancel, shows the result against the
// uncoded and best uniform baselines, and applies it to the document as one undo step.
// A result is applied only to the scenario it was computed for: any edit after Run
// disables Apply.
#include <QDialog>
#include <QFutureWatcher>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <optional>

#include "model/scenario.h"
#include "optim/optimize.h"

class QButtonGroup;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hgc::ui {

class ScenarioDocument;

/// What one run of the optimiser produced; `result` is empty when it failed or was cancelled.
struct OptimiseOutcome {
    std::optional<OptimResult> result;
    QString error;
    bool cancelled = false;
};

class OptimiseDialog : public QDialog {
    Q_OBJECT
public:
    explicit OptimiseDialog(ScenarioDocument* document, QWidget* parent = nullptr);
    /// Cancels a run in progress and waits for it to stop (the core polls the flag often).
    ~OptimiseDialog() override;

    OptimFamily family() const;
    void setFamily(OptimFamily family);
    /// Options for the next run (tests shorten the search time).
    void setOptions(const OptimOptions& options) { options_ = options; }

    bool isRunning() const { return running_; }
    /// The last finished run's result, if it succeeded.
    const std::optional<OptimResult>& optimResult() const { return result_; }
    /// A result exists, no run is in progress and the document is unchanged since the run.
    bool canApply() const;

public slots:
    /// Starts the optimiser on the document's scenario as it is now.
    void run();
    /// Asks the running optimiser to stop; returns at once.
    void cancel();
    /// Applies the result as one undo step and closes the dialog; false (with the reason
    /// shown) when it cannot.
    bool apply();

signals:
    void progressChanged(double fraction);
    /// A run ended: with a result, an error or cancelled.
    void runFinished();

protected:
    void reject() override;

private:
    void onFinished();
    void showResult(const OptimResult& r);
    void updateButtons();

    ScenarioDocument* document_;
    OptimOptions options_;
    QButtonGroup* families_;
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QPushButton* applyButton_;
    QProgressBar* progress_;
    QLabel* status_;
    QLabel* summary_;
    QTableWidget* details_;

    QThreadPool pool_;
    QFutureWatcher<OptimiseOutcome> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    quint64 generation_ = 0;
    bool running_ = false;
    /// The scenario the current or last run started from: Apply needs the document to
    /// still be exactly this.
    Scenario startedFrom_;
    std::optional<OptimResult> result_;
};

} // namespace hgc::ui
