#include "panels/sweep_chart.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>
#include <map>

#include "canvas/canvas_colors.h"
#include "evaluation/sweep_model.h"

namespace hgc::ui {

SweepChart::SweepChart(SweepModel* model, QWidget* parent)
    : QWidget(parent), model_(model), chart_(new QChart), view_(new QChartView(chart_)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumHeight(170);
    chart_->setMargins(QMargins(4, 4, 4, 4));
    chart_->legend()->setAlignment(Qt::AlignRight);
    setToolTip(tr("Expected iteration time of hgc for each tolerance pair; the dashed line is "
                  "uncoded"));
    connect(model_, &QAbstractItemModel::modelReset, this, &SweepChart::rebuild);
    rebuild();
}

void SweepChart::rebuild() {
    chart_->removeAllSeries();
    for (QAbstractAxis* axis : chart_->axes()) {
        chart_->removeAxis(axis);
        delete axis;
    }
    chart_->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart_->setBackgroundBrush(palette().base());
    std::map<int, QLineSeries*> lines;
    double yMin = INFINITY, yMax = 0.0;
    int xMax = 0;
    for (const SweepPoint& p : model_->points()) {
        const double t = p.evaluation.expectedRuntime;
        if (!std::isfinite(t)) continue;
        QLineSeries*& line = lines[p.edgeStragglers];
        if (!line) {
            line = new QLineSeries;
            line->setName(QStringLiteral("s_e = %1").arg(p.edgeStragglers));
            line->setPointsVisible(true);
        }
        line->append(p.workerStragglers, t);
        yMin = std::min(yMin, t);
        yMax = std::max(yMax, t);
        xMax = std::max(xMax, p.workerStragglers);
    }
    if (lines.empty()) {
        chart_->setTitle(tr("No finite expected time to chart"));
        return;
    }
    chart_->setTitle(QString());
    auto* x = new QValueAxis;
    x->setTitleText(tr("worker stragglers s_w"));
    x->setRange(-0.25, std::max(1, xMax) + 0.25);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0.0);
    x->setTickInterval(std::max(1, (xMax + 7) / 8));
    x->setLabelFormat(QStringLiteral("%d"));
    auto* y = new QValueAxis;
    y->setTitleText(tr("E[T]"));
    if (std::isfinite(uncoded_) && uncoded_ > 0) yMax = std::max(yMax, uncoded_);
    const double pad = std::max(1e-9, (yMax - yMin) * 0.08);
    y->setRange(std::max(0.0, yMin - pad), yMax + pad);
    chart_->addAxis(x, Qt::AlignBottom);
    chart_->addAxis(y, Qt::AlignLeft);
    for (auto& [se, line] : lines) {
        chart_->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    if (std::isfinite(uncoded_) && uncoded_ > 0) {
        auto* ref = new QLineSeries;
        ref->setName(tr("uncoded"));
        ref->append(-0.25, uncoded_);
        ref->append(std::max(1, xMax) + 0.25, uncoded_);
        QPen pen(palette().color(QPalette::Text), 1.5, Qt::DashLine);
        ref->setPen(pen);
        chart_->addSeries(ref);
        ref->attachAxis(x);
        ref->attachAxis(y);
    }
}

void SweepChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) rebuild();
    QWidget::changeEvent(event);
}

} // namespace hgc::ui
