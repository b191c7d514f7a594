// load-tradeoff: left, the load per worker of hgc against s_w, one colour per s_e, on the
// paper's lower bound (s_e+1)(s_w+1)/W (uniform hgc meets it exactly); right, what the
// master receives per iteration against the load each worker carries, for hgc, flat gc and
// uncoded — the communication saved by decoding at the edges.
#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>

#include "charts/chart_style.h"
#include "charts/figure_builder.h"
#include "charts/series_helpers.h"

namespace hgc::charts {

namespace {

void buildLoadPanel(QChart* chart, const ChartTableModel& model, int workers) {
    std::map<int, std::vector<std::pair<int, std::pair<double, double>>>>
        groups; // s_e -> (s_w, load, bound)
    int swHigh = 0;
    double loadHigh = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.text(r, "scheme") != "hgc") continue;
        const int sw = model.value(r, "worker_stragglers").toInt();
        const double load = model.number(r, "load_per_worker");
        const double bound = model.number(r, "lower_bound");
        groups[model.value(r, "edge_stragglers").toInt()].push_back({sw, {load, bound}});
        swHigh = std::max(swHigh, sw);
        loadHigh = std::max({loadHigh, load, bound});
    }
    auto* x = makeIntegerAxis("worker stragglers tolerated per edge, s_w", 0, swHigh);
    auto* y = makeValueAxis("load per worker (fraction of data)", 0, loadHigh, true);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    int index = 0;
    for (const auto& [se, points] : groups) {
        auto* bound = new QLineSeries;
        bound->setName(QStringLiteral("lower bound (s_e+1)(s_w+1)/W, W=%1").arg(workers));
        bound->setPen(linePen(referenceColor(), 1.4, Qt::DashLine));
        auto* load = new QScatterSeries;
        load->setName(QStringLiteral("hgc, s_e = %1").arg(se));
        load->setColor(seriesColor(index++));
        load->setBorderColor(Qt::white);
        load->setMarkerSize(11);
        for (const auto& [sw, values] : points) {
            load->append(sw, values.first);
            bound->append(sw, values.second);
        }
        addSeries(chart, bound, x, y);
        if (index > 1) hideFromLegend(chart, bound);
        addSeries(chart, load, x, y);
    }
}

void buildMessagePanel(QChart* chart, const ChartTableModel& model) {
    auto* gc = new QLineSeries;
    gc->setName("gc (s = 0 … W−1): W − s");
    gc->setPen(linePen(referenceColor(), 1.6, Qt::DashDotLine));
    auto* hgc = new QScatterSeries;
    hgc->setName("hgc: n − s_e");
    hgc->setColor(seriesColor(0));
    hgc->setBorderColor(Qt::white);
    hgc->setMarkerSize(11);
    auto* uncoded = new QScatterSeries;
    uncoded->setName("uncoded: n");
    uncoded->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    uncoded->setColor(Qt::transparent); // hollow: it sits on hgc (s_e=0, s_w=0), its equal
    uncoded->setBorderColor(Qt::black);
    uncoded->setMarkerSize(15);
    double loadHigh = 0, messagesLow = INFINITY, messagesHigh = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString scheme = model.text(r, "scheme");
        const double load = model.number(r, "load_per_worker");
        const double messages = model.number(r, "master_messages");
        (scheme == "gc"    ? static_cast<QXYSeries*>(gc)
         : scheme == "hgc" ? hgc
                           : uncoded)
            ->append(load, messages);
        loadHigh = std::max(loadHigh, load);
        messagesLow = std::min(messagesLow, messages);
        messagesHigh = std::max(messagesHigh, messages);
    }
    auto* x = makeValueAxis("load per worker (fraction of data)", 0, loadHigh, true);
    if (x->max() > 1.0) { // a load is at most the whole data set
        x->setRange(0, 1);
        x->setTickCount(6);
    }
    QAbstractAxis* y;
    const QString title = "vectors at the master / iteration";
    if (messagesHigh / std::max(1.0, messagesLow) > 50) {
        // Hundreds of workers against a handful of edges: only a log scale shows both.
        auto* log = new QLogValueAxis;
        applyAxisStyle(log, title);
        log->setBase(10);
        log->setRange(std::max(0.8, messagesLow * 0.8), messagesHigh * 1.25);
        log->setLabelFormat("%g");
        log->setMinorTickCount(-1);
        y = log;
    } else {
        y = makeValueAxis(title, 0, messagesHigh, true, "%d");
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    addSeries(chart, gc, x, y);
    addSeries(chart, hgc, x, y);
    addSeries(chart, uncoded, x, y);
    uncoded->setPen(QPen(Qt::black, 2));
}

} // namespace

void buildLoadFigure(ChartFigure& figure, const ChartTableModel& model) {
    const int workers = model.table().facts.value("workers").toInt();
    buildLoadPanel(figure.addChart("Computation: load per worker", 1.15), model, workers);
    buildMessagePanel(figure.addChart("Communication at the master"), model);
}

} // namespace hgc::charts
