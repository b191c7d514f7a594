#pragma once
// The Training tab (SPEC §9, issue 8): trains softmax regression through each chosen scheme's
// real codes on a worker thread and draws loss and test accuracy against simulated time,
// live, one line per scheme. The GUI thread never waits: records arrive as queued calls and
// are dropped when they belong to an older (cancelled) run. What is drawn exports like every
// chart (PNG, SVG, PDF, CSV), through the charts' table and figure of kind Training.
#include <QPointF>
#include <QWidget>
#include <atomic>
#include <cmath>
#include <memory>
#include <vector>

#include "charts/chart_table.h"
#include "charts/figure_export.h"
#include "model/scenario.h"
#include "train/trainer.h"

class QCheckBox;
class QChart;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThreadPool;
class QToolButton;
class QVBoxLayout;

namespace hgc::ui {

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    ~TrainingPanel() override;

    /// Rebuilds the scheme list (schemes that stay keep their check mark) and cancels a
    /// running training (its results no longer apply), unless only node positions changed.
    void setScenario(const Scenario& scenario);

    bool isRunning() const { return running_; }
    /// The data source passed to loadTrainingData: "synthetic", "fashion-mnist" or a path.
    void setDataSource(const QString& source);
    void setIterations(int iterations);
    void setStep(double step);
    void setMomentum(double momentum);
    /// How the training rows fall into the workers' partitions (the "Data across workers"
    /// combo).
    void setPartitioning(DataPartitioning partitioning);
    /// Checks only the first `count` schemes of the list.
    void selectFirstSchemes(int count);
    /// The schemes the next run trains, in list order.
    std::vector<TrainingScheme> selectedSchemes() const;
    TrainingOptions options() const;

    // For tests and the lead's integration.
    QLineSeries* lossSeries(int index) const;
    QLineSeries* accuracySeries(int index) const;
    QString statusText() const;

    /// The range of the points drawn on a chart, kept as they arrive (scanning every series
    /// per record would cost the GUI thread quadratic time on a long run).
    struct PlotExtent {
        double xMax = 0.0;
        double yMin = INFINITY, yMax = -INFINITY;
        bool empty() const { return yMin > yMax; }
        void include(const QPointF& point); // ignores non-finite points
    };

    /// The curves drawn so far (a finished, cancelled or running training) as the table of
    /// a Training chart: what Export writes. Empty before the first run.
    charts::ChartTable chartTable() const;
    /// Writes that chart (by extension: PNG, SVG, PDF or CSV); throws InputError naming the
    /// file when nothing was trained yet or the file cannot be written.
    void exportTo(const QString& path, const charts::ImageOptions& image = {}) const;

public slots:
    void run();
    void cancel();

signals:
    void runningChanged(bool running);
    /// A run ended: completed (true) or cancelled / failed (false).
    void finished(bool completed);

private:
    void buildControls(QVBoxLayout* layout);
    void rebuildSchemeBoxes();
    void onDataChoice(int index);
    void setRunning(bool running);
    void addRecord(quint64 generation, int scheme, const TrainingRecord& record);
    void complete(quint64 generation, const std::vector<TrainingRun>& runs, const QString& error,
                  bool cancelled);
    void resetCharts(const std::vector<TrainingScheme>& schemes);
    void setDataCaption(quint64 generation, const QString& caption);

    Scenario scenario_; // without node positions
    bool hasScenario_ = false;
    std::vector<TrainingScheme> schemes_;
    std::vector<QCheckBox*> schemeBoxes_;
    QWidget* schemeArea_ = nullptr;
    QComboBox* data_ = nullptr;
    QString idxPath_;
    QDoubleSpinBox* step_ = nullptr;
    QDoubleSpinBox* momentum_ = nullptr;
    QComboBox* partition_ = nullptr; // item data: the DataPartitioning
    QSpinBox* iterations_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QToolButton* export_ = nullptr;
    charts::ImageOptions lastImage_;
    QChart* lossChart_ = nullptr;
    QChart* accuracyChart_ = nullptr;
    std::vector<QLineSeries*> lossSeries_;
    std::vector<QLineSeries*> accuracySeries_;
    PlotExtent lossExtent_, accuracyExtent_;
    /// What the charts show: one run per drawn scheme, records as they arrived.
    std::vector<TrainingRun> shown_;
    QString shownScenario_; // caption of the scenario and of the data set they were run on
    QString shownData_;
    QThreadPool* pool_ = nullptr;
    std::shared_ptr<std::atomic<bool>> cancelFlag_;
    quint64 generation_ = 0;
    bool running_ = false;
};

} // namespace hgc::ui
