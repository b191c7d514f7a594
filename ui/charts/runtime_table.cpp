// runtime-vs-tolerance: E[T] of hgc for every valid (s_e, s_w) (the sweep of SPEC §6), the
// uncoded and best-gc references, and optionally Monte Carlo confidence intervals.
#include <cmath>

#include "analytic/sweep.h"
#include "charts/baselines.h"
#include "charts/chart_request.h"
#include "charts/scheme_label.h"
#include "montecarlo/montecarlo.h"

namespace hgc::charts {

namespace {

constexpr double kZ95 = 1.959963984540054; // two-sided 95% normal quantile

QVariantList evaluationRow(const QString& scheme, QVariant se, QVariant sw, QVariant s, double load,
                           const Evaluation& e, bool optimal) {
    return {scheme,
            se,
            sw,
            s,
            load,
            e.expectedRuntime,
            e.conditionalRuntime,
            e.failureProbability,
            e.quantiles.p50,
            e.quantiles.p95,
            e.quantiles.p99,
            optimal ? QStringLiteral("yes") : QString()};
}

void appendMonteCarlo(QVariantList& row, const Evaluation& mc) {
    row << mc.conditionalRuntime << mc.standardError
        << mc.conditionalRuntime - kZ95 * mc.standardError
        << mc.conditionalRuntime + kZ95 * mc.standardError << mc.iterations;
}

} // namespace

ChartTable runtimeTable(const Scenario& scenario, const ChartRequest& request,
                        const Progress& progress) {
    const bool mc = request.confidenceBars;
    const double sweepEnd = mc ? 0.3 : 0.7, gcEnd = mc ? 0.45 : 1.0;
    const SweepResult sweep = sweepHgc(scenario, {}, subProgress(progress, 0.0, sweepEnd));
    const AnalyticEvaluator evaluator(scenario);
    const GcBaseline gc = bestGc(evaluator, subProgress(progress, sweepEnd, gcEnd));

    ChartTable t;
    t.title = QStringLiteral("Expected iteration time vs straggler tolerance");
    t.columns = {{"scheme", "Scheme"},
                 {"edge_stragglers", "s_e"},
                 {"worker_stragglers", "s_w"},
                 {"stragglers", "s (gc)"},
                 {"load_per_worker", "Load per worker (fraction of data)"},
                 {"expected_runtime", "E[T] (time units)"},
                 {"conditional_runtime", "E[T | T < ∞] (time units)"},
                 {"failure_probability", "P(T = ∞)"},
                 {"p50", "p50 (time units)"},
                 {"p95", "p95 (time units)"},
                 {"p99", "p99 (time units)"},
                 {"optimal", "Optimum"}};
    if (mc)
        t.columns += QList<ChartColumn>{{"mc_mean", "Monte Carlo mean (time units)"},
                                        {"mc_stderr", "Monte Carlo std. error"},
                                        {"mc_ci95_low", "95% CI low (time units)"},
                                        {"mc_ci95_high", "95% CI high (time units)"},
                                        {"mc_iterations", "Monte Carlo iterations"}};
    const int workers = scenario.activeWorkerCount();
    for (const SweepRow& r : sweep.rows) {
        const bool optimal = r.edgeStragglers == sweep.best.edgeStragglers &&
                             r.workerStragglers == sweep.best.workerStragglers;
        t.rows.push_back(evaluationRow("hgc", r.edgeStragglers, r.workerStragglers, QVariant(),
                                       r.loadPerWorker, r.evaluation, optimal));
    }
    t.rows.push_back(evaluationRow("uncoded", QVariant(), QVariant(), QVariant(), 1.0 / workers,
                                   sweep.uncoded, false));
    t.rows.push_back(evaluationRow("gc", QVariant(), QVariant(), gc.stragglers,
                                   resolve(scenario, Scheme::gc(gc.stragglers)).maxLoad(),
                                   gc.evaluation, false));

    if (mc) {
        MonteCarloOptions options;
        options.iterations = request.monteCarloIterations > 0 ? request.monteCarloIterations
                                                              : scenario.simulation.iterations;
        options.seed = scenario.simulation.seed;
        const std::size_t count = t.rows.size();
        for (std::size_t i = 0; i < count; ++i) {
            QVariantList& row = t.rows[i];
            Scheme scheme;
            const QString name = row[0].toString();
            if (name == "hgc")
                scheme = Scheme::hgc(row[1].toInt(), row[2].toInt());
            else if (name == "gc")
                scheme = Scheme::gc(row[3].toInt());
            options.progress = subProgress(progress, gcEnd + (1 - gcEnd) * i / count,
                                           gcEnd + (1 - gcEnd) * (i + 1) / count);
            appendMonteCarlo(row, evaluateMonteCarlo(scenario, resolve(scenario, scheme), options));
        }
    }
    t.facts["workers"] = workers;
    t.facts["edges"] = scenario.activeEdgeCount();
    return t;
}

} // namespace hgc::charts
