#include "animation/history_charts.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

#include "animation/animation_colors.h"
#include "animation/iteration_history.h"

namespace hgc::ui {
namespace {

QColor runColor(int run) {
    static const QColor colors[] = {animation_colors::compute(), animation_colors::straggler(),
                                    animation_colors::edgeLink(), animation_colors::complete()};
    return colors[run % 4];
}

QChart* makeChart(const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(12);
    chart->setTitleFont(f);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(false); // one legend for both charts, above them
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    return chart;
}

QValueAxis* valueAxis(const QString& title, double high) {
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setRange(0.0, high > 0.0 ? high : 1.0);
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(10);
    axis->setLabelsFont(f);
    axis->setTitleFont(f);
    axis->setLabelFormat(QStringLiteral("%.3g"));
    axis->applyNiceNumbers();
    return axis;
}

} // namespace

HistoryCharts::HistoryCharts(QWidget* parent) : QWidget(parent) {
    history_ = makeChart(tr("Iteration time, iteration by iteration"));
    histogram_ = makeChart(tr("Histogram of iteration times"));
    historyView_ = new QChartView(history_);
    histogramView_ = new QChartView(histogram_);
    for (QChartView* v : {historyView_, histogramView_}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumSize(220, 160);
    }
    historyView_->setToolTip(
        tr("The time of every iteration played so far, per scheme, on the same "
           "random delays; the legend gives the means."));
    histogramView_->setToolTip(tr("How the iteration times of the played iterations are spread, "
                                  "per scheme."));
    legend_ = new QLabel;
    legend_->setWordWrap(true);
    legend_->setToolTip(tr("Mean iteration time of each scheme over the iterations played so far"));
    auto* charts = new QHBoxLayout;
    charts->addWidget(historyView_);
    charts->addWidget(histogramView_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(legend_);
    layout->addLayout(charts, 1);
}

void HistoryCharts::setHistory(const IterationHistory& h) {
    history_->removeAllSeries();
    histogram_->removeAllSeries();
    for (QAbstractAxis* a : history_->axes())
        history_->removeAxis(a), delete a;
    for (QAbstractAxis* a : histogram_->axes())
        histogram_->removeAxis(a), delete a;

    const double high = h.maxFiniteTime();
    const int n = h.size();
    const int first = std::max(0, n - kShownIterations);
    auto* xAxis = valueAxis(tr("iteration"), std::max<double>(n, 10));
    xAxis->setLabelFormat(QStringLiteral("%d"));
    auto* yAxis = valueAxis(tr("time"), high * 1.05);
    history_->addAxis(xAxis, Qt::AlignBottom);
    history_->addAxis(yAxis, Qt::AlignLeft);

    int most = 1;
    std::vector<std::vector<int>> counts;
    for (int r = 0; r < h.runCount(); ++r) {
        counts.push_back(histogramCounts(h.times(r), high, kBins));
        for (int c : counts.back())
            most = std::max(most, c);
    }
    auto* binAxis = valueAxis(tr("iteration time"), high);
    auto* countAxis = valueAxis(tr("iterations"), most * 1.1);
    countAxis->setLabelFormat(QStringLiteral("%d"));
    histogram_->addAxis(binAxis, Qt::AlignBottom);
    histogram_->addAxis(countAxis, Qt::AlignLeft);

    QStringList legend;
    for (int r = 0; r < h.runCount(); ++r) {
        auto* line = new QLineSeries;
        line->setName(h.labels()[r]);
        line->setPen(QPen(runColor(r), r == 0 ? 2.0 : 1.5));
        QList<QPointF> points;
        points.reserve(n - first);
        for (int i = first; i < n; ++i)
            if (std::isfinite(h.times(r)[i])) points.append(QPointF(i + 1, h.times(r)[i]));
        line->replace(points);
        history_->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);

        // The histogram as filled steps: (x_b, c_b) to (x_b+1, c_b) for every bin.
        auto* steps = new QLineSeries;
        const double width = high > 0.0 ? high / kBins : 1.0;
        steps->append(0.0, 0.0);
        for (int b = 0; b < kBins; ++b) {
            steps->append(b * width, counts[r][b]);
            steps->append((b + 1) * width, counts[r][b]);
        }
        steps->append(kBins * width, 0.0);
        auto* area = new QAreaSeries(steps);
        area->setName(h.labels()[r]);
        QColor fill = runColor(r);
        fill.setAlpha(60);
        area->setBrush(fill);
        area->setPen(QPen(runColor(r), 1.5));
        histogram_->addSeries(area);
        area->attachAxis(binAxis);
        area->attachAxis(countAxis);

        QString entry = QStringLiteral("<span style='color:%1'>&#9632;</span> %2: mean %3")
                            .arg(runColor(r).name(), h.labels()[r].toHtmlEscaped())
                            .arg(h.mean(r), 0, 'g', 4);
        if (h.failures(r) > 0) entry += tr(", %1 failed").arg(h.failures(r));
        legend << entry;
    }
    legend_->setText(
        h.size() == 0
            ? tr("No iterations played yet.")
            : tr("%1 iterations — %2").arg(h.size()).arg(legend.join(QStringLiteral(" &nbsp; "))));
}

} // namespace hgc::ui
