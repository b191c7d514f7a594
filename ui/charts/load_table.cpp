// load-tradeoff: load per worker of hgc for every valid (s_e, s_w) beside the paper's lower
// bound (s_e+1)(s_w+1)/W, and what each scheme costs in messages at the master (SPEC §3
// "communication load"), for gc and uncoded too. No evaluation: this is instantaneous.
#include "analytic/sweep.h"
#include "charts/chart_request.h"

namespace hgc::charts {

namespace {

int edgeMessageTotal(const ResolvedScheme& r) {
    int total = 0;
    for (int i = 0; i < static_cast<int>(r.edges.size()); ++i)
        total += r.edgeMessages(i);
    return total;
}

QVariantList row(const QString& scheme, QVariant se, QVariant sw, QVariant s,
                 const ResolvedScheme& r, QVariant bound) {
    return {scheme, se, sw, s, r.maxLoad(), bound, r.masterMessages(), edgeMessageTotal(r)};
}

} // namespace

ChartTable loadTable(const Scenario& scenario) {
    const int workers = scenario.activeWorkerCount();
    if (workers == 0) throw InputError("edges", "no active worker: nothing to chart");
    ChartTable t;
    t.title = QStringLiteral("Computation load vs straggler tolerance");
    t.columns = {{"scheme", "Scheme"},
                 {"edge_stragglers", "s_e"},
                 {"worker_stragglers", "s_w"},
                 {"stragglers", "s (gc)"},
                 {"load_per_worker", "Load per worker (fraction of data)"},
                 {"lower_bound", "Lower bound (s_e+1)(s_w+1)/W"},
                 {"master_messages", "Vectors received by the master"},
                 {"edge_messages", "Vectors received by all edges"}};
    for (const auto& [se, sw] : validHgcPairs(scenario))
        t.rows.push_back(row("hgc", se, sw, QVariant(), resolve(scenario, Scheme::hgc(se, sw)),
                             loadLowerBound(se, sw, workers)));
    t.rows.push_back(row("uncoded", QVariant(), QVariant(), QVariant(),
                         resolve(scenario, Scheme::uncoded()), QVariant()));
    for (int s = 0; s < workers; ++s)
        t.rows.push_back(
            row("gc", QVariant(), QVariant(), s, resolve(scenario, Scheme::gc(s)), QVariant()));
    t.facts["workers"] = workers;
    t.facts["edges"] = scenario.activeEdgeCount();
    return t;
}

} // namespace hgc::charts
