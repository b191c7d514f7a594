#pragma once
// Reading and writing scenario files (SPEC §7). Every field is checked; a problem is an
// InputError whose path is the JSON path ("edges[2].workers[0].compute.rate") and whose
// reason says what is wrong. Keys this program does not know are kept and written back, at
// every level (document, edge, worker, distribution, scheme, allocation entry, simulation),
// after the known keys; only a distribution's parameter of another family is refused.
#include <string>

#include "model/scenario.h"

namespace hgc {

inline constexpr int kScenarioFormatVersion = 1;

/// Parses and validates a scenario document (the whole model, scheme included).
Scenario parseScenario(const std::string& text);
/// Serialises with stable key order, two-space indentation, and a trailing newline.
std::string serializeScenario(const Scenario& scenario);

/// Reads a file; errors from the file system are InputErrors with an empty path.
Scenario loadScenarioFile(const std::string& filePath);
/// Writes atomically: a temporary file beside the target, flushed, then renamed over it,
/// so that a crash never leaves a half-written scenario.
void saveScenarioFile(const Scenario& scenario, const std::string& filePath);

} // namespace hgc
