#pragma once
// Loading the scenario named on the command line, with the file name in every error.
#include <string>

#include "model/scenario.h"

namespace hgc::cli {

/// Loads FILE; an InputError's message becomes "FILE: path: reason".
Scenario loadScenarioArgument(const std::string& file);

} // namespace hgc::cli
