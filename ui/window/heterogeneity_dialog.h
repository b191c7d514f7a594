#pragma once
// Asks for the heterogeneity generator's parameters (see document/heterogeneity.h).
#include <QDialog>

#include "document/heterogeneity.h"

class QDoubleSpinBox;
class QSpinBox;

namespace hgc::ui {

class HeterogeneityDialog : public QDialog {
    Q_OBJECT
public:
    /// `scope` describes what it applies to ("the 6 selected workers").
    HeterogeneityDialog(const QString& scope, const HeterogeneityParams& initial,
                        QWidget* parent = nullptr);
    HeterogeneityParams params() const;

private:
    QSpinBox* seed_;
    QDoubleSpinBox* spread_;
    QDoubleSpinBox* share_;
    QDoubleSpinBox* slowdown_;
    QDoubleSpinBox* failure_;
};

} // namespace hgc::ui
