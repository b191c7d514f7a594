#pragma once
// The options `hgc train` and `hgc chart --kind training` share, so that a chart plots
// exactly what `hgc train` prints for the same arguments.
#include <set>
#include <string>

#include "args.h"
#include "model/scenario.h"
#include "train/trainer.h"

namespace hgc::cli {

/// --dataset, --iterations, --step, --momentum, --l2, --schemes, --seed, --partition.
const std::set<std::string>& trainingOptionNames();

struct TrainingArguments {
    std::string dataset = "synthetic"; // as loadTrainingData takes it
    std::string schemes = "default";   // as parseTrainingSchemes takes it
    TrainingOptions options;
};

/// Reads the shared options (defaults: synthetic, the scenario's seed, and TrainingOptions'
/// member defaults for the rest); throws InputError for a malformed value.
TrainingArguments trainingArguments(const Args& args, const Scenario& scenario);

/// The usage lines of the shared options.
extern const char* const kTrainingOptionsUsage;

} // namespace hgc::cli
