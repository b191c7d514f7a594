// training: two panels side by side, training loss and test accuracy against simulated
// time, one line per scheme in the same colour on both (each panel with its legend, so that
// either can be cut out for a slide). The inexact ignore-stragglers run is
// dashed: it is the line a reader should compare with the exact codes.
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

struct Curve {
    QString id, label;
    bool inexact = false;
    std::vector<QPointF> loss, accuracy;
};

std::vector<Curve> readCurves(const ChartTableModel& model) {
    std::vector<Curve> curves;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString id = model.text(r, "scheme_id");
        if (curves.empty() || curves.back().id != id)
            curves.push_back({id,
                              model.text(r, "scheme"),
                              model.text(r, "method") != QLatin1String("coded"),
                              {},
                              {}});
        const double t = model.number(r, "time");
        curves.back().loss.emplace_back(t, model.number(r, "loss"));
        curves.back().accuracy.emplace_back(t, model.number(r, "accuracy"));
    }
    return curves;
}

struct Extent {
    double xHigh = 0, yLow = INFINITY, yHigh = -INFINITY;
};

Extent extentOf(const std::vector<Curve>& curves, std::vector<QPointF> Curve::*points) {
    Extent e;
    for (const Curve& c : curves)
        for (const QPointF& p : c.*points) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y())) continue;
            e.xHigh = std::max(e.xHigh, p.x());
            e.yLow = std::min(e.yLow, p.y());
            e.yHigh = std::max(e.yHigh, p.y());
        }
    return e;
}

void buildPanel(QChart* chart, const std::vector<Curve>& curves,
                std::vector<QPointF> Curve::*points, const QString& yTitle) {
    const Extent e = extentOf(curves, points);
    auto* x = makeValueAxis("simulated time (time units)", 0, e.xHigh, true, "%g");
    auto* y = makeValueAxis(yTitle, e.yLow, e.yHigh);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const Curve& c = curves[i];
        auto* line = new QLineSeries;
        line->setName(c.label);
        line->setPen(linePen(seriesColor(int(i)), 2.0, c.inexact ? Qt::DashLine : Qt::SolidLine));
        for (const QPointF& p : c.*points)
            if (std::isfinite(p.x()) && std::isfinite(p.y())) line->append(p);
        addSeries(chart, line, x, y);
    }
}

} // namespace

void buildTrainingFigure(ChartFigure& figure, const ChartTableModel& model) {
    const std::vector<Curve> curves = readCurves(model);
    buildPanel(figure.addChart("Training loss"), curves, &Curve::loss, "loss (cross-entropy)");
    buildPanel(figure.addChart("Test accuracy"), curves, &Curve::accuracy, "accuracy (fraction)");
}

} // namespace hgc::charts
