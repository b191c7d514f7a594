// cdf: P(T <= t) for each scheme on one plot. The time axis ends where every curve has
// reached 0.999 of its finite mass, so that the tails stay visible without the last
// permille stretching the axis.
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>

#include "charts/chart_style.h"
#include "charts/figure_builder.h"
#include "charts/series_helpers.h"

namespace hgc::charts {

void buildCdfFigure(ChartFigure& figure, const ChartTableModel& model) {
    QChart* chart = figure.addChart();
    struct Curve {
        QString role, scheme;
        double failure = 0;
        std::vector<QPointF> points;
    };
    std::vector<Curve> curves;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString scheme = model.text(r, "scheme");
        if (curves.empty() || curves.back().scheme != scheme)
            curves.push_back(
                {model.text(r, "role"), scheme, model.number(r, "failure_probability"), {}});
        curves.back().points.emplace_back(model.number(r, "time"), model.number(r, "cdf"));
    }
    double tLow = INFINITY, tHigh = 0;
    for (const Curve& c : curves) {
        const double finite = 1.0 - c.failure;
        for (const QPointF& p : c.points) {
            if (p.y() > 1e-4 * finite) tLow = std::min(tLow, p.x());
            if (p.y() < 0.999 * finite) tHigh = std::max(tHigh, p.x());
        }
    }
    if (!(tHigh > tLow)) tLow = 0, tHigh = 1;
    tLow = std::max(0.0, tLow - 0.05 * (tHigh - tLow));
    auto* x = new QValueAxis;
    applyAxisStyle(x, "iteration time t (time units)");
    x->setRange(tLow, tHigh);
    x->applyNiceNumbers();
    x->setLabelFormat("%.4g");
    auto* y = new QValueAxis;
    applyAxisStyle(y, "P(T ≤ t)");
    y->setRange(0, 1);
    y->setTickCount(6);
    y->setLabelFormat("%.1f");
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DashDotLine, Qt::SolidLine, Qt::SolidLine};
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const Curve& c = curves[i];
        auto* line = new QLineSeries;
        QString name = c.role == c.scheme ? c.scheme : c.role + ": " + c.scheme;
        if (c.failure > 0) name += QStringLiteral(" (fails with p=%1)").arg(shortNumber(c.failure));
        line->setName(name);
        const QColor color = i == 0 ? referenceColor() : seriesColor(int(i) - 1);
        line->setPen(linePen(color, 2.2, styles[std::min<std::size_t>(i, 3)]));
        // Keep the points inside the visible range plus one either side: smaller files.
        const double xMax = x->max();
        for (std::size_t k = 0; k < c.points.size(); ++k) {
            const QPointF& p = c.points[k];
            if (p.x() > xMax && k > 0 && c.points[k - 1].x() > xMax) break;
            line->append(p);
        }
        addSeries(chart, line, x, y);
    }
}

} // namespace hgc::charts
