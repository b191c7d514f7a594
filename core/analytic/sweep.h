#pragma once
// The uniform sweep of SPEC §6: E[T] of hgc for every valid (s_e, s_w) — the "runtime
// versus tolerance" table — with its best row and the uncoded baseline.
#include <vector>

#include "analytic/analytic.h"
#include "util/progress.h"

namespace hgc {

struct SweepRow {
    int edgeStragglers = 0;
    int workerStragglers = 0;
    double loadPerWorker = 0.0; // (s_e+1)(s_w+1)/W
    Evaluation evaluation;
};

struct SweepResult {
    std::vector<SweepRow> rows; // by s_e, then s_w
    SweepRow best;
    Evaluation uncoded;
};

/// Every (s_e, s_w) that hgc::resolve accepts: s_e <= n-1, s_w <= min_i m_i - 1 and every
/// share (s_e+1) m_i / W <= 1.
std::vector<std::pair<int, int>> validHgcPairs(const Scenario& scenario);

/// SPEC §6: the smallest finite E[T]; if every row can fail, the lowest failure
/// probability (then the smallest E[T | T < inf]). `rows` must not be empty.
const SweepRow& bestRow(const std::vector<SweepRow>& rows);

/// Evaluates the rows on every hardware thread. Reports progress and honours cancellation
/// (throws hgc::Cancelled); throws InputError when the scenario has no active worker.
SweepResult sweepHgc(const Scenario& scenario, const AnalyticOptions& options = {},
                     const Progress& progress = {});

} // namespace hgc
