#include "panels/training_panel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <map>

#include "charts/chart_export.h"
#include "charts/chart_style.h"
#include "charts/chart_table_model.h"
#include "charts/export_dialogs.h"
#include "charts/scheme_label.h"
#include "charts/training_table.h"
#include "train/data_source.h"
#include "train/idx_file.h"
#include "train/training_schemes.h"
#include "util/errors.h"

namespace hgc::ui {

namespace {

enum DataChoice { Synthetic = 0, FashionMnist = 1, IdxFile = 2 };

// In the charts' house style, with the axis titles and colours of the exported figure, so
// that what is exported looks like what was watched.
QChart* makeChart(const QString& title, const QString& yTitle) {
    auto* chart = new QChart;
    charts::applyChartStyle(chart, title);
    auto* x = new QValueAxis;
    charts::applyAxisStyle(x, QObject::tr("simulated time (time units)"));
    x->setLabelFormat(QStringLiteral("%g"));
    auto* y = new QValueAxis;
    charts::applyAxisStyle(y, yTitle);
    y->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return chart;
}

/// Sets the axes to the extent of the points drawn so far.
void fitAxes(QChart* chart, const TrainingPanel::PlotExtent& extent) {
    if (extent.empty()) return;
    auto* x = static_cast<QValueAxis*>(chart->axes(Qt::Horizontal).front());
    auto* y = static_cast<QValueAxis*>(chart->axes(Qt::Vertical).front());
    x->setRange(0.0, extent.xMax > 0.0 ? extent.xMax : 1.0);
    x->applyNiceNumbers();
    y->setRange(extent.yMin, extent.yMax > extent.yMin ? extent.yMax : extent.yMin + 1.0);
    y->applyNiceNumbers();
}

} // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent), pool_(new QThreadPool(this)) {
    pool_->setMaxThreadCount(1);
    auto* layout = new QVBoxLayout(this);
    buildControls(layout);

    lossChart_ = makeChart(tr("Training loss"), tr("loss (cross-entropy)"));
    accuracyChart_ = makeChart(tr("Test accuracy"), tr("accuracy (fraction)"));
    auto* charts = new QHBoxLayout;
    for (QChart* chart : {lossChart_, accuracyChart_}) {
        auto* view = new QChartView(chart);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(200);
        charts->addWidget(view);
    }
    layout->addLayout(charts, 1);
    setRunning(false);
}

TrainingPanel::~TrainingPanel() {
    if (cancelFlag_) cancelFlag_->store(true);
    pool_->waitForDone();
}

void TrainingPanel::buildControls(QVBoxLayout* layout) {
    auto* form = new QFormLayout;
    data_ = new QComboBox;
    data_->addItem(tr("Synthetic (Gaussian mixture)"));
    data_->addItem(tr("Fashion-MNIST"));
    data_->addItem(tr("IDX file…"));
    data_->setToolTip(tr("The data set the model is trained on"));
    if (!QDir(QString::fromStdString(fashionMnistDirectory())).exists()) {
        // A disabled item keeps the choice visible and says how to get it.
        data_->setItemData(FashionMnist, 0, Qt::UserRole - 1);
        data_->setItemData(FashionMnist,
                           tr("Install the Debian package dataset-fashion-mnist (%1)")
                               .arg(QString::fromStdString(fashionMnistDirectory())),
                           Qt::ToolTipRole);
    }
    connect(data_, &QComboBox::activated, this, &TrainingPanel::onDataChoice);
    form->addRow(tr("Data set"), data_);

    schemeArea_ = new QWidget;
    schemeArea_->setLayout(new QVBoxLayout);
    schemeArea_->layout()->setContentsMargins(0, 0, 0, 0);
    schemeArea_->setToolTip(tr("The schemes trained side by side on the same delay draws"));
    form->addRow(tr("Schemes"), schemeArea_);

    step_ = new QDoubleSpinBox;
    step_->setRange(1e-4, 100.0);
    step_->setDecimals(4);
    step_->setValue(TrainingOptions{}.step);
    step_->setToolTip(tr("Gradient-descent step size"));
    form->addRow(tr("Step size"), step_);
    momentum_ = new QDoubleSpinBox;
    momentum_->setRange(0.0, 0.99);
    momentum_->setSingleStep(0.1);
    momentum_->setValue(TrainingOptions{}.momentum);
    momentum_->setToolTip(tr("Heavy-ball momentum (0: plain gradient descent)"));
    form->addRow(tr("Momentum"), momentum_);
    partition_ = new QComboBox;
    partition_->addItem(tr("shuffled (IID)"), int(DataPartitioning::Iid));
    partition_->addItem(tr("sorted by label (non-IID)"), int(DataPartitioning::ByLabel));
    partition_->setCurrentIndex(partition_->findData(int(TrainingOptions{}.partitioning)));
    partition_->setToolTip(
        tr("How the training samples are split among the workers.\n"
           "Shuffled: every worker holds a bit of every class, so dropping a few workers\n"
           "barely changes the gradient.\n"
           "Sorted by label: each worker, hence each edge, holds only a few classes, as when\n"
           "every edge serves its own users. If the same edge is slow again and again,\n"
           "\"ignore stragglers\" keeps dropping the same classes and learns a biased model;\n"
           "the coded schemes still recover the exact gradient."));
    form->addRow(tr("Data across workers"), partition_);
    iterations_ = new QSpinBox;
    iterations_->setRange(1, 100000);
    iterations_->setValue(int(TrainingOptions{}.iterations));
    iterations_->setToolTip(tr("Gradient steps per scheme"));
    form->addRow(tr("Iterations"), iterations_);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("Run"));
    run_->setToolTip(tr("Train one model per checked scheme in the background"));
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setToolTip(tr("Stop the running training"));
    progress_ = new QProgressBar;
    progress_->setRange(0, 1000);
    progress_->setToolTip(tr("Training progress"));
    export_ = charts::makeExportButton(this, [this](charts::ExportFormat format) {
        charts::exportWithDialog(this, format, lastImage_,
                                 [this](const QString& path, const charts::ImageOptions& image) {
                                     exportTo(path, image);
                                 });
    });
    export_->setToolTip(tr("Save the loss and accuracy curves drawn so far (PNG, SVG, PDF) "
                           "or their data (CSV)"));
    export_->setEnabled(false);
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    buttons->addWidget(progress_, 1);
    buttons->addWidget(export_);
    layout->addLayout(buttons);
    connect(run_, &QPushButton::clicked, this, &TrainingPanel::run);
    connect(cancel_, &QPushButton::clicked, this, &TrainingPanel::cancel);

    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setToolTip(tr("Final loss, accuracy and simulated time per scheme"));
    layout->addWidget(status_);
}

