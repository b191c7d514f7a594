// runtime-vs-tolerance: E[T] against s_w with one line per s_e (or the reverse), the
// uncoded and best-gc references as horizontal lines, the optimum starred, and Monte
// Carlo 95% confidence bars when the table has them.
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "charts/chart_style.h"
#include "charts/figure_builder.h"
#include "charts/series_helpers.h"

namespace hgc::charts {

namespace {

struct Point {
    double x, y, low, high;
};

} // namespace

void buildRuntimeFigure(ChartFigure& figure, const ChartTableModel& model, bool reverse) {
    QChart* chart = figure.addChart();
    const QString groupKey = reverse ? "worker_stragglers" : "edge_stragglers";
    const QString xKey = reverse ? "edge_stragglers" : "worker_stragglers";
    const bool bars = model.table().column("mc_ci95_low") >= 0;

    std::map<int, std::vector<Point>> groups;
    double uncoded = NAN, gc = NAN, yLow = INFINITY, yHigh = -INFINITY;
    int gcS = 0, xLow = std::numeric_limits<int>::max(), xHigh = 0, skipped = 0;
    std::optional<Point> optimum;
    int optimumGroupOf = -1;
    QString note;
    QString optimumLabel;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString scheme = model.text(r, "scheme");
        const double e = model.number(r, "expected_runtime");
        if (scheme == "uncoded") uncoded = e;
        if (scheme == "gc") gc = e, gcS = model.value(r, "stragglers").toInt();
        if (scheme != "hgc") continue;
        const int x = model.value(r, xKey).toInt();
        xLow = std::min(xLow, x), xHigh = std::max(xHigh, x);
        if (!std::isfinite(e)) { // can fail: E[T] = inf (SPEC §6), nothing to plot
            ++skipped;
            continue;
        }
        Point p{double(x), e, e, e};
        if (bars) p.low = model.number(r, "mc_ci95_low"), p.high = model.number(r, "mc_ci95_high");
        groups[model.value(r, groupKey).toInt()].push_back(p);
        yLow = std::min({yLow, e, p.low}), yHigh = std::max({yHigh, e, p.high});
        if (model.text(r, "optimal") == "yes") {
            optimum = p;
            optimumGroupOf = model.value(r, groupKey).toInt();
            optimumLabel = QStringLiteral("optimum: s_e=%1, s_w=%2, E[T] = %3")
                               .arg(model.text(r, "edge_stragglers"),
                                    model.text(r, "worker_stragglers"), shortNumber(e));
        }
    }
    for (double ref : {uncoded, gc})
        if (std::isfinite(ref)) yLow = std::min(yLow, ref), yHigh = std::max(yHigh, ref);
    if (xLow > xHigh) xLow = xHigh = 0;

    auto* xAxis = makeIntegerAxis(reverse ? "edge stragglers tolerated, s_e"
                                          : "worker stragglers tolerated per edge, s_w",
                                  xLow, xHigh);
    auto* yAxis = makeValueAxis("expected iteration time E[T] (time units)", yLow, yHigh);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    auto reference = [&](double value, const QString& name, Qt::PenStyle style) {
        if (!std::isfinite(value)) return;
        auto* line = new QLineSeries;
        line->setName(name);
        line->setPen(linePen(referenceColor(), 1.6, style));
        line->append(xLow - 0.3, value);
        line->append(xHigh + 0.3, value);
        addSeries(chart, line, xAxis, yAxis);
    };
    reference(uncoded, "uncoded, E[T] = " + shortNumber(uncoded), Qt::DashLine);
    reference(gc, QStringLiteral("best gc (s=%1), E[T] = %2").arg(gcS).arg(shortNumber(gc)),
              Qt::DashDotLine);

    // More than 8 lines cannot be told apart: show 8 evenly spaced ones and the optimum's
    // (the table and the CSV keep every row).
    constexpr int kMaxLines = 8;
    const int groupCount = static_cast<int>(groups.size());
    if (groupCount > kMaxLines) {
        const int optimumGroup = optimum ? optimumGroupOf : -1;
        std::set<int> picked;
        for (int j = 0; j < kMaxLines; ++j)
            picked.insert(
                static_cast<int>(std::lround(double(j) * (groupCount - 1) / (kMaxLines - 1))));
        std::map<int, std::vector<Point>> shown;
        int k = 0;
        for (auto& [group, points] : groups) {
            if (group == optimumGroup || picked.count(k)) shown[group] = std::move(points);
            ++k;
        }
        groups = std::move(shown);
        note += QStringLiteral("\nshowing %1 of the %2 values of %3 (the table has them all)")
                    .arg(groups.size())
                    .arg(groupCount)
                    .arg(reverse ? "s_w" : "s_e");
    }
    const bool manyPoints = xHigh - xLow > 15;
    int index = 0;
    bool barInLegend = false;
    for (const auto& [group, points] : groups) {
        const QColor color = seriesColor(index++);
        auto* line = new QLineSeries;
        line->setName(QStringLiteral("hgc, %1 = %2").arg(reverse ? "s_w" : "s_e").arg(group));
        line->setPen(linePen(color, 2.2));
        for (const Point& p : points)
            line->append(p.x, p.y);
        addSeries(chart, line, xAxis, yAxis);
        if (!manyPoints) {
            // Markers as a scatter of their own: QLineSeries' points ignore setMarkerSize in
            // Qt 6.4 and come out too big for print.
            auto* dots = new QScatterSeries;
            dots->setName(line->name());
            dots->setColor(color);
            dots->setBorderColor(Qt::white);
            dots->setMarkerSize(11);
            for (const Point& p : points)
                dots->append(p.x, p.y);
            addSeries(chart, dots, xAxis, yAxis);
            hideFromLegend(chart, dots);
        }
        if (!bars) continue;
        for (const Point& p : points) {
            // An error bar with caps; one series per bar, one legend entry for all.
            const double cap = 0.08;
            auto* bar = new QLineSeries;
            bar->setPen(linePen(color.darker(130), 1.3));
            bar->append({{p.x - cap, p.low},
                         {p.x + cap, p.low},
                         {p.x, p.low},
                         {p.x, p.high},
                         {p.x - cap, p.high},
                         {p.x + cap, p.high}});
            bar->setName("Monte Carlo 95% confidence interval");
            addSeries(chart, bar, xAxis, yAxis);
            if (barInLegend)
                hideFromLegend(chart, bar);
            else
                bar->setPen(linePen(QColor(40, 40, 40), 1.3));
            barInLegend = true;
        }
    }
    if (optimum) {
        auto* star = new QScatterSeries;
        star->setName(optimumLabel);
        star->setMarkerShape(QScatterSeries::MarkerShapeStar);
        star->setMarkerSize(20);
        star->setColor(accentColor());
        star->setBorderColor(accentColor().darker(140));
        star->append(optimum->x, optimum->y);
        addSeries(chart, star, xAxis, yAxis);
    }
    if (skipped > 0)
        note += QStringLiteral("\n%1 tolerance pairs can fail (E[T] = ∞) and are not drawn")
                    .arg(skipped);
    if (!note.isEmpty()) figure.setTitle(figure.title(), model.table().subtitle + note);
}

} // namespace hgc::charts
