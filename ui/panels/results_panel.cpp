#include "panels/results_panel.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "document/scenario_document.h"
#include "evaluation/evaluation_runner.h"
#include "evaluation/number_format.h"
#include "evaluation/results_model.h"
#include "evaluation/sweep_model.h"
#include "panels/metric_card.h"
#include "panels/sweep_chart.h"

namespace hgc::ui {

ResultsPanel::ResultsPanel(ScenarioDocument* document, EvaluationRunner* runner, QWidget* parent)
    : QWidget(parent), document_(document), runner_(runner), results_(new ResultsModel(this)),
      sweep_(new SweepModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);

    auto* stateRow = new QHBoxLayout;
    state_ = new QLabel(tr("Waiting for the first evaluation"));
    state_->setForegroundRole(QPalette::PlaceholderText);
    busy_ = new QProgressBar;
    busy_->setRange(0, 0);
    busy_->setMaximumWidth(90);
    busy_->setMaximumHeight(12);
    busy_->setTextVisible(false);
    busy_->setToolTip(tr("Evaluating in the background; keep editing"));
    stateRow->addWidget(state_, 1);
    stateRow->addWidget(busy_);
    layout->addLayout(stateRow);

    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #d6333f;"));
    error_->setVisible(false);
    layout->addWidget(error_);

    expected_ =
        new MetricCard(tr("Expected iteration time E[T]"),
                       tr("The mean time of one iteration of the current scheme (analytic)"), true);
    layout->addWidget(expected_);
    auto* grid = new QGridLayout;
    grid->setSpacing(6);
    p95_ = new MetricCard(tr("p95"), tr("95% of the iterations finish by this time"), false);
    failure_ =
        new MetricCard(tr("Failure probability"),
                       tr("Probability that too many nodes fail for the master to decode"), false);
    load_ = new MetricCard(tr("Load per worker"),
                           tr("Largest fraction of the data set one worker computes"), false);
    messages_ = new MetricCard(tr("Master messages"),
                               tr("Vectors the master receives per iteration"), false);
    speedUp_ = new MetricCard(tr("Speed-up over uncoded"),
                              tr("Uncoded E[T] divided by this scheme's E[T]"), false);
    grid->addWidget(p95_, 0, 0);
    grid->addWidget(failure_, 0, 1);
    grid->addWidget(load_, 1, 0);
    grid->addWidget(messages_, 1, 1);
    grid->addWidget(speedUp_, 2, 0, 1, 2);
    layout->addLayout(grid);

    auto* bestRow = new QHBoxLayout;
    best_ = new QLabel(tr("Best tolerances: –"));
    best_->setWordWrap(true);
    best_->setToolTip(
        tr("The uniform hgc (s_e, s_w) with the smallest expected time, from the sweep"));
    useBest_ = new QPushButton(tr("Use"));
    useBest_->setToolTip(tr("Switch the scheme to the best uniform hgc (undoable)"));
    useBest_->setEnabled(false);
    connect(useBest_, &QPushButton::clicked, this, &ResultsPanel::useBestTolerances);
    bestRow->addWidget(best_, 1);
    bestRow->addWidget(useBest_);
    layout->addLayout(bestRow);

    auto* tabs = new QTabWidget;
    chart_ = new SweepChart(sweep_);
    sweepTable_ = new QTableView;
    sweepTable_->setModel(sweep_);
    sweepTable_->verticalHeader()->setVisible(false);
    sweepTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    sweepTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    sweepTable_->setToolTip(tr("Every valid uniform hgc; double-click a row to use it"));
    connect(sweepTable_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const SweepPoint& p = sweep_->points().at(index.row());
        document_->setScheme(Scheme::hgc(p.edgeStragglers, p.workerStragglers));
    });
    auto* details = new QTableView;
    details->setModel(results_);
    details->verticalHeader()->setVisible(false);
    details->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    details->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tabs->addTab(chart_, tr("Runtime vs tolerance"));
    tabs->addTab(sweepTable_, tr("Sweep"));
    tabs->addTab(details, tr("Details"));
    layout->addWidget(tabs, 1);

    connect(runner_, &EvaluationRunner::resultsReady, this, &ResultsPanel::showResults);
    connect(runner_, &EvaluationRunner::busyChanged, this, &ResultsPanel::setBusy);
    connect(runner_, &EvaluationRunner::sweepProgress, this, [this](double f) {
        state_->setText(tr("Sweeping tolerances… %1%").arg(qRound(100 * f)));
    });
    connect(document_, &ScenarioDocument::schemeChanged, this, &ResultsPanel::refreshUseButton);
    setBusy(runner_->isBusy());
}

QString ResultsPanel::expectedTimeText() const {
    return expected_->value();
}

void ResultsPanel::setBusy(bool busy) {
    busy_->setVisible(busy);
    if (busy) state_->setText(tr("Evaluating…"));
}

void ResultsPanel::showResults(const StudioResults& r) {
    results_->setResults(r);
    error_->setVisible(!r.error.isEmpty());
    error_->setText(r.error);
    const auto text = [this](ResultsModel::Row row) { return results_->valueText(row); };
    const Evaluation& e = r.scheme;
    expected_->setValue(text(ResultsModel::ExpectedTime),
                        r.error.isEmpty() ? tr("%1 · median %2 · p99 %3")
                                                .arg(r.schemeLabel, formatTime(e.quantiles.p50),
                                                     formatTime(e.quantiles.p99))
                                          : QString());
    p95_->setValue(text(ResultsModel::P95));
    failure_->setValue(text(ResultsModel::FailureProbability));
    load_->setValue(QString::number(r.maxLoad, 'g', 3),
                    tr("bound %1 · uncoded %2")
                        .arg(QString::number(r.loadBound, 'g', 3),
                             r.workerCount > 0 ? QString::number(1.0 / r.workerCount, 'g', 3)
                                               : QStringLiteral("–")));
    messages_->setValue(text(ResultsModel::MasterMessages));
    speedUp_->setValue(text(ResultsModel::SpeedUp),
                       tr("uncoded E[T] %1").arg(text(ResultsModel::UncodedTime)));
    if (r.sweepDone) {
        chart_->setUncodedTime(r.uncoded.expectedRuntime);
        sweep_->setResults(r);
        best_->setText(tr("<b>Best tolerances:</b> %1").arg(text(ResultsModel::BestTolerances)));
        state_->setText(tr("Up to date · evaluated in %1 ms, swept %2 pairs in %3 ms")
                            .arg(qRound(r.seconds * 1000))
                            .arg(r.sweep.size())
                            .arg(qRound(r.sweepSeconds * 1000)));
    } else if (r.error.isEmpty()) {
        best_->setText(tr("<b>Best tolerances:</b> computing…"));
        state_->setText(
            tr("Evaluated in %1 ms; sweeping tolerances…").arg(qRound(r.seconds * 1000)));
    } else {
        state_->setText(tr("Cannot evaluate"));
    }
    refreshUseButton();
}

void ResultsPanel::refreshUseButton() {
    const StudioResults& r = results_->results();
    useBest_->setEnabled(r.sweepDone && r.best &&
                         !(document_->scenario().scheme ==
                           Scheme::hgc(r.best->edgeStragglers, r.best->workerStragglers)));
}

void ResultsPanel::useBestTolerances() {
    const StudioResults& r = results_->results();
    if (!r.best) return;
    document_->setScheme(Scheme::hgc(r.best->edgeStragglers, r.best->workerStragglers));
}

} // namespace hgc::ui
