#include "charts/charts_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "charts/chart_export.h"
#include "charts/chart_runner.h"
#include "charts/export_dialogs.h"
#include "charts/figure_view.h"
#include "charts/hover_tips.h"

namespace hgc::charts {

ChartsPanel::ChartsPanel(QWidget* parent)
    : QWidget(parent), runner_(new ChartRunner(this)), debounce_(new QTimer(this)),
      model_(new ChartTableModel(this)) {
    debounce_->setSingleShot(true);
    debounce_->setInterval(300);
    connect(debounce_, &QTimer::timeout, this, &ChartsPanel::recompute);
    buildControls();
    connect(runner_, &ChartRunner::progress, this,
            [this](double f) { progressBar_->setValue(static_cast<int>(f * 1000)); });
    connect(runner_, &ChartRunner::busyChanged, this, [this](bool busy) {
        progressBar_->setVisible(busy);
        cancelButton_->setVisible(busy);
        emit busyChanged(busy);
    });
    connect(runner_, &ChartRunner::finished, this, [this](const ChartTable& table) {
        cache_[{int(request_.kind), request_.confidenceBars, request_.monteCarloIterations}] =
            table;
        showTable(table);
    });
    connect(runner_, &ChartRunner::failed, this, [this](const QString& reason) {
        showMessage(reason == "cancelled" ? tr("Cancelled: the chart shows the previous result.")
                                          : tr("Cannot chart this scenario: %1").arg(reason));
    });
    showMessage(tr("No scenario yet."));
}

ChartsPanel::~ChartsPanel() {
    view_->setFigure(nullptr); // before the figure (and its scene) goes
}

void ChartsPanel::buildControls() {
    kindBox_ = new QComboBox;
    for (ChartKind k : allChartKinds())
        if (k != ChartKind::Training) // the Training tab trains, draws and exports it live
            kindBox_->addItem(chartKindTitle(k), int(k));
    reverseBox_ = new QCheckBox(tr("Against s_e"));
    reverseBox_->setToolTip(tr("Plot E[T] against the edge stragglers s_e, one line per s_w"));
    confidenceBox_ = new QCheckBox(tr("Monte Carlo 95% bars"));
    confidenceBox_->setToolTip(
        tr("Also simulate every (s_e, s_w) with the scenario's iterations and seed"));
    progressBar_ = new QProgressBar;
    progressBar_->setRange(0, 1000);
    progressBar_->setTextVisible(false);
    progressBar_->setMaximumWidth(160);
    progressBar_->hide();
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->hide();
    exportButton_ = makeExportButton(this, [this](ExportFormat format) {
        exportWithDialog(
            this, format, lastImageOptions_,
            [this](const QString& path, const ImageOptions& image) { exportTo(path, image); });
    });
    exportButton_->setEnabled(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(kindBox_);
    bar->addWidget(reverseBox_);
    bar->addWidget(confidenceBox_);
    bar->addStretch();
    bar->addWidget(progressBar_);
    bar->addWidget(cancelButton_);
    bar->addWidget(exportButton_);

    message_ = new QLabel;
    message_->setWordWrap(true);
    view_ = new FigureView;
    tableView_ = new QTableView;
    tableView_->setModel(model_);
    tableView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tableView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tabs_ = new QTabWidget;
    tabs_->addTab(view_, tr("Chart"));
    tabs_->addTab(tableView_, tr("Table"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(message_);
    layout->addWidget(tabs_, 1);

    connect(kindBox_, &QComboBox::currentIndexChanged, this,
            [this] { setKind(static_cast<ChartKind>(kindBox_->currentData().toInt())); });
    connect(reverseBox_, &QCheckBox::toggled, this, [this] {
        if (model_->rowCount() > 0) showTable(model_->table());
    });
    connect(confidenceBox_, &QCheckBox::toggled, this, [this](bool on) {
        request_.confidenceBars = on;
        requestChanged();
    });
    connect(cancelButton_, &QPushButton::clicked, this, &ChartsPanel::cancel);
    setKind(request_.kind);
}

bool ChartsPanel::isBusy() const {
    return runner_->isBusy() || debounce_->isActive();
}

void ChartsPanel::setDebounce(int milliseconds) {
    debounce_->setInterval(milliseconds);
}

void ChartsPanel::setOptimiserSeconds(double seconds) {
    request_.optimiserSeconds = seconds;
    cache_.clear();
}

namespace {

/// The scenario without what no chart depends on (where the canvas draws the nodes), so
/// that dragging a node does not recompute the charts.
Scenario withoutPositions(Scenario s) {
    for (Edge& e : s.edges) {
        e.position.reset();
        for (Worker& w : e.workers)
            w.position.reset();
    }
    return s;
}

} // namespace

void ChartsPanel::setScenario(const Scenario& given) {
    const Scenario scenario = withoutPositions(given);
    if (scenario_ && *scenario_ == scenario) return;
    scenario_ = scenario;
    cache_.clear();
    runner_->discard(); // a result for the previous scenario must not be cached for this one
    debounce_->start();
}

void ChartsPanel::setKind(ChartKind kind) {
    if (kind == ChartKind::Training) return; // not offered here: see buildControls
    request_.kind = kind;
    const int index = kindBox_->findData(int(kind));
    if (kindBox_->currentIndex() != index) {
        const QSignalBlocker blocker(kindBox_); // no second round through the slot
        kindBox_->setCurrentIndex(index);
    }
    const bool runtime = kind == ChartKind::RuntimeVsTolerance;
    reverseBox_->setVisible(runtime);
    confidenceBox_->setVisible(runtime);
    request_.confidenceBars = runtime && confidenceBox_->isChecked();
    requestChanged();
}

void ChartsPanel::requestChanged() {
    if (!scenario_) return;
    const auto cached =
        cache_.find({int(request_.kind), request_.confidenceBars, request_.monteCarloIterations});
    if (cached != cache_.end()) {
        runner_->discard();
        showTable(cached->second);
        return;
    }
    debounce_->start(0);
}

void ChartsPanel::recompute() {
    debounce_->stop();
    if (!scenario_) return;
    runner_->start(*scenario_, request_);
}

void ChartsPanel::cancel() {
    debounce_->stop();
    runner_->cancel();
}

FigureOptions ChartsPanel::figureOptions() const {
    FigureOptions options;
    options.reverse = reverseBox_->isChecked();
    return options;
}

void ChartsPanel::showTable(const ChartTable& table) {
    message_->hide();
    model_->setTable(table);
    auto figure = buildFigure(*model_, figureOptions());
    attachHoverTips(*figure);
    view_->setFigure(figure.get());
    figure_ = std::move(figure);
    exportButton_->setEnabled(true);
    emit chartReady(table.kind);
}

void ChartsPanel::showMessage(const QString& text) {
    message_->setText(text);
    message_->show();
}

void ChartsPanel::exportTo(const QString& path, const ImageOptions& options) const {
    // A figure of its own, laid out at the export's size: the one on screen stays as it is.
    exportChart(*model_, path, options, figureOptions());
}

} // namespace hgc::charts
