#include "panels/property_line_edit.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

#include "document/scenario_document.h"
#include "document/selection_values.h"

namespace hgc::ui {

namespace {
bool isText(NodeProperty p) {
    return p.attribute == Attribute::Name;
}

/// Accepts both the C locale's and the user's decimal separator.
std::optional<double> parseNumber(const QString& text) {
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (ok) return v;
    const double w = QLocale().toDouble(text.trimmed(), &ok);
    if (ok) return w;
    return std::nullopt;
}

QString numberText(double v) {
    return QString::number(v, 'g', 10);
}
} // namespace

PropertyLineEdit::PropertyLineEdit(ScenarioDocument* document, NodeProperty property,
                                   QWidget* parent)
    : QWidget(parent), document_(document), property_(property), edit_(new QLineEdit),
      message_(new QLabel) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(edit_);
    layout->addWidget(message_);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #d6333f;"));
    QFont small = message_->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    message_->setFont(small);
    message_->setVisible(false);
    edit_->setClearButtonEnabled(false);
    connect(edit_, &QLineEdit::textEdited, this, &PropertyLineEdit::onEdited);
    // Leaving a refused field puts the model's value back.
    connect(edit_, &QLineEdit::editingFinished, this, [this] {
        if (!message_->isVisible()) return;
        showMessage({});
        refresh();
    });
}

QString PropertyLineEdit::message() const {
    return message_->isVisible() ? message_->text() : QString();
}

void PropertyLineEdit::setNodes(const NodeRefs& nodes) {
    nodes_ = nodes;
    showMessage({});
    refresh();
}

void PropertyLineEdit::refresh() {
    const CommonValue common = commonValue(document_->scenario(), nodes_, property_);
    holders_ = common.holders;
    setEnabled(holders_ > 0);
    if (holders_ == 0) {
        edit_->clear();
        edit_->setPlaceholderText({});
        return;
    }
    if (common.mixed) {
        if (!edit_->hasFocus()) edit_->clear();
        edit_->setPlaceholderText(tr("mixed"));
        edit_->setToolTip(
            tr("The selected nodes differ; a value typed here is set on all of them"));
        return;
    }
    edit_->setPlaceholderText({});
    const QString text =
        isText(property_) ? common.value.toString() : numberText(common.value.toDouble());
    if (edit_->hasFocus()) {
        // Do not fight the user's typing: keep "0.50" while the model says 0.5.
        if (isText(property_) ? edit_->text() == text
                              : parseNumber(edit_->text()) == common.value.toDouble())
            return;
        if (message_->isVisible()) return;
    }
    edit_->setText(text);
}

void PropertyLineEdit::onEdited(const QString& text) {
    QVariant value;
    if (isText(property_)) {
        value = text;
    } else {
        const std::optional<double> v = parseNumber(text);
        if (!v) {
            showMessage(text.trimmed().isEmpty() ? tr("enter a number") : tr("not a number"));
            return;
        }
        value = *v;
    }
    const QString error = document_->checkProperty(nodes_, property_, value);
    showMessage(error);
    if (error.isEmpty()) document_->setProperty(nodes_, property_, value);
}

void PropertyLineEdit::showMessage(const QString& message) {
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
    edit_->setStyleSheet(
        message.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d6333f; }"));
}

} // namespace hgc::ui