void TrainingPanel::onDataChoice(int index) {
    if (index != IdxFile) return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("IDX images file"), QString(),
                                     tr("IDX files (*-idx3-ubyte *-idx3-ubyte.gz);;All files (*)"));
    if (path.isEmpty()) {
        if (idxPath_.isEmpty()) data_->setCurrentIndex(Synthetic);
        return;
    }
    idxPath_ = path;
    data_->setItemText(IdxFile, tr("IDX file: %1").arg(QFileInfo(path).fileName()));
    data_->setItemData(IdxFile, path, Qt::ToolTipRole);
}

void TrainingPanel::setDataSource(const QString& source) {
    if (source == QLatin1String("synthetic")) {
        data_->setCurrentIndex(Synthetic);
    } else if (source == QLatin1String("fashion-mnist")) {
        data_->setCurrentIndex(FashionMnist);
    } else {
        idxPath_ = source;
        data_->setItemText(IdxFile, tr("IDX file: %1").arg(QFileInfo(source).fileName()));
        data_->setCurrentIndex(IdxFile);
    }
}

void TrainingPanel::setIterations(int iterations) {
    iterations_->setValue(iterations);
}
void TrainingPanel::setStep(double step) {
    step_->setValue(step);
}
void TrainingPanel::setMomentum(double momentum) {
    momentum_->setValue(momentum);
}
void TrainingPanel::setPartitioning(DataPartitioning partitioning) {
    partition_->setCurrentIndex(partition_->findData(int(partitioning)));
}

void TrainingPanel::selectFirstSchemes(int count) {
    for (int i = 0; i < int(schemeBoxes_.size()); ++i)
        schemeBoxes_[i]->setChecked(i < count);
}

std::vector<TrainingScheme> TrainingPanel::selectedSchemes() const {
    std::vector<TrainingScheme> chosen;
    for (std::size_t i = 0; i < schemeBoxes_.size(); ++i)
        if (schemeBoxes_[i]->isChecked()) chosen.push_back(schemes_[i]);
    return chosen;
}

TrainingOptions TrainingPanel::options() const {
    TrainingOptions o;
    o.iterations = iterations_->value();
    o.step = step_->value();
    o.momentum = momentum_->value();
    o.partitioning = static_cast<DataPartitioning>(partition_->currentData().toInt());
    // The delay draws of the scenario's own seed, as `hgc train` takes them by default.
    if (hasScenario_) o.seed = scenario_.simulation.seed;
    return o;
}

QLineSeries* TrainingPanel::lossSeries(int index) const {
    return index >= 0 && index < int(lossSeries_.size()) ? lossSeries_[index] : nullptr;
}
QLineSeries* TrainingPanel::accuracySeries(int index) const {
    return index >= 0 && index < int(accuracySeries_.size()) ? accuracySeries_[index] : nullptr;
}
QString TrainingPanel::statusText() const {
    return status_->text();
}

