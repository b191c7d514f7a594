#include "window/optimise_dialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

#include "document/scenario_document.h"
#include "evaluation/number_format.h"
#include "util/errors.h"

namespace hgc::ui {

namespace {

struct FamilyText {
    OptimFamily family;
    const char* title;
    const char* explanation;
};

constexpr FamilyText kFamilies[] = {
    {OptimFamily::Uniform, QT_TRANSLATE_NOOP("OptimiseDialog", "&Uniform"),
     QT_TRANSLATE_NOOP(
         "OptimiseDialog",
         "The best hgc (s_e, s_w): the same tolerances everywhere, every node used.")},
    {OptimFamily::Selection, QT_TRANSLATE_NOOP("OptimiseDialog", "&Selection"),
     QT_TRANSLATE_NOOP("OptimiseDialog",
                       "Leaves out the edges and workers that slow the iteration down, then the "
                       "best hgc on the rest.")},
    {OptimFamily::General, QT_TRANSLATE_NOOP("OptimiseDialog", "&General"),
     QT_TRANSLATE_NOOP("OptimiseDialog",
                       "Per-edge tolerance and share, per-worker load (an allocation scheme).")},
};

/// How much shorter `t` is than `base`, in percent; empty when either is not finite.
QString gainText(double t, double base) {
    if (!std::isfinite(t) || !std::isfinite(base) || base <= 0.0) return QStringLiteral("—");
    return QStringLiteral("%1%").arg((base - t) / base * 100.0, 0, 'f', 1);
}

QString runtimeText(const Evaluation& e) {
    QString text = formatTime(e.expectedRuntime);
    if (e.failureProbability > 0.0)
        text += QObject::tr(" (fails with %1)").arg(formatProbability(e.failureProbability));
    return text;
}

QString nodeName(const Scenario& s, const hgc::NodeRef& ref) {
    const Edge& edge = s.edges[ref.edge];
    if (ref.worker < 0) return QString::fromStdString(edge.name);
    return QStringLiteral("%1 / %2").arg(QString::fromStdString(edge.name),
                                         QString::fromStdString(edge.workers[ref.worker].name));
}

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

OptimiseDialog::OptimiseDialog(ScenarioDocument* document, QWidget* parent)
    : QDialog(parent), document_(document) {
    setWindowTitle(tr("Optimise"));
    pool_.setMaxThreadCount(1); // one run at a time; the optimiser has its own threads

    auto* familyBox = new QGroupBox(tr("Family"));
    auto* familyLayout = new QVBoxLayout(familyBox);
    families_ = new QButtonGroup(this);
    for (const FamilyText& f : kFamilies) {
        auto* button = new QRadioButton(tr(f.title));
        auto* explanation = new QLabel(tr(f.explanation));
        explanation->setWordWrap(true);
        explanation->setIndent(24);
        explanation->setEnabled(false); // the greyed look of a secondary line
        families_->addButton(button, static_cast<int>(f.family));
        familyLayout->addWidget(button);
        familyLayout->addWidget(explanation);
    }
    families_->button(static_cast<int>(OptimFamily::General))->setChecked(true);

    runButton_ = new QPushButton(tr("&Run"));
    cancelButton_ = new QPushButton(tr("&Cancel"));
    progress_ = new QProgressBar;
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(runButton_);
    runRow->addWidget(progress_, 1);
    runRow->addWidget(cancelButton_);

    status_ = new QLabel;
    status_->setWordWrap(true);
    summary_ = new QLabel;
    summary_->setTextFormat(Qt::RichText);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_ = new QTableWidget;
    details_->verticalHeader()->hide();
    details_->horizontalHeader()->setStretchLastSection(true);
    details_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    details_->hide();

    auto* buttons = new QDialogButtonBox;
    applyButton_ = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    applyButton_->setToolTip(tr("Use the result in the scenario (one undo step)"));
    buttons->addButton(QDialogButtonBox::Close);
    applyButton_->setAutoDefault(false);
    runButton_->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(familyBox);
    layout->addLayout(runRow);
    layout->addWidget(status_);
    layout->addWidget(summary_);
    layout->addWidget(details_, 1);
    layout->addWidget(buttons);

    connect(runButton_, &QPushButton::clicked, this, &OptimiseDialog::run);
    connect(cancelButton_, &QPushButton::clicked, this, &OptimiseDialog::cancel);
    connect(applyButton_, &QPushButton::clicked, this, &OptimiseDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &OptimiseDialog::reject);
    connect(&watcher_, &QFutureWatcher<OptimiseOutcome>::finished, this,
            &OptimiseDialog::onFinished);
    connect(document_, &ScenarioDocument::changed, this, &OptimiseDialog::updateButtons);
    updateButtons();
    resize(560, 520);
}

OptimiseDialog::~OptimiseDialog() {
    if (cancel_) cancel_->store(true);
    pool_.waitForDone();
}

OptimFamily OptimiseDialog::family() const {
    return static_cast<OptimFamily>(families_->checkedId());
}

void OptimiseDialog::setFamily(OptimFamily family) {
    families_->button(static_cast<int>(family))->setChecked(true);
}

bool OptimiseDialog::canApply() const {
    return result_ && !running_ && document_->scenario() == startedFrom_;
}

void OptimiseDialog::run() {
    if (running_) return;
    running_ = true;
    result_.reset();
    startedFrom_ = document_->scenario();
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++generation_;
    progress_->setValue(0);
    summary_->clear();
    details_->hide();
    status_->setText(tr("Optimising (%1)…")
                         .arg(QString::fromUtf8(optimFamilyName(family()).data(),
                                                int(optimFamilyName(family()).size()))));
    updateButtons();

    // Reports come from the optimiser's threads: only permille steps are posted, and a
    // report that arrives after a newer Run is dropped on the GUI thread.
    auto lastPermille = std::make_shared<std::atomic<int>>(-1);
    Progress progress;
    progress.cancel = cancel_.get();
    progress.report = [this, generation, lastPermille](double fraction) {
        const int permille = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000.0);
        if (lastPermille->exchange(permille) == permille) return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, permille] {
                if (generation != generation_ || !running_) return;
                progress_->setValue(permille);
                emit progressChanged(permille / 1000.0);
            },
            Qt::QueuedConnection);
    };
    // The lambda owns copies of everything it reads; the flag is kept alive by its pointer.
    auto work = [scenario = startedFrom_, family = family(), options = options_, progress,
                 cancel = cancel_]() {
        OptimiseOutcome out;
        try {
            out.result = optimize(scenario, family, options, progress);
        } catch (const Cancelled&) {
            out.cancelled = true;
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        if (cancel->load()) { // a late cancel still means "do not offer this"
            out.result.reset();
            out.cancelled = true;
        }
        return out;
    };
    watcher_.setFuture(QtConcurrent::run(&pool_, std::move(work)));
}

