#pragma once
// "Runtime versus tolerance": E[T] of hgc against s_w, one line per s_e, with the uncoded
// time as a dashed reference. Reads the SweepModel.
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace hgc::ui {

class SweepModel;

class SweepChart : public QWidget {
    Q_OBJECT
public:
    SweepChart(SweepModel* model, QWidget* parent = nullptr);
    void setUncodedTime(double t) { uncoded_ = t; }

public slots:
    void rebuild();

protected:
    void changeEvent(QEvent* event) override;

private:
    SweepModel* model_;
    QChart* chart_;
    QChartView* view_;
    double uncoded_ = 0.0;
};

} // namespace hgc::ui