void TrainingPanel::setScenario(const Scenario& given) {
    // Moving nodes on the canvas changes no number: it must not cancel a long training.
    Scenario scenario = given;
    for (Edge& e : scenario.edges) {
        e.position.reset();
        for (Worker& w : e.workers)
            w.position.reset();
    }
    if (hasScenario_ && scenario == scenario_) return;
    hasScenario_ = true;
    if (running_) cancel();
    scenario_ = scenario;
    rebuildSchemeBoxes();
}

charts::ChartTable TrainingPanel::chartTable() const {
    return charts::trainingTableOf(
        shown_, shownScenario_ + (shownData_.isEmpty() ? QString() : "\n" + shownData_));
}

void TrainingPanel::exportTo(const QString& path, const charts::ImageOptions& image) const {
    charts::exportChart(charts::ChartTableModel(chartTable()), path, image);
}

void TrainingPanel::rebuildSchemeBoxes() {
    // A scheme that is still offered keeps the user's check mark.
    std::map<std::string, bool> checked;
    for (std::size_t i = 0; i < schemeBoxes_.size(); ++i)
        checked[trainingSchemeId(schemes_[i])] = schemeBoxes_[i]->isChecked();
    for (QCheckBox* box : schemeBoxes_)
        delete box;
    schemeBoxes_.clear();
    schemes_.clear();
    try {
        schemes_ = defaultTrainingSchemes(scenario_);
    } catch (const std::exception& e) {
        status_->setText(tr("No training schemes for this scenario: %1").arg(e.what()));
    }
    for (const TrainingScheme& s : schemes_) {
        auto* box = new QCheckBox(QString::fromStdString(s.label));
        const auto previous = checked.find(trainingSchemeId(s));
        box->setChecked(previous == checked.end() || previous->second);
        box->setToolTip(
            tr("Train with %1 (%2)")
                .arg(QString::fromStdString(s.label), QString::fromStdString(trainingSchemeId(s))));
        schemeArea_->layout()->addWidget(box);
        schemeBoxes_.push_back(box);
    }
    run_->setEnabled(!running_ && !schemes_.empty());
}

void TrainingPanel::setRunning(bool running) {
    const bool changed = running != running_;
    running_ = running;
    run_->setEnabled(!running && !schemes_.empty());
    cancel_->setEnabled(running);
    for (QWidget* w :
         std::initializer_list<QWidget*>{data_, step_, momentum_, partition_, iterations_})
        w->setEnabled(!running);
    for (QCheckBox* box : schemeBoxes_)
        box->setEnabled(!running);
    if (changed) emit runningChanged(running);
}

void TrainingPanel::resetCharts(const std::vector<TrainingScheme>& schemes) {
    shown_.clear();
    for (const TrainingScheme& s : schemes)
        shown_.push_back({s, {}, false, {}});
    shownScenario_ = charts::scenarioCaption(scenario_);
    shownData_.clear();
    lossExtent_ = accuracyExtent_ = PlotExtent{};
    export_->setEnabled(false);
    lossChart_->removeAllSeries();
    accuracyChart_->removeAllSeries();
    lossSeries_.clear();
    accuracySeries_.clear();
    for (std::size_t i = 0; i < schemes.size(); ++i) {
        const TrainingScheme& s = schemes[i];
        const QString name = QString::fromStdString(s.label);
        // The exported figure's pens: palette colour by position, the inexact one dashed.
        const QPen pen =
            charts::linePen(charts::seriesColor(int(i)), 2.0,
                            s.method == TrainingMethod::Coded ? Qt::SolidLine : Qt::DashLine);
        for (auto [chart, list] :
             {std::pair{lossChart_, &lossSeries_}, std::pair{accuracyChart_, &accuracySeries_}}) {
            auto* series = new QLineSeries;
            series->setName(name);
            series->setPen(pen);
            chart->addSeries(series);
            for (QAbstractAxis* axis : chart->axes())
                series->attachAxis(axis);
            list->push_back(series);
        }
    }
}