void OptimiseDialog::cancel() {
    if (!running_ || !cancel_) return;
    cancel_->store(true);
    status_->setText(tr("Cancelling…"));
    updateButtons();
}

void OptimiseDialog::onFinished() {
    running_ = false;
    const OptimiseOutcome out = watcher_.result();
    if (out.result) {
        result_ = out.result;
        progress_->setValue(1000);
        status_->setText(tr("Done in %1 s, %2 evaluations.")
                             .arg(result_->seconds, 0, 'f', 2)
                             .arg(result_->evaluations));
        showResult(*result_);
    } else if (out.cancelled) {
        progress_->setValue(0);
        status_->setText(tr("Cancelled."));
    } else {
        progress_->setValue(0);
        status_->setText(tr("The optimiser failed: %1").arg(out.error));
    }
    updateButtons();
    emit runFinished();
}

void OptimiseDialog::showResult(const OptimResult& r) {
    const Evaluation& e = r.evaluation;
    QString html = tr("<b>%1</b><table cellspacing='4'>")
                       .arg(QString::fromStdString(hgc::schemeLabel(r.scheme)).toHtmlEscaped());
    auto row = [&html](const QString& name, const QString& value, const QString& gain = {}) {
        html +=
            QStringLiteral("<tr><td>%1</td><td align='right'>&emsp;%2</td><td>&emsp;%3</td></tr>")
                .arg(name, value, gain);
    };
    row(tr("E[T] optimised"), runtimeText(e));
    row(tr("E[T] uncoded"), runtimeText(r.uncoded),
        tr("gain %1").arg(gainText(e.expectedRuntime, r.uncoded.expectedRuntime)));
    row(tr("E[T] best uniform hgc"), runtimeText(r.bestUniform),
        tr("gain %1").arg(gainText(e.expectedRuntime, r.bestUniform.expectedRuntime)));
    if (r.proportional)
        row(tr("E[T] proportional loads"), runtimeText(*r.proportional),
            tr("gain %1").arg(gainText(e.expectedRuntime, r.proportional->expectedRuntime)));
    html += QStringLiteral("</table>");
    summary_->setText(html);

    details_->clear();
    details_->setRowCount(0);
    const Scenario& s = r.scenario;
    if (r.scheme.type == SchemeType::Allocation) {
        details_->setColumnCount(4);
        details_->setHorizontalHeaderLabels(
            {tr("Edge"), tr("Share f_i"), tr("Tolerance s_i"), tr("Worker loads l_ij")});
        for (std::size_t i = 0; i < s.edges.size() && i < r.scheme.edges.size(); ++i) {
            if (!s.edges[i].active) continue;
            const EdgeAllocation& a = r.scheme.edges[i];
            double low = INFINITY, high = -INFINITY;
            for (std::size_t j = 0; j < a.loads.size() && j < s.edges[i].workers.size(); ++j) {
                if (!s.edges[i].workers[j].active) continue;
                low = std::min(low, a.loads[j]);
                high = std::max(high, a.loads[j]);
            }
            const QString loads = !std::isfinite(low) ? QStringLiteral("—")
                                  : low == high
                                      ? formatLoad(low)
                                      : tr("%1 – %2").arg(formatLoad(low), formatLoad(high));
            const int row = details_->rowCount();
            details_->insertRow(row);
            details_->setItem(row, 0, cell(QString::fromStdString(s.edges[i].name)));
            details_->setItem(row, 1, cell(formatLoad(a.share)));
            details_->setItem(row, 2, cell(QString::number(a.stragglers)));
            details_->setItem(row, 3, cell(loads));
        }
        details_->show();
    } else if (r.family == OptimFamily::Selection) {
        details_->setColumnCount(2);
        details_->setHorizontalHeaderLabels({tr("Excluded node"), tr("Kind")});
        for (const hgc::NodeRef& n : r.excluded) {
            const int row = details_->rowCount();
            details_->insertRow(row);
            details_->setItem(row, 0, cell(nodeName(s, n)));
            details_->setItem(row, 1, cell(n.worker < 0 ? tr("edge") : tr("worker")));
        }
        if (r.excluded.empty())
            status_->setText(status_->text() + tr(" No node was worth excluding."));
        details_->setVisible(!r.excluded.empty());
    }
    details_->resizeColumnsToContents();
}

