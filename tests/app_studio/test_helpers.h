#pragma once
// Shared pieces of the studio tests: a small scenario, and each test class's entry point.
#include <QString>

#include "model/scenario.h"

namespace hgc::test {

/// 3 edges of 4 workers, hgc(1, 1): small enough to reason about, big enough for every
/// scheme to have some room.
Scenario smallScenario();

/// A scenario file in a temporary directory that lives as long as the test process.
QString temporaryPath(const QString& fileName);

int runDocumentTests(int argc, char** argv);
int runCanvasTests(int argc, char** argv);
int runPanelTests(int argc, char** argv);
int runFileTests(int argc, char** argv);

} // namespace hgc::test