void TrainingPanel::run() {
    if (running_) return;
    const std::vector<TrainingScheme> schemes = selectedSchemes();
    if (schemes.empty()) {
        status_->setText(tr("Check at least one scheme."));
        return;
    }
    std::string source = "synthetic";
    if (data_->currentIndex() == FashionMnist) source = "fashion-mnist";
    if (data_->currentIndex() == IdxFile) {
        if (idxPath_.isEmpty()) {
            status_->setText(tr("Choose an IDX file first."));
            return;
        }
        source = idxPath_.toStdString();
    }
    resetCharts(schemes);
    progress_->setValue(0);
    status_->setText(tr("Loading the data set…"));
    cancelFlag_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++generation_;
    setRunning(true);

    auto flag = cancelFlag_;
    const Scenario scenario = scenario_;
    const TrainingOptions opts = options();
    (void)QtConcurrent::run(pool_, [this, flag, scenario, schemes, opts, source, generation] {
        std::vector<TrainingRun> runs;
        QString error;
        bool cancelled = false;
        try {
            const Dataset data = loadTrainingData(source, opts.seed);
            QMetaObject::invokeMethod(
                this,
                [this, generation, caption = charts::trainingCaption(data, opts)] {
                    setDataCaption(generation, caption);
                },
                Qt::QueuedConnection);
            TrainingObserver observer;
            observer.progress.cancel = flag.get();
            observer.progress.report = [this, generation](double fraction) {
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, fraction] {
                        if (generation == generation_) progress_->setValue(int(fraction * 1000));
                    },
                    Qt::QueuedConnection);
            };
            observer.onRecord = [this, generation](int scheme, const TrainingRecord& record) {
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, scheme, record] { addRecord(generation, scheme, record); },
                    Qt::QueuedConnection);
            };
            runs = train(scenario, data, schemes, opts, observer);
        } catch (const Cancelled&) {
            cancelled = true;
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, runs, error, cancelled] {
                complete(generation, runs, error, cancelled);
            },
            Qt::QueuedConnection);
    });
}

void TrainingPanel::cancel() {
    if (!running_) return;
    cancelFlag_->store(true);
    // The worker's late records carry an old generation and are dropped.
    ++generation_;
    setRunning(false);
    status_->setText(tr("Cancelled."));
    emit finished(false);
}

void TrainingPanel::PlotExtent::include(const QPointF& p) {
    if (!std::isfinite(p.x()) || !std::isfinite(p.y())) return;
    xMax = std::max(xMax, p.x());
    yMin = std::min(yMin, p.y());
    yMax = std::max(yMax, p.y());
}

void TrainingPanel::setDataCaption(quint64 generation, const QString& caption) {
    if (generation == generation_) shownData_ = caption;
}

void TrainingPanel::addRecord(quint64 generation, int scheme, const TrainingRecord& record) {
    if (generation != generation_ || scheme < 0 || scheme >= int(lossSeries_.size())) return;
    shown_[scheme].records.push_back(record);
    export_->setEnabled(true);
    const QPointF loss(record.time, record.loss), accuracy(record.time, record.accuracy);
    lossSeries_[scheme]->append(loss);
    accuracySeries_[scheme]->append(accuracy);
    lossExtent_.include(loss);
    accuracyExtent_.include(accuracy);
    if (scheme + 1 == int(lossSeries_.size())) {
        fitAxes(lossChart_, lossExtent_);
        fitAxes(accuracyChart_, accuracyExtent_);
        if (record.iteration == 0) status_->setText(tr("Training…"));
    }
}

void TrainingPanel::complete(quint64 generation, const std::vector<TrainingRun>& runs,
                             const QString& error, bool cancelled) {
    if (generation != generation_) return; // cancelled already, or a newer run
    setRunning(false);
    if (cancelled) {
        status_->setText(tr("Cancelled."));
        emit finished(false);
        return;
    }
    if (!error.isEmpty()) {
        status_->setText(tr("Training failed: %1").arg(error));
        emit finished(false);
        return;
    }
    if (runs.size() == shown_.size()) shown_ = runs; // the same records, plus failure notes
    fitAxes(lossChart_, lossExtent_);
    fitAxes(accuracyChart_, accuracyExtent_);
    progress_->setValue(progress_->maximum());
    QStringList lines;
    double worst = 0.0;
    for (const TrainingRun& r : runs) {
        if (r.records.empty()) continue;
        const TrainingRecord& last = r.records.back();
        QString line = tr("%1: loss %2, accuracy %3%, time %4")
                           .arg(QString::fromStdString(r.scheme.label))
                           .arg(last.loss, 0, 'g', 6)
                           .arg(last.accuracy * 100.0, 0, 'f', 1)
                           .arg(last.time, 0, 'g', 5);
        if (r.failed) line += tr(" (stopped: %1)").arg(QString::fromStdString(r.failure));
        lines << line;
        if (r.scheme.method == TrainingMethod::Coded)
            for (const TrainingRecord& rec : r.records)
                if (std::isfinite(rec.decodeError)) worst = std::max(worst, rec.decodeError);
    }
    lines << tr("Worst decode error of the coded schemes: %1").arg(worst, 0, 'g', 3);
    status_->setText(lines.join(QLatin1Char('\n')));
    emit finished(true);
}

} // namespace hgc::ui