void OptimiseDialog::updateButtons() {
    const bool stale = result_ && !running_ && !(document_->scenario() == startedFrom_);
    runButton_->setEnabled(!running_);
    for (QAbstractButton* b : families_->buttons())
        b->setEnabled(!running_);
    cancelButton_->setEnabled(running_ && cancel_ && !cancel_->load());
    applyButton_->setEnabled(canApply());
    applyButton_->setToolTip(stale ? tr("The scenario changed after this run: run again")
                                   : tr("Use the result in the scenario (one undo step)"));
    if (stale) status_->setText(tr("The scenario changed after this run: run again to apply."));
}

bool OptimiseDialog::apply() {
    if (!canApply()) {
        if (result_)
            status_->setText(tr("The scenario changed after this run: run again to apply."));
        return false;
    }
    const QString family = QString::fromUtf8(optimFamilyName(result_->family).data(),
                                             int(optimFamilyName(result_->family).size()));
    const QString error =
        document_->applyScenario(result_->scenario, tr("Optimise (%1)").arg(family));
    if (!error.isEmpty()) {
        status_->setText(tr("Cannot apply: %1").arg(error));
        return false;
    }
    accept();
    return true;
}

void OptimiseDialog::reject() {
    cancel(); // closing stops the work; the destructor waits for it
    QDialog::reject();
}

} // namespace hgc::ui
