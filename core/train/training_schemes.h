#pragma once
// Which schemes a training run compares (SPEC §9): the scenario's own scheme first, then the
// baselines and codes beside it. Shared by `hgc train --schemes` and the Training tab.
#include <string>
#include <string_view>
#include <vector>

#include "train/trainer.h"

namespace hgc {

/// The identifier of a training scheme as `--schemes` spells it and as the JSON output keys
/// it: "uncoded", "ignore-stragglers", "gc:S", "hgc:SE:SW", "allocation".
std::string trainingSchemeId(const TrainingScheme& scheme);

/// The hgc the comparisons use when none is named: the scenario's own when it is hgc, else
/// the first valid of hgc(1,1), hgc(0,1), hgc(1,0), hgc(0,0).
Scheme defaultHgc(const Scenario& scenario);

/// The scenario's scheme, then uncoded, ignore-stragglers, gc and hgc, without repeats.
/// gc takes s = (s_e+1)(s_w+1) - 1 of the hgc (the same load per worker, capped at W - 1)
/// unless the scenario's scheme is a gc; ignore-stragglers takes as deadline the
/// scenario's scheme when it is coded, else the hgc.
std::vector<TrainingScheme> defaultTrainingSchemes(const Scenario& scenario);

/// A comma-separated list: "uncoded", "ignore-stragglers" (or "ignore"), "gc" or "gc:S",
/// "hgc" or "hgc:SE:SW", "allocation" (the scenario's, when it has one), "file" (the
/// scenario's scheme), "default" (defaultTrainingSchemes). The scenario's scheme is always
/// run, first; repeats are dropped. Throws InputError for an unknown or invalid entry.
std::vector<TrainingScheme> parseTrainingSchemes(const Scenario& scenario, std::string_view list);

} // namespace hgc
