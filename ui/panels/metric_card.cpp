#include "panels/metric_card.h"

#include <QLabel>
#include <QVBoxLayout>

namespace hgc::ui {

MetricCard::MetricCard(const QString& caption, const QString& tooltip, bool headline,
                       QWidget* parent)
    : QFrame(parent), caption_(new QLabel(caption)), value_(new QLabel(QStringLiteral("–"))),
      note_(new QLabel) {
    setFrameShape(QFrame::StyledPanel);
    setToolTip(tooltip);
    setObjectName(QStringLiteral("metricCard"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(0);
    QFont small = caption_->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    caption_->setFont(small);
    caption_->setForegroundRole(QPalette::PlaceholderText);
    QFont big = value_->font();
    big.setPointSizeF(big.pointSizeF() * (headline ? 2.2 : 1.35));
    big.setBold(true);
    value_->setFont(big);
    value_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note_->setFont(small);
    note_->setForegroundRole(QPalette::PlaceholderText);
    note_->setVisible(false);
    layout->addWidget(caption_);
    layout->addWidget(value_);
    layout->addWidget(note_);
}

void MetricCard::setValue(const QString& value, const QString& note) {
    value_->setText(value);
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
}

QString MetricCard::value() const {
    return value_->text();
}

} // namespace hgc::ui
