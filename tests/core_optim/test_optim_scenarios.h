#pragma once
// Small scenarios for the optimiser tests: heterogeneous enough that the families differ,
// small enough that brute force and Monte Carlo stay quick.
#include <vector>

#include "model/scenario.h"

namespace hgc::test {

/// Worker (i,j) computes the whole data set in a shifted-exponential time of mean 10 f,
/// f = edgeSlowdown[i] * workerSlowdown[i][j], of which the fraction `spread` is the
/// exponential part; deterministic worker uplinks, shifted-exponential edge uplinks.
Scenario heterogeneousScenario(const std::vector<double>& edgeSlowdown,
                               const std::vector<std::vector<double>>& workerSlowdown,
                               double spread = 0.5);

/// Three edges of two, two and three workers: edge 2 is 3x slower, one worker of edge 0 is
/// 4x slower, and edge 1's workers straggle now and then.
Scenario mixedScenario();

/// Four edges of four workers: edges up to 3x apart, workers within an edge up to 4x, one
/// edge's workers straggle, one worker can fail.
Scenario clusterScenario();

/// Three edges of four, one and four workers with very different compute distributions;
/// the third edge's uplink straggles (18% of the time 9.8x). Water-filling on mean delays
/// starts the general search ~3% behind the proportional-loads baseline here.
Scenario flakyEdgeUplinkScenario();

} // namespace hgc::test
