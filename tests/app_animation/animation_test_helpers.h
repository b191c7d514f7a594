#pragma once
// Shared pieces of the animation tests: scenarios with stragglers and failures, and each
// test class's entry point.
#include <QPointF>
#include <optional>

#include "model/scenario.h"

namespace hgc::test {

/// 4 edges of 5 workers (one edge of 4, one inactive worker), straggles on every worker,
/// some failures, hgc(1, 1).
Scenario stragglingScenario(bool withFailures = true);
/// A uniform tree of `edges` x `workers` with straggles, hgc(1, 1).
Scenario largeScenario(int edges, int workers);
/// Positions of a simple tree layout, as the canvas would give them.
std::optional<QPointF> treePosition(const Scenario& s, int edge, int worker);

int runControllerTests(int argc, char** argv);
int runOverlayTests(int argc, char** argv);
int runPanelTests(int argc, char** argv);

} // namespace hgc::test
