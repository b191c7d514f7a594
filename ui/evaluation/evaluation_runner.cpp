#include "evaluation/evaluation_runner.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "analytic/analytic.h"
#include "analytic/sweep.h"
#include "document/scenario_document.h"
#include "document/scheme_fit.h"
#include "util/errors.h"

namespace hgc::ui {

namespace {

/// The load bound of SPEC §3 that the scheme panel and the results compare against.
double boundOf(const Scheme& scheme, int workers) {
    if (workers <= 0) return 0.0;
    switch (scheme.type) {
    case SchemeType::Hgc:
        return loadLowerBound(scheme.edgeStragglers, scheme.workerStragglers, workers);
    case SchemeType::Gc:
        return (scheme.stragglers + 1.0) / workers;
    case SchemeType::Uncoded:
        return 1.0 / workers;
    case SchemeType::Allocation:
        return (scheme.edgeStragglers + 1.0) / workers;
    }
    return 0.0;
}

} // namespace

EvaluationRunner::EvaluationRunner(ScenarioDocument* document, QObject* parent)
    : QObject(parent), document_(document) {
    qRegisterMetaType<StudioResults>();
    pool_.setMaxThreadCount(2);
    debounce_.setSingleShot(true);
    debounce_.setInterval(30);
    connect(&debounce_, &QTimer::timeout, this, &EvaluationRunner::evaluateNow);
    connect(document_, &ScenarioDocument::topologyChanged, this, &EvaluationRunner::schedule);
    connect(document_, &ScenarioDocument::nodesChanged, this, &EvaluationRunner::schedule);
    connect(document_, &ScenarioDocument::schemeChanged, this, &EvaluationRunner::schedule);
}

EvaluationRunner::~EvaluationRunner() {
    if (cancel_) cancel_->store(true);
    pool_.waitForDone();
}

void EvaluationRunner::schedule() {
    if (cancel_) cancel_->store(true); // the running work is already stale
    debounce_.start();
    if (!busy_) {
        busy_ = true;
        emit busyChanged(true);
    }
}

void EvaluationRunner::evaluateNow() {
    debounce_.stop();
    if (cancel_) cancel_->store(true);
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++generation_;
    if (!busy_) {
        busy_ = true;
        emit busyChanged(true);
    }
    QThreadPool* pool = &pool_;
    (void)QtConcurrent::run(pool, &EvaluationRunner::run, document_->scenario(), generation,
                            cancel_, this);
}

void EvaluationRunner::deliver(const StudioResults& results, bool final) {
    if (results.generation != generation_) return; // an older edit's results
    latest_ = results;
    emit resultsReady(results);
    if (final && busy_ && !debounce_.isActive()) {
        busy_ = false;
        emit busyChanged(false);
    }
}

void EvaluationRunner::run(const Scenario& scenario, quint64 generation,
                           std::shared_ptr<std::atomic<bool>> cancel, EvaluationRunner* self) {
    StudioResults r;
    r.generation = generation;
    r.schemeLabel = QString::fromStdString(schemeLabel(scenario.scheme));
    auto post = [self](const StudioResults& results, bool final) {
        QMetaObject::invokeMethod(
            self, [self, results, final] { self->deliver(results, final); }, Qt::QueuedConnection);
    };
    QElapsedTimer clock;
    clock.start();
    try {
        const ResolvedScheme resolved = resolve(scenario);
        r.maxLoad = resolved.maxLoad();
        r.masterMessages = resolved.masterMessages();
        r.workerCount = resolved.workerCount;
        r.loadBound = boundOf(scenario.scheme, resolved.workerCount);
        r.scheme = evaluateAnalytic(scenario, resolved);
        if (cancel->load()) return;
        r.uncoded = scenario.scheme.type == SchemeType::Uncoded
                        ? r.scheme
                        : evaluateAnalytic(scenario, resolve(scenario, Scheme::uncoded()));
    } catch (const std::exception& e) {
        r.error = QString::fromUtf8(e.what());
    }
    r.seconds = clock.nsecsElapsed() * 1e-9;
    if (cancel->load()) return;
    if (!r.error.isEmpty()) {
        post(r, true);
        return;
    }
    post(r, false);

    clock.restart();
    try {
        Progress progress;
        progress.cancel = cancel.get();
        progress.report = [self, generation](double fraction) {
            QMetaObject::invokeMethod(
                self,
                [self, generation, fraction] {
                    if (generation == self->generation_) emit self->sweepProgress(fraction);
                },
                Qt::QueuedConnection);
        };
        const SweepResult sweep = sweepHgc(scenario, {}, progress);
        for (const SweepRow& row : sweep.rows)
            r.sweep.push_back(
                {row.edgeStragglers, row.workerStragglers, row.loadPerWorker, row.evaluation});
        if (!sweep.rows.empty())
            r.best = SweepPoint{sweep.best.edgeStragglers, sweep.best.workerStragglers,
                                sweep.best.loadPerWorker, sweep.best.evaluation};
    } catch (const Cancelled&) {
        return;
    } catch (const std::exception&) {
        // No valid hgc on this topology: the sweep is simply empty.
    }
    r.sweepDone = true;
    r.sweepSeconds = clock.nsecsElapsed() * 1e-9;
    post(r, true);
}

} // namespace hgc::ui
