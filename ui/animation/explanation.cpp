#include "animation/explanation.h"

#include <QObject>
#include <QStringList>
#include <cmath>

namespace hgc::ui {
namespace {

QString num(double v) {
    return QString::number(v, 'g', 4);
}

QString coefficient(double v) {
    return QString::number(v, 'g', 3);
}

/// "a, b and c"
QString listing(const QStringList& items) {
    if (items.size() <= 1) return items.join(QString());
    return QObject::tr("%1 and %2")
        .arg(QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")), items.back());
}

/// "0.5·w1.1 + 1·w1.2 + …" over the non-zero weights.
QString combination(const std::vector<double>& weights, const std::vector<QString>& names,
                    int maxTerms = 8) {
    QStringList terms;
    int shown = 0, left = 0;
    for (std::size_t k = 0; k < weights.size() && k < names.size(); ++k) {
        if (weights[k] == 0.0) continue;
        if (shown < maxTerms) {
            terms << QStringLiteral("%1·%2").arg(coefficient(weights[k]), names[k]);
            ++shown;
        } else {
            ++left;
        }
    }
    QString s =
        terms.join(QStringLiteral(" + ")).replace(QStringLiteral("+ -"), QStringLiteral("− "));
    if (left > 0) s += QObject::tr(" + … (%1 more)").arg(left);
    return s;
}

QString straggleNote(const Scenario& s, const WorkerTrace& w) {
    const Distribution& d = s.edges[w.edge].workers[w.worker].compute;
    if (w.straggled) return QObject::tr(" straggles (×%1 slowdown)").arg(num(d.straggleSlowdown));
    return QObject::tr(" is slower");
}

} // namespace

QString workerName(const Scenario& scenario, int edge, int worker) {
    const std::string& n = scenario.edges.at(edge).workers.at(worker).name;
    return n.empty() ? QObject::tr("worker %1.%2").arg(edge + 1).arg(worker + 1)
                     : QString::fromStdString(n).toHtmlEscaped();
}

QString edgeName(const Scenario& scenario, int edge) {
    const std::string& n = scenario.edges.at(edge).name;
    return n.empty() ? QObject::tr("edge %1").arg(edge + 1)
                     : QString::fromStdString(n).toHtmlEscaped();
}

QString explainMoment(const ExplanationInput& in) {
    const Scenario& s = *in.scenario;
    const SchemeRun& run = *in.run;
    const IterationTrace& trace = run.trace;
    const IterationState& st = *in.state;
    const ResolvedScheme& scheme = run.scheme;
    QString html;
    html += QObject::tr("<p><b>Iteration %1</b> · t = %2 · %3</p>")
                .arg(in.iteration + 1)
                .arg(num(st.t))
                .arg(run.label.toHtmlEscaped());

    // The master first: it is what the iteration waits for.
    const MasterState& m = st.master;
    QStringList usedEdges;
    for (int e : trace.waitedEdges)
        usedEdges << edgeName(s, e);
    if (scheme.flat) {
        if (m.complete)
            html += QObject::tr("<p>The master has the %1 worker results it needs (of %2) and "
                                "decodes the full gradient at t = %3.</p>")
                        .arg(m.needed)
                        .arg(m.sources)
                        .arg(num(trace.time));
        else if (m.failed)
            html +=
                QObject::tr(
                    "<p>Only %1 results arrived; the master needs %2: this iteration fails.</p>")
                    .arg(m.arrived)
                    .arg(m.needed);
        else
            html += QObject::tr(
                        "<p>gc has one layer: every worker's result is relayed by its edge to the "
                        "master, which needs any %1 of the %2; %3 have arrived.</p>")
                        .arg(m.needed)
                        .arg(m.sources)
                        .arg(m.arrived);
    } else {
        if (m.complete)
            html +=
                QObject::tr(
                    "<p>The master needed %1 of its %2 edges and decodes from %3 at t = %4.</p>")
                    .arg(m.needed)
                    .arg(m.sources)
                    .arg(listing(usedEdges))
                    .arg(num(trace.time));
        else if (m.failed)
            html += QObject::tr("<p>Only %1 edges reached the master, which needs %2: this "
                                "iteration fails.</p>")
                        .arg(m.arrived)
                        .arg(m.needed);
        else
            html += QObject::tr("<p>The master needs any %1 of its %2 edges; %3 have arrived.</p>")
                        .arg(m.needed)
                        .arg(m.sources)
                        .arg(m.arrived);
    }

    // Then each edge, in plain words.
    html += QStringLiteral("<ul>");
    std::size_t first = 0;
    int described = 0, summarised = 0;
    for (std::size_t i = 0; i < trace.edges.size(); ++i) {
        const EdgeTrace& et = trace.edges[i];
        const EdgeState& es = st.edges[i];
        const std::size_t count = scheme.edges[i].workers.size();
        if (described >= in.maxEdges) {
            ++summarised;
            first += count;
            continue;
        }
        ++described;
        const QString name = edgeName(s, et.edge);
        QString line;
        if (scheme.flat) {
            line = QObject::tr("%1 relays its %2 workers' results; %3 arrived so far.")
                       .arg(name)
                       .arg(es.workers)
                       .arg(es.arrived);
        } else if (!es.complete) {
            line = QObject::tr("%1 needs %2 of its %3 workers; %4 arrived so far.")
                       .arg(name)
                       .arg(es.needed)
                       .arg(es.workers)
                       .arg(es.arrived);
        } else {
            QStringList used;
            for (int w : et.waitedWorkers)
                used << workerName(s, et.edge, w);
            line = QObject::tr("%1 needed %2 of its %3 workers and decoded at t = %4 from %5.")
                       .arg(name)
                       .arg(es.needed)
                       .arg(es.workers)
                       .arg(num(et.done))
                       .arg(listing(used));
        }
        // Stragglers left behind, and failures, once they are known.
        QStringList notes;
        for (std::size_t k = first; k < first + count; ++k) {
            const WorkerTrace& w = trace.workers[k];
            const WorkerState& ws = st.workers[k];
            if (ws.phase == WorkerPhase::Failed)
                notes << QObject::tr("%1 does not answer this iteration")
                             .arg(workerName(s, w.edge, w.worker));
            else if (ws.ignored)
                notes << workerName(s, w.edge, w.worker) + straggleNote(s, w) +
                             QObject::tr(" and is not waited for");
            else if (w.straggled && ws.phase == WorkerPhase::Computing)
                notes << workerName(s, w.edge, w.worker) +
                             QObject::tr(" straggles (×%1 slowdown)")
                                 .arg(num(
                                     s.edges[w.edge].workers[w.worker].compute.straggleSlowdown));
        }
        if (!notes.isEmpty()) line += QStringLiteral(" ") + listing(notes) + QStringLiteral(".");
        if (!scheme.flat && es.failed && es.complete)
            line += QObject::tr(" Its uplink to the master fails this iteration.");
        else if (es.ignored)
            line += QObject::tr(" The master does not wait for it.");
        if (in.decoding && !scheme.flat && es.complete && i < in.decoding->edgeWeights.size() &&
            !in.decoding->edgeWeights[i].empty()) {
            std::vector<QString> names;
            for (int w : scheme.edges[i].workers)
                names.push_back(workerName(s, et.edge, w));
            line += QObject::tr("<br>&nbsp;&nbsp;It forms y = %1.")
                        .arg(combination(in.decoding->edgeWeights[i], names));
        }
        html += QStringLiteral("<li>") + line + QStringLiteral("</li>");
        first += count;
    }
    if (summarised > 0) html += QObject::tr("<li>… and %1 more edges.</li>").arg(summarised);
    html += QStringLiteral("</ul>");

    if (m.complete && in.decoding) {
        std::vector<QString> names;
        if (in.decoding->flat) {
            for (std::size_t i = 0; i < scheme.edges.size(); ++i)
                for (int w : scheme.edges[i].workers)
                    names.push_back(workerName(s, scheme.edges[i].edge, w));
        } else {
            for (const ResolvedEdge& re : scheme.edges)
                names.push_back(QStringLiteral("y(%1)").arg(edgeName(s, re.edge)));
        }
        html += QObject::tr("<p>Decoding coefficients used: gradient sum = %1 (residual %2).</p>")
                    .arg(combination(in.decoding->masterWeights, names, 12))
                    .arg(in.decoding->residual, 0, 'g', 2);
    } else if (!in.decodingNote.isEmpty()) {
        html +=
            QStringLiteral("<p><i>") + in.decodingNote.toHtmlEscaped() + QStringLiteral("</i></p>");
    }
    return html;
}

} // namespace hgc::ui
