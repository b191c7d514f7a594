#include "panels/scheme_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "document/scenario_document.h"
#include "document/scheme_fit.h"
#include "evaluation/allocation_model.h"
#include "util/errors.h"

namespace hgc::ui {

namespace {
QString num(double v) {
    return QString::number(v, 'g', 3);
}
} // namespace

SchemePanel::SchemePanel(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), allocation_(new AllocationModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    auto* form = new QFormLayout;
    type_ = new QComboBox;
    type_->addItem(tr("Uncoded"), static_cast<int>(SchemeType::Uncoded));
    type_->addItem(tr("Gradient coding (gc)"), static_cast<int>(SchemeType::Gc));
    type_->addItem(tr("Hierarchical gc (hgc)"), static_cast<int>(SchemeType::Hgc));
    type_->addItem(tr("General allocation"), static_cast<int>(SchemeType::Allocation));
    type_->setToolTip(tr("Uncoded waits for every worker; gc tolerates s slow workers overall; "
                         "hgc tolerates s_e slow edges and s_w slow workers in each edge"));
    form->addRow(tr("Scheme"), type_);
    layout->addLayout(form);

    pages_ = new QStackedWidget;
    auto* uncodedPage = new QLabel(tr("Every worker computes 1/W of the data; each edge waits for "
                                      "all its workers and the master for all edges."));
    uncodedPage->setWordWrap(true);
    pages_->addWidget(uncodedPage);

    auto* gcPage = new QWidget;
    auto* gcForm = new QFormLayout(gcPage);
    gcForm->setContentsMargins(0, 0, 0, 0);
    gcStragglers_ = new QSpinBox;
    gcStragglers_->setToolTip(tr("s: how many of the W workers the master may ignore"));
    gcRange_ = new QLabel;
    gcRange_->setForegroundRole(QPalette::PlaceholderText);
    gcForm->addRow(tr("Stragglers s"), gcStragglers_);
    gcForm->addRow(gcRange_);
    pages_->addWidget(gcPage);

    auto* hgcPage = new QWidget;
    auto* hgcForm = new QFormLayout(hgcPage);
    hgcForm->setContentsMargins(0, 0, 0, 0);
    edgeStragglers_ = new QSpinBox;
    edgeStragglers_->setToolTip(tr("s_e: how many slow edges the master may ignore"));
    workerStragglers_ = new QSpinBox;
    workerStragglers_->setToolTip(tr("s_w: how many slow workers each edge may ignore"));
    hgcRange_ = new QLabel;
    hgcRange_->setForegroundRole(QPalette::PlaceholderText);
    hgcRange_->setWordWrap(true);
    hgcForm->addRow(tr("Edge stragglers s_e"), edgeStragglers_);
    hgcForm->addRow(tr("Worker stragglers s_w"), workerStragglers_);
    hgcForm->addRow(hgcRange_);
    pages_->addWidget(hgcPage);

    allocationTable_ = new QTableView;
    allocationTable_->setModel(allocation_);
    allocationTable_->verticalHeader()->setVisible(false);
    allocationTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    allocationTable_->setMinimumHeight(90);
    allocationTable_->setToolTip(tr("Per edge: the share of the data, the tolerated worker "
                                    "stragglers and the workers' loads"));
    pages_->addWidget(allocationTable_);
    layout->addWidget(pages_);

    implied_ = new QLabel;
    implied_->setWordWrap(true);
    implied_->setTextFormat(Qt::RichText);
    layout->addWidget(implied_);
    message_ = new QLabel;
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #d6333f;"));
    message_->setVisible(false);
    layout->addWidget(message_);
    layout->addStretch(1);

    connect(type_, &QComboBox::activated, this, &SchemePanel::typeChosen);
    connect(gcStragglers_, &QSpinBox::valueChanged, this, [this](int s) {
        if (!refreshing_) apply(Scheme::gc(s));
    });
    auto hgcChanged = [this] {
        if (!refreshing_) apply(Scheme::hgc(edgeStragglers_->value(), workerStragglers_->value()));
    };
    connect(edgeStragglers_, &QSpinBox::valueChanged, this, hgcChanged);
    connect(workerStragglers_, &QSpinBox::valueChanged, this, hgcChanged);
    connect(document_, &ScenarioDocument::schemeChanged, this, &SchemePanel::refresh);
    connect(document_, &ScenarioDocument::topologyChanged, this, &SchemePanel::refresh);
    connect(document_, &ScenarioDocument::nodesChanged, this, &SchemePanel::refresh);
    refresh();
}

QString SchemePanel::message() const {
    return message_->isVisible() ? message_->text() : QString();
}

void SchemePanel::showMessage(const QString& text) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void SchemePanel::apply(const Scheme& scheme) {
    const QString error = document_->setScheme(scheme);
    showMessage(error.isEmpty() ? QString() : tr("Not applied — %1").arg(error));
}

void SchemePanel::typeChosen(int index) {
    const Scenario& s = document_->scenario();
    const auto type = static_cast<SchemeType>(type_->itemData(index).toInt());
    if (type == s.scheme.type) return;
    const int w = s.activeWorkerCount();
    Scheme scheme;
    switch (type) {
    case SchemeType::Uncoded:
        scheme = Scheme::uncoded();
        break;
    case SchemeType::Gc:
        scheme = Scheme::gc(std::min(1, std::max(0, w - 1)));
        break;
    case SchemeType::Hgc: {
        Scenario trial = s;
        trial.scheme = Scheme::hgc(1, 1);
        fitSchemeToTopology(trial);
        scheme = trial.scheme.type == SchemeType::Hgc ? trial.scheme : Scheme::hgc(0, 0);
        break;
    }
    case SchemeType::Allocation: {
        const bool fromHgc = s.scheme.type == SchemeType::Hgc;
        scheme = allocationFromHgc(s, fromHgc ? s.scheme.edgeStragglers : 0,
                                   fromHgc ? s.scheme.workerStragglers : 0);
        break;
    }
    }
    apply(scheme);
    refresh();
}

void SchemePanel::refresh() {
    refreshing_ = true;
    const Scenario& s = document_->scenario();
    const Scheme& scheme = s.scheme;
    type_->setCurrentIndex(type_->findData(static_cast<int>(scheme.type)));
    const int n = s.activeEdgeCount();
    const int w = s.activeWorkerCount();
    const int m = s.minActiveWorkersPerEdge();
    gcStragglers_->setRange(0, std::max(0, w - 1));
    edgeStragglers_->setRange(0, std::max(0, n - 1));
    workerStragglers_->setRange(0, std::max(0, m - 1));
    gcRange_->setText(tr("Valid: 0 ≤ s ≤ %1 (W − 1)").arg(std::max(0, w - 1)));
    hgcRange_->setText(tr("Valid: 0 ≤ s_e ≤ %1 (n − 1), 0 ≤ s_w ≤ %2 (min m_i − 1), and every "
                          "edge's share (s_e+1)·m_i/W ≤ 1")
                           .arg(std::max(0, n - 1))
                           .arg(std::max(0, m - 1)));
    switch (scheme.type) {
    case SchemeType::Uncoded:
        pages_->setCurrentIndex(0);
        break;
    case SchemeType::Gc:
        pages_->setCurrentIndex(1);
        gcStragglers_->setValue(scheme.stragglers);
        break;
    case SchemeType::Hgc:
        pages_->setCurrentIndex(2);
        edgeStragglers_->setValue(scheme.edgeStragglers);
        workerStragglers_->setValue(scheme.workerStragglers);
        break;
    case SchemeType::Allocation:
        pages_->setCurrentIndex(3);
        break;
    }
    allocation_->setScenario(s);

    QString implied;
    try {
        const ResolvedScheme r = resolve(s);
        const double bound = scheme.type == SchemeType::Hgc
                                 ? loadLowerBound(scheme.edgeStragglers, scheme.workerStragglers, w)
                             : scheme.type == SchemeType::Gc ? (scheme.stragglers + 1.0) / w
                                                             : 1.0 / w;
        implied = tr("<b>W</b> = %1 workers on <b>n</b> = %2 edges<br>").arg(w).arg(n);
        implied += tr("Load per worker: <b>%1</b> (largest)").arg(num(r.maxLoad()));
        if (scheme.type != SchemeType::Allocation)
            implied += tr("<br>Lower bound: %1 = <b>%2</b>")
                           .arg(scheme.type == SchemeType::Hgc  ? QStringLiteral("(s_e+1)(s_w+1)/W")
                                : scheme.type == SchemeType::Gc ? QStringLiteral("(s+1)/W")
                                                                : QStringLiteral("1/W"),
                                num(bound));
        if (r.flat)
            implied += tr("<br>Master waits for the first <b>%1</b> of %2 worker messages")
                           .arg(r.masterWaitFor)
                           .arg(w);
        else
            implied +=
                tr("<br>Master waits for <b>%1</b> of %2 edges; edges wait for m_i − s_i workers")
                    .arg(r.masterWaitFor)
                    .arg(n);
    } catch (const InputError& e) {
        implied =
            tr("The scheme does not fit: %1").arg(QString::fromStdString(e.what()).toHtmlEscaped());
    }
    implied_->setText(implied);
    refreshing_ = false;
}

} // namespace hgc::ui
