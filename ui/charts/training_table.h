#pragma once
// The training chart's table (SPEC §9): one row per record of every scheme's run, so that
// the figure, the table view and the CSV all show the same loss and accuracy against
// simulated time. Built either from runs made here (`hgc chart --kind training`, through
// computeChartTable) or from the runs the app's Training tab has drawn so far.
#include <QString>
#include <vector>

#include "charts/chart_table.h"
#include "train/dataset.h"
#include "train/trainer.h"

namespace hgc::charts {

/// "synthetic: 4000 training, 1000 test samples · step 0.5, momentum 0.9, delay seed 1":
/// what a reader needs to reproduce the runs besides the scenario.
QString trainingCaption(const Dataset& data, const TrainingOptions& options);

/// Columns scheme_id, scheme, method, iteration, time, loss, accuracy, decode_error,
/// iteration_time, samples_used; schemes in run order, records in iteration order. A run
/// that stopped early (failure) simply has fewer rows. `caption` becomes the subtitle.
ChartTable trainingTableOf(const std::vector<TrainingRun>& runs, const QString& caption);

} // namespace hgc::charts
