#pragma once
// A caption over a large number: the building block of the results panel.
#include <QFrame>

class QLabel;

namespace hgc::ui {

class MetricCard : public QFrame {
    Q_OBJECT
public:
    MetricCard(const QString& caption, const QString& tooltip, bool headline,
               QWidget* parent = nullptr);
    void setValue(const QString& value, const QString& note = {});
    QString value() const;

private:
    QLabel* caption_;
    QLabel* value_;
    QLabel* note_;
};

} // namespace hgc::ui
