#pragma once
// Shared formatting for `hgc` text and JSON output.
#include <string>

#include "eval/evaluation.h"
#include "io/json_fwd.h"
#include "model/scenario.h"

namespace hgc::cli {

/// A number for people: 6 significant digits, "inf" for infinity.
std::string formatValue(double v);
/// "hgc (s_e=1, s_w=2)", "gc (s=3)", "uncoded", "allocation (s_e=1, per-edge tolerances 0..2)".
std::string describeScheme(const Scheme& scheme);
/// "4 edges (4 active), 26 workers (25 active)".
std::string describeTopology(const Scenario& scenario);

/// The stable keys of SPEC §8 for one evaluation.
Json evaluationJson(const Evaluation& e);
/// {"p50", "p95", "p99"}, null where a quantile is infinite.
Json quantilesJson(const Quantiles& q);

void printJson(const Json& j);

} // namespace hgc::cli
