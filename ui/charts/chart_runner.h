#pragma once
// Computes chart tables in the background (STYLE.md: long work never blocks the window).
// Each request gets a generation; a new request cancels the previous one through its
// hgc::Progress cancel flag, and results of an older generation are dropped, so the panel
// only ever shows the latest scenario.
#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <memory>

#include "charts/chart_request.h"

namespace hgc::charts {

class ChartRunner : public QObject {
    Q_OBJECT
public:
    explicit ChartRunner(QObject* parent = nullptr);
    /// Cancels the running computation and waits for it (it stops at its next check).
    ~ChartRunner() override;

    bool isBusy() const { return busy_; }

public slots:
    /// Starts computing (cancelling any computation still running).
    void start(const hgc::Scenario& scenario, const hgc::charts::ChartRequest& request);
    /// Asks the running computation to stop; `failed("cancelled")` follows.
    void cancel();
    /// Stops the running computation and drops whatever it delivers (the request it was
    /// for no longer matters).
    void discard();

signals:
    void busyChanged(bool busy);
    void progress(double fraction);
    void finished(const hgc::charts::ChartTable& table);
    /// The scenario could not be charted (the reason is one line), or "cancelled".
    void failed(const QString& reason);

private:
    void deliver(quint64 generation, std::function<void()> action);
    void setBusy(bool busy);

    QThreadPool pool_;
    quint64 generation_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool busy_ = false;
};

} // namespace hgc::charts

Q_DECLARE_METATYPE(hgc::charts::ChartTable)
