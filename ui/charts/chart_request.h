#pragma once
// What to compute for a chart, and the entry point that computes its table. The
// computation is core work (analytic sweeps, Monte Carlo) and runs off the GUI thread; it
// reports progress and stops (throws hgc::Cancelled) when asked.
#include "charts/chart_table.h"
#include <string>

#include "model/scenario.h"
#include "train/trainer.h"
#include "util/progress.h"

namespace hgc::charts {

struct ChartRequest {
    ChartKind kind = ChartKind::RuntimeVsTolerance;
    /// runtime-vs-tolerance: also run Monte Carlo on every (s_e, s_w) for 95% confidence bars.
    bool confidenceBars = false;
    /// Monte Carlo iterations (confidence bars, iteration-times); 0: the scenario's own.
    long long monteCarloIterations = 0;
    /// speedup: time budget of the general-allocation search (OptimOptions::maxSeconds),
    /// when the optimiser is built in.
    double optimiserSeconds = 10.0;
    /// training: the data set ("synthetic", "fashion-mnist" or an IDX path, as `hgc train
    /// --dataset`), the schemes (as `hgc train --schemes`) and the
    /// gradient-descent options.
    std::string trainingData = "synthetic";
    std::string trainingSchemes = "default";
    TrainingOptions training;
};

/// Whether the speed-up chart shows the optimiser's families (selection, general).
bool chartsHaveOptimiser();

/// Throws InputError when the scenario cannot be evaluated (e.g. no active worker) and
/// hgc::Cancelled when `progress` asks to stop.
ChartTable computeChartTable(const Scenario& scenario, const ChartRequest& request,
                             const Progress& progress = {});

// One per kind (chart_request.cpp dispatches).
ChartTable runtimeTable(const Scenario& scenario, const ChartRequest& request,
                        const Progress& progress);
ChartTable loadTable(const Scenario& scenario);
ChartTable cdfTable(const Scenario& scenario, const Progress& progress);
ChartTable iterationTable(const Scenario& scenario, const ChartRequest& request,
                          const Progress& progress);
ChartTable speedupTable(const Scenario& scenario, const ChartRequest& request,
                        const Progress& progress);
ChartTable trainingTable(const Scenario& scenario, const ChartRequest& request,
                         const Progress& progress);

} // namespace hgc::charts
