#pragma once
// Re-evaluates the document in the background after every edit that can change a result.
// Edits are debounced; a new edit cancels the work of the previous one, and results that
// arrive for an older edit are dropped. Two stages: the scheme and the uncoded baseline
// (fast, shown at once), then the hgc sweep (best tolerances). The GUI thread never waits.
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <memory>

#include "evaluation/studio_results.h"

namespace hgc {
struct Scenario;
}

namespace hgc::ui {

class ScenarioDocument;

class EvaluationRunner : public QObject {
    Q_OBJECT
public:
    explicit EvaluationRunner(ScenarioDocument* document, QObject* parent = nullptr);
    ~EvaluationRunner() override;

    bool isBusy() const { return busy_; }
    const StudioResults& latest() const { return latest_; }
    /// Milliseconds between the last edit and the next evaluation start.
    void setDebounce(int milliseconds) { debounce_.setInterval(milliseconds); }

public slots:
    /// Starts an evaluation now (cancelling any running one).
    void evaluateNow();
    /// Starts one after the debounce delay.
    void schedule();

signals:
    void busyChanged(bool busy);
    /// The scheme's evaluation is ready (sweepDone false), then again with the sweep.
    void resultsReady(const hgc::ui::StudioResults& results);
    void sweepProgress(double fraction);

private:
    void deliver(const StudioResults& results, bool final);
    static void run(const Scenario& scenario, quint64 generation,
                    std::shared_ptr<std::atomic<bool>> cancel, EvaluationRunner* self);

    ScenarioDocument* document_;
    QTimer debounce_;
    QThreadPool pool_;
    quint64 generation_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool busy_ = false;
    StudioResults latest_;
};

} // namespace hgc::ui
