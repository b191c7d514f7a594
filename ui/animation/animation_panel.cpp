#include "animation/animation_panel.h"

#include <QAction>
#include <QCheckBox>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "animation/comparison_bars.h"
#include "animation/explanation.h"
#include "animation/history_charts.h"
#include "animation/timeline_widget.h"

namespace hgc::ui {
namespace {

constexpr int kScrubberSteps = 1000;
constexpr int kRunBatch = 100;
constexpr int kExplainMs = 250; // the text follows playback at most four times a second
constexpr int kHistoryMs = 150;

// The speed slider is logarithmic: value v means 10^(v/100) time units per second.
int sliderForSpeed(double speed) {
    return int(std::lround(std::log10(speed) * 100.0));
}
double speedForSlider(int value) {
    return std::pow(10.0, value / 100.0);
}

QToolButton* toolButton(QAction* action) {
    auto* b = new QToolButton;
    b->setDefaultAction(action);
    b->setAutoRaise(true);
    return b;
}

} // namespace

AnimationPanel::AnimationPanel(QWidget* parent)
    : QWidget(parent), controller_(new PlaybackController(this)) {
    setObjectName(QStringLiteral("animationPanel"));
    buildControls();
    buildViews();
    historyTimer_.setSingleShot(true);
    historyTimer_.setInterval(kHistoryMs);
    connect(&historyTimer_, &QTimer::timeout, this, &AnimationPanel::updateHistory);
    connect(controller_, &PlaybackController::timeChanged, this, &AnimationPanel::onTime);
    connect(controller_, &PlaybackController::iterationChanged, this, &AnimationPanel::onIteration);
    connect(controller_, &PlaybackController::scenarioChanged, this, &AnimationPanel::onScenario);
    connect(controller_, &PlaybackController::layoutChanged, this, [this] {
        // Positions or names changed: the traces did not.
        if (overlay_) overlay_->refreshPositions();
        onIteration(); // the timeline's row names
        updateExplanation();
    });
    connect(controller_, &PlaybackController::playingChanged, this, &AnimationPanel::onPlaying);
    connect(controller_, &PlaybackController::speedChanged, this, &AnimationPanel::onSpeed);
    connect(controller_, &PlaybackController::historyChanged, this, [this] {
        if (!historyTimer_.isActive()) historyTimer_.start();
    });
    onSpeed(controller_->speed());
    onPlaying(false);
}

AnimationPanel::~AnimationPanel() = default;

void AnimationPanel::buildControls() {
    auto* st = style();
    auto action = [&](QStyle::StandardPixmap icon, const QString& text, const QKeySequence& key,
                      const QString& tip, void (PlaybackController::*slot)()) {
        auto* a = new QAction(st->standardIcon(icon), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, [this, slot] {
            (controller_->*slot)();
            showOverlay();
        });
        addAction(a);
        return a;
    };
    restartAction_ =
        action(QStyle::SP_MediaSkipBackward, tr("Restart"), Qt::Key_Home,
               tr("Back to the start of this iteration"), &PlaybackController::restart);
    backAction_ = action(QStyle::SP_MediaSeekBackward, tr("Previous event"), Qt::Key_Left,
                         tr("Step back to the previous event"), &PlaybackController::stepBack);
    playAction_ = action(QStyle::SP_MediaPlay, tr("Play"), Qt::Key_Space,
                         tr("Play or pause the animation"), &PlaybackController::togglePlay);
    stepAction_ = action(
        QStyle::SP_MediaSeekForward, tr("Next event"), Qt::Key_Right,
        tr("Step to the next event: a result computed, arrived, an edge or the master decoded"),
        &PlaybackController::stepForward);
    nextAction_ = action(QStyle::SP_MediaSkipForward, tr("Next iteration"), Qt::Key_N,
                         tr("Go to the next iteration (new random delays)"),
                         &PlaybackController::nextIteration);
    playAction_->setObjectName(QStringLiteral("animationPlay"));
    stepAction_->setObjectName(QStringLiteral("animationStep"));
    backAction_->setObjectName(QStringLiteral("animationBack"));
    restartAction_->setObjectName(QStringLiteral("animationRestart"));
    nextAction_->setObjectName(QStringLiteral("animationNextIteration"));
}

QList<QAction*> AnimationPanel::playbackActions() const {
    return {playAction_, stepAction_, backAction_, restartAction_, nextAction_};
}

void AnimationPanel::buildViews() {
    auto* controls = new QHBoxLayout;
    controls->setSpacing(2);
    controls->addWidget(toolButton(restartAction_));
    controls->addWidget(toolButton(backAction_));
    playButton_ = toolButton(playAction_);
    controls->addWidget(playButton_);
    controls->addWidget(toolButton(stepAction_));
    controls->addWidget(toolButton(nextAction_));

    auto* run = new QPushButton(tr("Run %1").arg(kRunBatch));
    run->setToolTip(tr("Run the next %1 iterations at once, adding them to the history and the "
                       "histogram")
                        .arg(kRunBatch));
    connect(run, &QPushButton::clicked, this, [this] { controller_->runIterations(kRunBatch); });
    controls->addWidget(run);

    repeat_ = new QCheckBox(tr("Repeat"));
    repeat_->setChecked(controller_->repeats());
    repeat_->setToolTip(tr("When an iteration ends, play the next one"));
    connect(repeat_, &QCheckBox::toggled, controller_, &PlaybackController::setRepeat);
    controls->addWidget(repeat_);

    auto* stop = new QPushButton(tr("Stop"));
    stop->setToolTip(tr("Stop the animation and remove it from the canvas"));
    connect(stop, &QPushButton::clicked, this, &AnimationPanel::stop);
    controls->addWidget(stop);

    controls->addSpacing(12);
    auto* speedTitle = new QLabel(tr("Speed"));
    controls->addWidget(speedTitle);
    speedSlider_ = new QSlider(Qt::Horizontal);
    speedSlider_->setRange(sliderForSpeed(PlaybackController::kMinSpeed),
                           sliderForSpeed(PlaybackController::kMaxSpeed));
    speedSlider_->setMinimumWidth(110);
    speedSlider_->setToolTip(
        tr("Playback speed: simulated time units per second of wall time "
           "(logarithmic; remembered between sessions). Slow enough to narrate, "
           "fast enough to run many iterations."));
    speedTitle->setToolTip(speedSlider_->toolTip());
    connect(speedSlider_, &QSlider::valueChanged, this,
            [this](int v) { controller_->setSpeed(speedForSlider(v)); });
    controls->addWidget(speedSlider_);
    speedLabel_ = new QLabel;
    speedLabel_->setMinimumWidth(70);
    speedLabel_->setToolTip(speedSlider_->toolTip());
    controls->addWidget(speedLabel_);
    controls->addStretch(1);

    auto* scrub = new QHBoxLayout;
    scrubber_ = new QSlider(Qt::Horizontal);
    scrubber_->setRange(0, kScrubberSteps);
    scrubber_->setToolTip(tr("Time inside the iteration: drag to seek"));
    connect(scrubber_, &QSlider::valueChanged, this, [this](int v) {
        controller_->seek(controller_->endTime() * v / kScrubberSteps);
        showOverlay();
    });
    scrub->addWidget(scrubber_, 1);
    timeLabel_ = new QLabel;
    timeLabel_->setMinimumWidth(190);
    timeLabel_->setToolTip(tr("Iteration number, simulated time and where this iteration ends"));
    scrub->addWidget(timeLabel_);

    problem_ = new QLabel;
    problem_->setWordWrap(true);
    problem_->setVisible(false);

    timeline_ = new TimelineWidget;
    connect(timeline_, &TimelineWidget::seekRequested, this, [this](double t) {
        controller_->seek(t);
        showOverlay();
    });
    history_ = new HistoryCharts;
    tabs_ = new QTabWidget;
    tabs_->addTab(timeline_, tr("Timeline"));
    tabs_->addTab(history_, tr("History"));
    tabs_->setTabToolTip(0, tr("Gantt view of the current iteration"));
    tabs_->setTabToolTip(1, tr("Iteration times of every played iteration, and their histogram"));

    comparison_ = new ComparisonBars;
    explanation_ = new QTextBrowser;
    explanation_->setToolTip(tr("What is happening at this moment, in plain words"));
    explanation_->setOpenLinks(false);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* sideTitle = new QLabel(tr("<b>Same draws, other schemes</b>"));
    rightLayout->addWidget(sideTitle);
    rightLayout->addWidget(comparison_);
    rightLayout->addWidget(explanation_, 1);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(tabs_);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addLayout(scrub);
    layout->addWidget(problem_);
    layout->addWidget(split, 1);
}

void AnimationPanel::attachCanvas(QGraphicsScene* scene, NodePositionFunction positions) {
    overlay_ = std::make_unique<AnimationOverlay>(scene, std::move(positions));
    if (controller_->hasRuns())
        overlay_->setStructure(controller_->scenario(), controller_->current().scheme);
    if (overlayActive_) showOverlay();
}

void AnimationPanel::setScenario(const Scenario& scenario) {
    controller_->setScenario(scenario);
}

void AnimationPanel::stop() {
    controller_->pause();
    controller_->restart();
    overlayActive_ = false;
    if (overlay_) overlay_->clear();
}

void AnimationPanel::showOverlay() {
    overlayActive_ = true;
    if (overlay_ && controller_->hasRuns())
        overlay_->show(controller_->current().trace, controller_->state());
}

void AnimationPanel::onScenario() {
    const bool ok = controller_->hasRuns();
    problem_->setVisible(!ok);
    problem_->setText(ok ? QString() : tr("Nothing to animate: %1").arg(controller_->problem()));
    for (QAction* a : playbackActions())
        a->setEnabled(ok);
    scrubber_->setEnabled(ok);
    if (ok) decoding_.setScenario(controller_->scenario());
    if (overlay_) {
        if (ok)
            overlay_->setStructure(controller_->scenario(), controller_->current().scheme);
        else
            overlay_->clear();
    }
    updateHistory();
}

void AnimationPanel::onIteration() {
    if (!controller_->hasRuns()) {
        comparison_->setRuns({}, 1.0);
        return;
    }
    timeline_->setRun(controller_->scenario(), controller_->current(), controller_->endTime());
    comparison_->setRuns(controller_->runs(), controller_->endTime());
    used_ = decoding_.decode(controller_->current().scheme, controller_->current().trace);
    explainedEvents_ = std::size_t(-1);
}

void AnimationPanel::onTime(double t) {
    const double end = controller_->endTime();
    {
        const QSignalBlocker block(scrubber_);
        scrubber_->setValue(end > 0.0 ? int(std::lround(t / end * kScrubberSteps)) : 0);
    }
    timeLabel_->setText(tr("iteration %1 · t = %2 of %3")
                            .arg(controller_->iteration() + 1)
                            .arg(t, 0, 'f', 3)
                            .arg(end, 0, 'g', 4));
    timeline_->setTime(t);
    comparison_->setTime(t);
    // The overlay appears once the animation has moved, and stays until stop().
    if (t > 0.0 || controller_->isPlaying()) overlayActive_ = true;
    if (overlay_ && overlayActive_ && controller_->hasRuns())
        overlay_->show(controller_->current().trace, controller_->state());
    updateExplanation();
}

void AnimationPanel::updateExplanation() {
    if (!controller_->hasRuns()) {
        explanation_->clear();
        return;
    }
    const SchemeRun& run = controller_->current();
    const std::size_t events = eventsUpTo(run.trace, controller_->time());
    if (events == explainedEvents_ && controller_->iteration() == explainedIteration_) return;
    if (controller_->isPlaying() && explained_.isValid() && explained_.elapsed() < kExplainMs)
        return;
    explained_.start();
    explainedEvents_ = events;
    explainedIteration_ = controller_->iteration();
    ExplanationInput in;
    in.scenario = &controller_->scenario();
    in.run = &run;
    in.state = &controller_->state();
    in.iteration = controller_->iteration();
    in.decoding = used_ ? &*used_ : nullptr;
    in.decodingNote = decoding_.note();
    explanation_->setHtml(explainMoment(in));
}

void AnimationPanel::updateHistory() {
    historyTimer_.stop();
    history_->setHistory(controller_->history());
}

void AnimationPanel::flushUpdates() {
    updateHistory();
    explainedEvents_ = std::size_t(-1);
    explained_.invalidate();
    updateExplanation();
}

void AnimationPanel::onPlaying(bool playing) {
    playAction_->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    playAction_->setText(playing ? tr("Pause") : tr("Play"));
    if (playing)
        showOverlay();
    else
        flushUpdates();
}

void AnimationPanel::onSpeed(double speed) {
    const QSignalBlocker block(speedSlider_);
    speedSlider_->setValue(sliderForSpeed(speed));
    speedLabel_->setText(tr("%1 /s").arg(speed, 0, 'g', 3));
}

} // namespace hgc::ui
