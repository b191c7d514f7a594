#include "animation/playback_controller.h"

#include <QSettings>
#include <algorithm>
#include <cmath>

#include "util/errors.h"

namespace hgc::ui {
namespace {

const char* const kSpeedKey = "animation/speed";
constexpr int kFrameMs = 16;
/// A stalled event loop must not make the playback jump: a tick counts at most this long.
constexpr double kMaxTickSeconds = 0.1;
/// Iterations one tick may run through at very high speed.
constexpr int kMaxIterationsPerTick = 200;

/// The scenario without what the traces do not depend on (names, positions, description).
Scenario simulationPart(Scenario s) {
    s.name.clear();
    s.description.clear();
    s.unknown.clear();
    s.simulation.iterations = 0;
    for (Edge& e : s.edges) {
        e.name.clear();
        e.position.reset();
        e.unknown.clear();
        for (Worker& w : e.workers) {
            w.name.clear();
            w.position.reset();
            w.unknown.clear();
        }
    }
    return s;
}

} // namespace

PlaybackController::PlaybackController(QObject* parent) : QObject(parent) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(kFrameMs);
    connect(&timer_, &QTimer::timeout, this, &PlaybackController::tick);
    const double stored = QSettings().value(kSpeedKey, kDefaultSpeed).toDouble();
    speed_ = std::clamp(std::isfinite(stored) ? stored : kDefaultSpeed, kMinSpeed, kMaxSpeed);
}

void PlaybackController::setScenario(const Scenario& scenario) {
    const bool sameTraces = hasRuns() && simulationPart(scenario) == simulationPart(scenario_);
    scenario_ = scenario;
    if (sameTraces) {
        emit layoutChanged();
        return;
    }
    pause();
    runs_.clear();
    problem_.clear();
    try {
        runs_ = comparedRuns(scenario_);
    } catch (const InputError& e) {
        problem_ = QString::fromStdString(e.what());
    }
    std::vector<QString> labels;
    for (const SchemeRun& r : runs_)
        labels.push_back(r.label);
    history_.reset(labels);
    animTime_ = 0.0;
    holdNext_ = false;
    emit historyChanged();
    if (hasRuns())
        loadIteration(0);
    else {
        state_ = IterationState{};
        time_ = end_ = 0.0;
    }
    emit scenarioChanged();
    emit iterationChanged(iteration_);
    emit timeChanged(time_);
}

void PlaybackController::loadIteration(long long index) {
    iteration_ = index;
    recorded_ = false;
    traceRuns(scenario_, index, runs_);
    end_ = 0.0;
    for (const SchemeRun& r : runs_)
        end_ = std::max(end_, playbackEnd(r.trace));
    time_ = 0.0;
    computeState(current().scheme, current().trace, time_, state_);
}

void PlaybackController::recordCurrent() {
    if (recorded_ || !hasRuns()) return;
    std::vector<double> times;
    for (const SchemeRun& r : runs_)
        times.push_back(r.trace.time);
    history_.record(iteration_, times);
    recorded_ = true;
}

void PlaybackController::setTime(double t) {
    time_ = std::clamp(t, 0.0, end_);
    computeState(current().scheme, current().trace, time_, state_);
    if (atEnd()) recordCurrent();
}

void PlaybackController::play() {
    if (!hasRuns() || isPlaying()) return;
    if (atEnd() && !repeat_) {
        setTime(0.0);
        emit timeChanged(time_);
    }
    wall_.start();
    timer_.start();
    emit playingChanged(true);
}

void PlaybackController::pause() {
    if (!isPlaying()) return;
    timer_.stop();
    emit playingChanged(false);
}

void PlaybackController::togglePlay() {
    if (isPlaying())
        pause();
    else
        play();
}

void PlaybackController::tick() {
    const double seconds = wall_.restart() / 1000.0;
    advance(seconds);
}

void PlaybackController::advance(double wallSeconds) {
    if (!hasRuns()) return;
    const double dt = std::clamp(wallSeconds, 0.0, kMaxTickSeconds);
    animTime_ += dt;
    const long long before = iteration_;
    const int recordedBefore = history_.size();
    if (holdNext_) {
        if (animTime_ < holdUntil_) return; // resting on the finished iteration
        holdNext_ = false;
        loadIteration(iteration_ + 1);
    } else {
        double remaining = speed_ * dt;
        for (int n = 0; n < kMaxIterationsPerTick; ++n) {
            if (time_ + remaining < end_) {
                setTime(time_ + remaining);
                break;
            }
            remaining -= end_ - time_;
            setTime(end_);
            if (!repeat_) {
                pause();
                break;
            }
            if (end_ / speed_ > 1.0) {
                // Slow enough to watch: rest on the finished iteration, then start the next.
                holdNext_ = true;
                holdUntil_ = animTime_ + kEndHold;
                break;
            }
            loadIteration(iteration_ + 1);
        }
    }
    if (history_.size() != recordedBefore) emit historyChanged();
    if (iteration_ != before) emit iterationChanged(iteration_);
    emit timeChanged(time_);
}

void PlaybackController::emitChanges(int recordedBefore) {
    if (history_.size() != recordedBefore) emit historyChanged();
    emit timeChanged(time_);
}

void PlaybackController::stepForward() {
    if (!hasRuns()) return;
    pause();
    holdNext_ = false;
    // Events of every compared run, so that a comparison's completion is a stop too.
    std::optional<double> next;
    for (const SchemeRun& r : runs_)
        if (auto t = nextEventTime(r.trace, time_); t && (!next || *t < *next)) next = t;
    const int recordedBefore = history_.size();
    setTime(next ? *next : end_);
    emitChanges(recordedBefore);
}

void PlaybackController::stepBack() {
    if (!hasRuns()) return;
    pause();
    std::optional<double> previous;
    for (const SchemeRun& r : runs_)
        if (auto t = previousEventTime(r.trace, std::min(time_, end_));
            t && (!previous || *t > *previous))
            previous = t;
    holdNext_ = false;
    setTime(previous ? *previous : 0.0);
    emit timeChanged(time_);
}

void PlaybackController::restart() {
    if (!hasRuns()) return;
    holdNext_ = false;
    setTime(0.0);
    emit timeChanged(time_);
}

void PlaybackController::nextIteration() {
    if (!hasRuns()) return;
    recordCurrent();
    holdNext_ = false;
    loadIteration(iteration_ + 1);
    emit historyChanged();
    emit iterationChanged(iteration_);
    emit timeChanged(time_);
}

void PlaybackController::seek(double t) {
    if (!hasRuns()) return;
    holdNext_ = false;
    const int recordedBefore = history_.size();
    setTime(t);
    emitChanges(recordedBefore);
}

void PlaybackController::runIterations(int count) {
    if (!hasRuns() || count <= 0) return;
    for (int n = 0; n < count; ++n) {
        recordCurrent();
        loadIteration(iteration_ + 1);
    }
    holdNext_ = false;
    emit historyChanged();
    emit iterationChanged(iteration_);
    emit timeChanged(time_);
}

void PlaybackController::setSpeed(double unitsPerSecond) {
    if (!std::isfinite(unitsPerSecond)) return;
    const double s = std::clamp(unitsPerSecond, kMinSpeed, kMaxSpeed);
    if (s == speed_) return;
    speed_ = s;
    QSettings().setValue(kSpeedKey, speed_);
    emit speedChanged(speed_);
}

void PlaybackController::setRepeat(bool on) {
    repeat_ = on;
}

} // namespace hgc::ui
