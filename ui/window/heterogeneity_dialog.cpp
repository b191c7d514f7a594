#include "window/heterogeneity_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace hgc::ui {

HeterogeneityDialog::HeterogeneityDialog(const QString& scope, const HeterogeneityParams& initial,
                                         QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Make heterogeneous"));
    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(tr("Scales the compute times of %1, reproducibly from the seed. "
                                "It works on the current distributions, so applying it twice "
                                "compounds; one undo step takes it back.")
                                 .arg(scope));
    intro->setWordWrap(true);
    form->addRow(intro);
    seed_ = new QSpinBox;
    seed_->setRange(0, 1'000'000'000);
    seed_->setValue(static_cast<int>(initial.seed));
    seed_->setToolTip(tr("The same seed always gives the same cluster"));
    spread_ = new QDoubleSpinBox;
    spread_->setRange(1.0, 100.0);
    spread_->setDecimals(2);
    spread_->setValue(initial.speedSpread);
    spread_->setToolTip(tr("Slowest over fastest regular worker: each worker's time is scaled by a "
                           "factor drawn log-uniformly from [1, spread]"));
    share_ = new QDoubleSpinBox;
    share_->setRange(0.0, 100.0);
    share_->setSuffix(QStringLiteral(" %"));
    share_->setValue(100.0 * initial.stragglerShare);
    share_->setToolTip(tr("Share of the workers that are persistent stragglers"));
    slowdown_ = new QDoubleSpinBox;
    slowdown_->setRange(1.0, 1000.0);
    slowdown_->setValue(initial.stragglerSlowdown);
    slowdown_->setToolTip(tr("How many times slower a straggler is"));
    failure_ = new QDoubleSpinBox;
    failure_->setRange(0.0, 99.9);
    failure_->setDecimals(2);
    failure_->setSuffix(QStringLiteral(" %"));
    failure_->setValue(100.0 * initial.failureProbability);
    failure_->setToolTip(tr("Probability that a worker does not answer in an iteration"));
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Speed spread ×"), spread_);
    form->addRow(tr("Stragglers"), share_);
    form->addRow(tr("Straggler slowdown ×"), slowdown_);
    form->addRow(tr("Failure probability"), failure_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

HeterogeneityParams HeterogeneityDialog::params() const {
    HeterogeneityParams p;
    p.seed = static_cast<std::uint64_t>(seed_->value());
    p.speedSpread = spread_->value();
    p.stragglerShare = share_->value() / 100.0;
    p.stragglerSlowdown = slowdown_->value();
    p.failureProbability = failure_->value() / 100.0;
    return p;
}

} // namespace hgc::ui
