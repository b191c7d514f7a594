#include "panels/scheme_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "document/allocation_balance.h"
#include "document/allocation_entry.h"
#include "document/scenario_document.h"
#include "document/scheme_fit.h"
#include "evaluation/allocation_model.h"
#include "util/errors.h"

namespace hgc::ui {

namespace {
QString num(double v) {
    return QString::number(v, 'g', 3);
}
// Up to this many workers the allocation tree opens with every edge expanded.
constexpr int kExpandedWorkers = 40;
} // namespace

SchemePanel::SchemePanel(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), allocation_(new AllocationModel(document, this)) {
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

    pages_->addWidget(createAllocationPage());
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

QWidget* SchemePanel::createAllocationPage() {
    auto* page = new QWidget;
    auto* box = new QVBoxLayout(page);
    box->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    allocationEdgeStragglers_ = new QSpinBox;
    allocationEdgeStragglers_->setToolTip(
        tr("s_e: how many slow edges the master may ignore. Every share and its loads scale "
           "by (s_e+1) with it."));
    form->addRow(tr("Edge stragglers s_e"), allocationEdgeStragglers_);
    box->addLayout(form);

    allocationView_ = new QTreeView;
    allocationView_->setModel(allocation_);
    allocationView_->setUniformRowHeights(true);
    allocationView_->setAlternatingRowColors(true);
    allocationView_->setEditTriggers(QAbstractItemView::DoubleClicked |
                                     QAbstractItemView::EditKeyPressed |
                                     QAbstractItemView::AnyKeyPressed);
    // Names as wide as they are, the numbers share the rest; no sideways scrolling.
    allocationView_->header()->setStretchLastSection(false);
    allocationView_->header()->setMinimumSectionSize(40);
    allocationView_->header()->setSectionResizeMode(QHeaderView::Stretch);
    for (int column :
         {AllocationModel::Name, AllocationModel::Tolerance, AllocationModel::WaitsFor})
        allocationView_->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    allocationView_->setMinimumHeight(140);
    box->addWidget(allocationView_);

    auto* buttons = new QHBoxLayout;
    balanceLoads_ = new QPushButton(tr("Balance loads"));
    balanceLoads_->setToolTip(tr("In every edge, loads such that its workers finish together "
                                 "on average; shares and tolerances stay"));
    balanceAll_ = new QPushButton(tr("Balance shares and loads"));
    balanceAll_->setToolTip(tr("Shares such that the edges finish together on average too, "
                               "summing to s_e+1; tolerances stay"));
    buttons->addWidget(balanceLoads_);
    buttons->addWidget(balanceAll_);
    buttons->addStretch(1);
    box->addLayout(buttons);

    auto* hint = new QLabel(tr("Double-click a share, s_i or load to change it. Valid when "
                               "Σ f_i ≥ s_e+1 and, in every edge, 0 < l_ij ≤ f_i ≤ 1 and "
                               "Σ_j l_ij ≥ (s_i+1)·f_i."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    box->addWidget(hint);

    connect(allocationEdgeStragglers_, &QSpinBox::valueChanged, this,
            &SchemePanel::allocationEdgeStragglersChosen);
    connect(allocation_, &AllocationModel::editRefused, this, &SchemePanel::showRefusal);
    connect(allocation_, &AllocationModel::editAccepted, this, [this] { showMessage({}); });
    connect(allocation_, &QAbstractItemModel::modelReset, this,
            &SchemePanel::expandSmallAllocations);
    connect(balanceLoads_, &QPushButton::clicked, this,
            [this] { applyStep(balancedLoads(document_->scenario()), tr("Balance loads")); });
    connect(balanceAll_, &QPushButton::clicked, this, [this] {
        applyStep(balancedAllocation(document_->scenario()), tr("Balance shares and loads"));
    });
    expandSmallAllocations();
    return page;
}

void SchemePanel::expandSmallAllocations() {
    if (document_->scenario().activeWorkerCount() <= kExpandedWorkers) allocationView_->expandAll();
}

void SchemePanel::allocationEdgeStragglersChosen(int value) {
    if (refreshing_) return;
    const QString error = document_->setAllocationValue(AllocationEntry::edgeStragglers(), value);
    if (error.isEmpty()) {
        showMessage({});
        return;
    }
    showRefusal(error);
    refresh(); // back to the document's s_e
}

void SchemePanel::applyStep(const Scheme& scheme, const QString& label) {
    if (document_->scenario().scheme.type != SchemeType::Allocation) return;
    const QString error = document_->setSchemeStep(scheme, label);
    if (error.isEmpty())
        showMessage({});
    else
        showRefusal(error);
}

void SchemePanel::showRefusal(const QString& reason) {
    showMessage(tr("Not applied — %1").arg(reason));
}

QString SchemePanel::message() const {
    return message_->isHidden() ? QString() : message_->text();
}

void SchemePanel::showMessage(const QString& text) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void SchemePanel::apply(const Scheme& scheme) {
    const QString error = document_->setScheme(scheme);
    if (error.isEmpty())
        showMessage({});
    else
        showRefusal(error);
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
    allocationEdgeStragglers_->setRange(0, std::max(0, n - 1));
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
        allocationEdgeStragglers_->setValue(scheme.edgeStragglers);
        break;
    }

    QString implied;
    try {
        const ResolvedScheme r = resolve(s);
        const double bound = scheme.type == SchemeType::Hgc
                                 ? loadLowerBound(scheme.edgeStragglers, scheme.workerStragglers, w)
                             : scheme.type == SchemeType::Gc ? (scheme.stragglers + 1.0) / w
                                                             : 1.0 / w;
        implied = tr("<b>W</b> = %1 workers on <b>n</b> = %2 edges<br>").arg(w).arg(n);
        implied += tr("Load per worker: <b>%1</b> (largest)").arg(num(r.maxLoad()));
        if (scheme.type == SchemeType::Allocation) {
            double shareSum = 0.0;
            for (const ResolvedEdge& e : r.edges)
                shareSum += e.share;
            implied += tr("<br>Shares sum to <b>%1</b> (needs ≥ s_e+1 = %2)")
                           .arg(num(shareSum))
                           .arg(scheme.edgeStragglers + 1);
        } else {
            implied += tr("<br>Lower bound: %1 = <b>%2</b>")
                           .arg(scheme.type == SchemeType::Hgc  ? QStringLiteral("(s_e+1)(s_w+1)/W")
                                : scheme.type == SchemeType::Gc ? QStringLiteral("(s+1)/W")
                                                                : QStringLiteral("1/W"),
                                num(bound));
        }
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
