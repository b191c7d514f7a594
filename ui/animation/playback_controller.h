#pragma once
// Plays back the traces of one iteration, no painting. Three clocks are kept apart:
//  - wall time: real seconds between timer ticks (QElapsedTimer);
//  - animation time: seconds of playback, advancing only while playing (it also runs through
//    the short hold at the end of an iteration, while simulated time stands still);
//  - simulated time: the time inside the iteration, t, what the screen shows.
// Speed is simulated time units per wall second, a user setting stored in QSettings.
// The traces are computed up front (core/simulate); every state is a lookup into them.
// Driven by a ~60 fps QTimer only while playing.
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <vector>

#include "animation/iteration_history.h"
#include "animation/iteration_state.h"
#include "animation/scheme_run.h"

namespace hgc::ui {

class PlaybackController : public QObject {
    Q_OBJECT
public:
    static constexpr double kDefaultSpeed = 1.0;
    static constexpr double kMinSpeed = 0.01;
    static constexpr double kMaxSpeed = 10000.0;
    /// Animation seconds the playback rests on a finished iteration before the next one,
    /// when iterations repeat and one takes longer than a second to play.
    static constexpr double kEndHold = 0.6;

    explicit PlaybackController(QObject* parent = nullptr);

    bool hasRuns() const { return !runs_.empty(); }
    /// Why there is nothing to play (the scheme does not fit), or empty.
    const QString& problem() const { return problem_; }
    const Scenario& scenario() const { return scenario_; }
    /// The scenario's scheme first, then the comparisons; all traced on the same draws.
    const std::vector<SchemeRun>& runs() const { return runs_; }
    const SchemeRun& current() const { return runs_.front(); }
    /// The state of the current scheme at time().
    const IterationState& state() const { return state_; }

    long long iteration() const { return iteration_; }
    double time() const { return time_; }              // simulated
    double endTime() const { return end_; }            // where playback of this iteration ends
    double animationTime() const { return animTime_; } // seconds of playback so far
    bool atEnd() const { return time_ >= end_; }
    bool isPlaying() const { return timer_.isActive(); }
    double speed() const { return speed_; }
    bool repeats() const { return repeat_; }
    const IterationHistory& history() const { return history_; }

public slots:
    /// Restarts cleanly on the new scenario: iteration 0, t = 0, empty history. An edit that
    /// changes nothing the traces depend on (positions, names) keeps playing.
    void setScenario(const hgc::Scenario& scenario);
    void play();
    void pause();
    void togglePlay();
    void stepForward(); // to the next event time
    void stepBack();    // to the previous event time
    void restart();     // t = 0 of the same iteration
    void nextIteration();
    void seek(double t);
    /// Plays `count` iterations instantly into the history and lands on the next one.
    void runIterations(int count);
    void setSpeed(double unitsPerSecond);
    /// When on, a finished iteration is followed by the next one.
    void setRepeat(bool on);
    /// Advances the clocks as a timer tick after `wallSeconds` would (tests, benchmarks).
    void advance(double wallSeconds);

signals:
    void timeChanged(double t);
    /// New traces (next iteration, restart of the scenario): views re-read runs().
    void iterationChanged(long long index);
    /// The scenario was replaced: the structure (nodes, schemes) may differ.
    void scenarioChanged();
    /// Node positions or names changed, the traces did not.
    void layoutChanged();
    void playingChanged(bool playing);
    void speedChanged(double unitsPerSecond);
    void historyChanged();

private:
    void tick();
    void loadIteration(long long index);
    void recordCurrent();
    void setTime(double t);
    void emitChanges(int recordedBefore);

    Scenario scenario_;
    QString problem_;
    std::vector<SchemeRun> runs_;
    IterationState state_;
    IterationHistory history_;
    long long iteration_ = 0;
    bool recorded_ = false;
    double time_ = 0.0;
    double end_ = 0.0;
    double animTime_ = 0.0;
    bool holdNext_ = false;  // the finished iteration rests on screen until holdUntil_
    double holdUntil_ = 0.0; // in animation time
    double speed_ = kDefaultSpeed;
    bool repeat_ = true;
    QTimer timer_;
    QElapsedTimer wall_;
};

} // namespace hgc::ui
