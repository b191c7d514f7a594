// iteration-times: left, the time of each of the first iterations of the simulation (the
// trace a user would see on a real cluster); right, the histogram of all of them, with
// each scheme's mean marked. Failed iterations (T = inf) are counted in the legend.
#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "charts/chart_style.h"
#include "charts/figure_builder.h"
#include "charts/series_helpers.h"

namespace hgc::charts {

namespace {

constexpr int kTraceIterations = 200;
constexpr int kBins = 40;

struct Samples {
    QString name;
    std::vector<double> finite;
    long long failed = 0;
    double mean = 0;
};

std::vector<Samples> readSamples(const ChartTableModel& model) {
    std::vector<Samples> all;
    const ChartTable& table = model.table();
    for (int c = 1; c < table.columns.size(); ++c) {
        Samples s;
        s.name = table.columns[c].title;
        s.name.chop(QStringLiteral(" (time units)").size());
        for (int r = 0; r < model.rowCount(); ++r) {
            const double t = model.number(r, table.columns[c].key);
            if (std::isfinite(t))
                s.finite.push_back(t);
            else
                ++s.failed;
        }
        for (double t : s.finite)
            s.mean += t / s.finite.size();
        all.push_back(std::move(s));
    }
    return all;
}

QString legendName(const Samples& s, long long total) {
    QString name = s.name + QStringLiteral(", mean %1").arg(shortNumber(s.mean));
    if (s.failed > 0)
        name += QStringLiteral(", %1% failed").arg(shortNumber(100.0 * s.failed / total));
    return name;
}

void buildTracePanel(QChart* chart, const ChartTableModel& model, const std::vector<Samples>& all) {
    const int shown = std::min(kTraceIterations, model.rowCount());
    double high = 0;
    for (int c = 1; c < model.columnCount(); ++c)
        for (int r = 0; r < shown; ++r) {
            const double t = model.number(r, model.table().columns[c].key);
            if (std::isfinite(t)) high = std::max(high, t);
        }
    auto* x =
        makeValueAxis(QStringLiteral("iteration (first %1)").arg(shown), 0, shown, true, "%d");
    x->setRange(0, shown);
    if (shown % 4 == 0) x->setTickCount(5);
    auto* y = makeValueAxis("iteration time (time units)", 0, high, true);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (int c = int(all.size()); c >= 1; --c) { // the scheme last, on top
        auto* line = new QLineSeries;
        line->setName(all[c - 1].name);
        const QColor color = c == 1 ? seriesColor(0) : referenceColor();
        line->setPen(linePen(color, c == 1 ? 1.6 : 1.2));
        for (int r = 0; r < shown; ++r) {
            const double t = model.number(r, model.table().columns[c].key);
            if (std::isfinite(t)) line->append(model.number(r, "iteration"), t);
        }
        addSeries(chart, line, x, y);
    }
}

void buildHistogramPanel(QChart* chart, const std::vector<Samples>& all, long long total) {
    // Common bins over [min, 99.5th percentile] of everything, so the shapes compare.
    std::vector<double> pooled;
    for (const Samples& s : all)
        pooled.insert(pooled.end(), s.finite.begin(), s.finite.end());
    if (pooled.empty()) return;
    std::sort(pooled.begin(), pooled.end());
    const double low = pooled.front();
    double high = pooled[std::min(pooled.size() - 1, std::size_t(0.995 * pooled.size()))];
    if (!(high > low)) high = low + 1;
    const double width = (high - low) / kBins;

    std::vector<std::vector<double>> fractions;
    double yHigh = 0;
    for (const Samples& s : all) {
        std::vector<double> f(kBins, 0.0);
        for (double t : s.finite) {
            const int bin = static_cast<int>((t - low) / width);
            if (bin >= 0 && bin < kBins) f[bin] += 1.0 / total;
        }
        yHigh = std::max(yHigh, *std::max_element(f.begin(), f.end()));
        fractions.push_back(std::move(f));
    }
    auto* x = makeValueAxis("iteration time (time units)", low, high);
    auto* y = makeValueAxis(
        QStringLiteral("fraction of iterations (bin width %1)").arg(shortNumber(width)), 0, yHigh,
        true, "%.2f");
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (int i = int(all.size()) - 1; i >= 0; --i) {
        QColor color = i == 0 ? seriesColor(0) : referenceColor();
        auto* upper = new QLineSeries;
        for (int b = 0; b < kBins; ++b) {
            upper->append(low + b * width, fractions[i][b]);
            upper->append(low + (b + 1) * width, fractions[i][b]);
        }
        auto* area = new QAreaSeries(upper);
        area->setName(legendName(all[i], total));
        area->setPen(linePen(color, 1.4));
        color.setAlpha(i == 0 ? 110 : 70);
        area->setBrush(color);
        addSeries(chart, area, x, y);
        auto* mean = new QLineSeries;
        mean->setPen(linePen(i == 0 ? seriesColor(0).darker(140) : Qt::black, 1.6, Qt::DashLine));
        mean->append(all[i].mean, 0);
        mean->append(all[i].mean, y->max());
        addSeries(chart, mean, x, y);
        hideFromLegend(chart, mean);
    }
}

} // namespace

void buildIterationFigure(ChartFigure& figure, const ChartTableModel& model) {
    const std::vector<Samples> all = readSamples(model);
    const long long total = model.rowCount();
    buildTracePanel(figure.addChart("Trace", 1.0), model, all);
    buildHistogramPanel(figure.addChart("Histogram (dashed: mean)", 1.0), all, total);
}

} // namespace hgc::charts
