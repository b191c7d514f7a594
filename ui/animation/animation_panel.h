#pragma once
// The animation panel: playback controls (play/pause, step, back, restart, next iteration,
// run 100, repeat, speed, scrubber), the timeline of the iteration, the comparison with
// uncoded (and gc) on the same draws, the history chart and histogram, and the explanation
// of the current moment. It owns the PlaybackController and, once attachCanvas() is called,
// the overlay on the canvas.
//
// Keyboard (while the panel has focus): Space play/pause, Right next event, Left previous
// event, Home restart, N next iteration.
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>

#include "animation/canvas_overlay.h"
#include "animation/decoding_lookup.h"
#include "animation/playback_controller.h"

class QAction;
class QCheckBox;
class QGraphicsScene;
class QLabel;
class QSlider;
class QTabWidget;
class QTextBrowser;
class QToolButton;

namespace hgc::ui {

class ComparisonBars;
class HistoryCharts;
class TimelineWidget;

class AnimationPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnimationPanel(QWidget* parent = nullptr);
    ~AnimationPanel() override;

    PlaybackController* controller() const { return controller_; }
    /// Draws the animation into `scene`, finding nodes through `positions`.
    void attachCanvas(QGraphicsScene* scene, NodePositionFunction positions);
    AnimationOverlay* overlay() const { return overlay_.get(); }
    /// Play/pause, next event, previous event, restart, next iteration: for a menu.
    QList<QAction*> playbackActions() const;

    TimelineWidget* timeline() const { return timeline_; }
    ComparisonBars* comparison() const { return comparison_; }
    HistoryCharts* historyCharts() const { return history_; }
    QTextBrowser* explanation() const { return explanation_; }
    QSlider* scrubber() const { return scrubber_; }
    QSlider* speedSlider() const { return speedSlider_; }
    /// Applies pending (throttled) chart and explanation updates now.
    void flushUpdates();

public slots:
    void setScenario(const hgc::Scenario& scenario);
    /// Pauses, goes back to t = 0 and removes the overlay from the canvas.
    void stop();

private:
    void buildControls();
    void buildViews();
    void onTime(double t);
    void onIteration();
    void onScenario();
    void onPlaying(bool playing);
    void onSpeed(double speed);
    void updateExplanation();
    void updateHistory();
    void showOverlay();

    PlaybackController* controller_;
    std::unique_ptr<AnimationOverlay> overlay_;
    bool overlayActive_ = false;
    DecodingLookup decoding_;
    std::optional<UsedDecoding> used_;

    QAction* playAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* backAction_ = nullptr;
    QAction* restartAction_ = nullptr;
    QAction* nextAction_ = nullptr;
    QToolButton* playButton_ = nullptr;
    QCheckBox* repeat_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QSlider* scrubber_ = nullptr;
    QLabel* timeLabel_ = nullptr;
    QLabel* problem_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    TimelineWidget* timeline_ = nullptr;
    ComparisonBars* comparison_ = nullptr;
    HistoryCharts* history_ = nullptr;
    QTextBrowser* explanation_ = nullptr;

    // Throttles: charts and text are not redrawn at 60 fps.
    QTimer historyTimer_;
    QElapsedTimer explained_;
    std::size_t explainedEvents_ = static_cast<std::size_t>(-1);
    long long explainedIteration_ = -1;
};

} // namespace hgc::ui
