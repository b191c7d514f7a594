#include "panels/distribution_editor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include "document/scenario_document.h"
#include "document/selection_values.h"
#include "panels/property_line_edit.h"

namespace hgc::ui {

namespace {
QString capitalised(std::string_view s) {
    QString q = QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    if (!q.isEmpty()) q[0] = q[0].toUpper();
    return q;
}
} // namespace

DistributionEditor::DistributionEditor(ScenarioDocument* document, Channel channel,
                                       const QString& title, QWidget* parent)
    : QGroupBox(title, parent), document_(document), channel_(channel),
      form_(new QFormLayout(this)), family_(new QComboBox), familyNote_(new QLabel) {
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const DistributionFamily& f : distributionFamilies())
        family_->addItem(QString::fromUtf8(f.name.data(), static_cast<qsizetype>(f.name.size())),
                         static_cast<int>(f.kind));
    family_->setPlaceholderText(tr("mixed"));
    family_->setToolTip(tr("The family of the delay distribution; its parameters reset to the "
                           "family's defaults"));
    form_->addRow(tr("Distribution"), family_);
    familyNote_->setText(tr("The selected nodes use different families; choose one to edit "
                            "the parameters."));
    familyNote_->setWordWrap(true);
    familyNote_->setForegroundRole(QPalette::PlaceholderText);
    form_->addRow(familyNote_);
    connect(family_, &QComboBox::activated, this, [this](int index) {
        const QString error =
            document_->setProperty(nodes_, {channel_, Attribute::Kind}, family_->itemData(index));
        if (!error.isEmpty()) refresh();
    });

    const std::pair<Attribute, QString> rows[] = {
        {Attribute::Param0, QString()},
        {Attribute::Param1, QString()},
        {Attribute::StraggleProbability, tr("Straggle probability")},
        {Attribute::StraggleSlowdown, tr("Straggle slowdown ×")},
        {Attribute::FailureProbability, tr("Failure probability")},
    };
    const QString tips[] = {
        QString(),
        QString(),
        tr("Probability that a sample is slowed down (the straggle modifier), in [0, 1]"),
        tr("Factor a straggling sample is multiplied by (>= 1)"),
        tr("Probability that the node does not answer in an iteration, in [0, 1)"),
    };
    int k = 0;
    for (const auto& [attribute, label] : rows) {
        auto* field = new PropertyLineEdit(document_, {channel_, attribute});
        field->lineEdit()->setToolTip(tips[k++]);
        fields_.push_back(field);
        form_->addRow(label, field);
    }
}

PropertyLineEdit* DistributionEditor::field(Attribute attribute) const {
    for (PropertyLineEdit* f : fields_)
        if (f->property().attribute == attribute) return f;
    return nullptr;
}

bool DistributionEditor::applicable() const {
    return commonValue(document_->scenario(), nodes_, {channel_, Attribute::Kind}).holders > 0;
}

void DistributionEditor::setNodes(const NodeRefs& nodes) {
    nodes_ = nodes;
    for (PropertyLineEdit* f : fields_)
        f->setNodes(nodes);
    refresh();
}

void DistributionEditor::refresh() {
    const CommonValue kind =
        commonValue(document_->scenario(), nodes_, {channel_, Attribute::Kind});
    setVisible(kind.holders > 0);
    if (kind.holders == 0) return;
    family_->setCurrentIndex(kind.mixed ? -1 : family_->findData(kind.value));
    familyNote_->setVisible(kind.mixed);
    for (PropertyLineEdit* f : fields_)
        f->refresh();
    // Parameter rows are named after the family, and exist only for a common family.
    for (int p = 0; p < 2; ++p) {
        PropertyLineEdit* f = field(p == 0 ? Attribute::Param0 : Attribute::Param1);
        bool visible = !kind.mixed;
        if (visible) {
            const DistributionFamily& fam =
                family(static_cast<DistributionKind>(kind.value.toInt()));
            visible = p < fam.parameterCount;
            if (visible) {
                if (auto* label = qobject_cast<QLabel*>(form_->labelForField(f)))
                    label->setText(capitalised(fam.parameterNames[p]));
                f->lineEdit()->setToolTip(
                    tr("The '%1' parameter of the %2 distribution")
                        .arg(capitalised(fam.parameterNames[p]).toLower(),
                             QString::fromUtf8(fam.name.data(),
                                               static_cast<qsizetype>(fam.name.size()))));
            }
        }
        form_->setRowVisible(f, visible);
    }
}

} // namespace hgc::ui
