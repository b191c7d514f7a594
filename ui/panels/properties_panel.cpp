#include "panels/properties_panel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "document/scenario_document.h"
#include "document/selection_values.h"
#include "panels/distribution_editor.h"
#include "panels/property_line_edit.h"

namespace hgc::ui {

PropertiesPanel::PropertiesPanel(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget;
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 6, 8, 6);

    header_ = new QLabel;
    QFont bold = header_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    header_->setFont(bold);
    header_->setWordWrap(true);
    layout->addWidget(header_);

    general_ = new QGroupBox(tr("Node"));
    auto* form = new QFormLayout(general_);
    name_ = new PropertyLineEdit(document_, NodeProperty::name());
    name_->lineEdit()->setToolTip(
        tr("The node's name, as shown on the canvas and saved in the file"));
    form->addRow(tr("Name"), name_);
    active_ = new QCheckBox(tr("Active"));
    active_->setToolTip(tr("An inactive node takes no data and is never waited for; an inactive "
                           "edge takes its workers with it"));
    activeMessage_ = new QLabel;
    activeMessage_->setWordWrap(true);
    activeMessage_->setStyleSheet(QStringLiteral("color: #d6333f;"));
    activeMessage_->setVisible(false);
    form->addRow(active_);
    form->addRow(activeMessage_);
    connect(active_, &QCheckBox::clicked, this, [this](bool checked) {
        active_->setTristate(false);
        const QString error = document_->setProperty(nodes_, NodeProperty::active(), checked);
        activeMessage_->setText(error);
        activeMessage_->setVisible(!error.isEmpty());
        if (!error.isEmpty()) refresh();
    });
    layout->addWidget(general_);

    compute_ =
        new DistributionEditor(document_, Channel::Compute, tr("Compute time (whole data set)"));
    compute_->setToolTip(tr("X_ij: the time the worker would need for the whole data set; a load "
                            "l takes l·X_ij"));
    uplink_ = new DistributionEditor(document_, Channel::Uplink, tr("Uplink delay"));
    uplink_->setToolTip(tr("Delay of a message to the parent: worker → edge, or edge → master"));
    layout->addWidget(compute_);
    layout->addWidget(uplink_);

    scenarioBox_ = new QGroupBox(tr("Scenario"));
    auto* sform = new QFormLayout(scenarioBox_);
    scenarioName_ = new QLineEdit;
    scenarioName_->setToolTip(tr("The scenario's name, saved in the file"));
    description_ = new QPlainTextEdit;
    description_->setToolTip(tr("A description for whoever opens the file"));
    description_->setMaximumHeight(110);
    sform->addRow(tr("Name"), scenarioName_);
    sform->addRow(tr("Description"), description_);
    auto* hint = new QLabel(tr("Select nodes on the canvas to edit them; Ctrl+click or drag a "
                               "rectangle to select several."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    sform->addRow(hint);
    connect(scenarioName_, &QLineEdit::textEdited, this, [this](const QString& text) {
        document_->setInfo(text, QString::fromStdString(document_->scenario().description));
    });
    connect(description_, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = description_->toPlainText();
        if (text.toStdString() == document_->scenario().description) return;
        document_->setInfo(QString::fromStdString(document_->scenario().name), text);
    });
    layout->addWidget(scenarioBox_);
    layout->addStretch(1);

    connect(document_, &ScenarioDocument::nodesChanged, this, [this](const NodeRefs& changed) {
        const bool touches = std::any_of(changed.begin(), changed.end(),
                                         [this](const NodeRef& r) { return nodes_.contains(r); });
        if (touches) refresh();
    });
    connect(document_, &ScenarioDocument::topologyChanged, this, [this] {
        NodeRefs kept;
        for (const NodeRef& r : nodes_)
            if (document_->contains(r)) kept.push_back(r);
        setNodes(kept);
    });
    connect(document_, &ScenarioDocument::infoChanged, this, &PropertiesPanel::refreshScenarioInfo);
    setNodes({});
}

void PropertiesPanel::setNodes(const NodeRefs& nodes) {
    nodes_ = nodes;
    name_->setNodes(nodes);
    compute_->setNodes(nodes);
    uplink_->setNodes(nodes);
    activeMessage_->setVisible(false);
    refresh();
}

void PropertiesPanel::refresh() {
    const Scenario& s = document_->scenario();
    const int edges = static_cast<int>(
        std::count_if(nodes_.begin(), nodes_.end(), [](const NodeRef& r) { return r.isEdge(); }));
    const int workers = static_cast<int>(nodes_.size()) - edges;
    if (nodes_.isEmpty()) {
        header_->setText(tr("Nothing selected"));
    } else if (nodes_.size() == 1) {
        const NodeRef r = nodes_.front();
        const std::string& name =
            r.isWorker() ? s.edges[r.edge].workers[r.worker].name : s.edges[r.edge].name;
        header_->setText(
            (r.isWorker() ? tr("Worker %1") : tr("Edge %1")).arg(QString::fromStdString(name)));
    } else {
        QStringList parts;
        if (edges) parts << (edges == 1 ? tr("1 edge") : tr("%1 edges").arg(edges));
        if (workers) parts << (workers == 1 ? tr("1 worker") : tr("%1 workers").arg(workers));
        header_->setText(tr("%1 selected — edits apply to all").arg(parts.join(tr(" and "))));
    }
    general_->setVisible(!nodes_.isEmpty());
    scenarioBox_->setVisible(nodes_.isEmpty());
    name_->refresh();
    const CommonValue active = commonValue(s, nodes_, NodeProperty::active());
    active_->setTristate(active.mixed);
    active_->setCheckState(active.mixed ? Qt::PartiallyChecked
                                        : (active.value.toBool() ? Qt::Checked : Qt::Unchecked));
    compute_->refresh();
    uplink_->refresh();
    refreshScenarioInfo();
}

void PropertiesPanel::refreshScenarioInfo() {
    const Scenario& s = document_->scenario();
    if (!scenarioName_->hasFocus()) scenarioName_->setText(QString::fromStdString(s.name));
    if (!description_->hasFocus() && description_->toPlainText().toStdString() != s.description) {
        const QSignalBlocker block(description_);
        description_->setPlainText(QString::fromStdString(s.description));
    }
}

} // namespace hgc::ui
