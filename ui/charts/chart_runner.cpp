#include "charts/chart_runner.h"

#include <QPointer>
#include <chrono>

namespace hgc::charts {

ChartRunner::ChartRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<hgc::charts::ChartTable>();
    pool_.setMaxThreadCount(1); // the core computations use every core themselves
}

ChartRunner::~ChartRunner() {
    cancel();
    pool_.waitForDone();
}

void ChartRunner::cancel() {
    if (cancel_) cancel_->store(true);
}

void ChartRunner::discard() {
    cancel();
    ++generation_;
    setBusy(false);
}

void ChartRunner::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    emit busyChanged(busy);
}

void ChartRunner::deliver(quint64 generation, std::function<void()> action) {
    // Runs `action` on this object's thread, unless a newer request has started since.
    QPointer<ChartRunner> self(this);
    QMetaObject::invokeMethod(
        this,
        [self, generation, action = std::move(action)] {
            if (self && self->generation_ == generation) action();
        },
        Qt::QueuedConnection);
}

void ChartRunner::start(const Scenario& scenario, const ChartRequest& request) {
    cancel();
    const quint64 generation = ++generation_;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    cancel_ = flag;
    setBusy(true);
    emit progress(0.0);
    pool_.start([this, scenario, request, generation, flag] {
        Progress p;
        p.cancel = flag.get();
        // At most about 20 updates a second reach the GUI.
        auto last = std::make_shared<std::atomic<long long>>(0);
        p.report = [this, generation, last](double fraction) {
            const long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now().time_since_epoch())
                                      .count();
            if (now - last->load() < 50 && fraction < 1.0) return;
            last->store(now);
            deliver(generation, [this, fraction] { emit progress(fraction); });
        };
        try {
            ChartTable table = computeChartTable(scenario, request, p);
            deliver(generation, [this, table = std::move(table)] {
                setBusy(false);
                emit finished(table);
            });
        } catch (const Cancelled&) {
            deliver(generation, [this] {
                setBusy(false);
                emit failed(QStringLiteral("cancelled"));
            });
        } catch (const std::exception& e) {
            deliver(generation, [this, reason = QString::fromUtf8(e.what())] {
                setBusy(false);
                emit failed(reason);
            });
        }
    });
}

} // namespace hgc::charts
