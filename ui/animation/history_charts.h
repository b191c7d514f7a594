#pragma once
// The iteration times of the played iterations, per scheme: a history chart (time of each
// iteration) and a histogram (drawn as filled steps, so that schemes overlay), both filling as
// iterations run; one legend above both carries the means.
#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace hgc::ui {

class IterationHistory;

class HistoryCharts : public QWidget {
    Q_OBJECT
public:
    static constexpr int kBins = 14;
    /// The history chart shows at most this many most recent iterations.
    static constexpr int kShownIterations = 1000;

    explicit HistoryCharts(QWidget* parent = nullptr);

    void setHistory(const IterationHistory& history);
    QChart* historyChart() const { return history_; }
    QChart* histogramChart() const { return histogram_; }
    /// The shared legend: each scheme's colour, name and mean over the played iterations.
    QLabel* legend() const { return legend_; }

private:
    QChart* history_;
    QChart* histogram_;
    QChartView* historyView_;
    QChartView* histogramView_;
    QLabel* legend_;
};

} // namespace hgc::ui
