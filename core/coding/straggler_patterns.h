#pragma once
// The straggler patterns a scheme claims to tolerate: counting, enumerating, sampling, and
// a set of hard-looking ones. A pattern is "within tolerance" when at most s_e edges fail
// and every other edge i has at most s_i non-responding workers (gc: at most s workers).
#include <functional>
#include <vector>

#include "coding/straggler_pattern.h"

namespace hgc {
struct ResolvedScheme;
class Rng;
} // namespace hgc

namespace hgc::coding {

/// How many patterns are within tolerance (every size up to the tolerances, the empty one
/// included). A double: it is astronomically large for big systems.
double countTolerablePatterns(const ResolvedScheme& scheme);

/// Calls `visit` with every pattern within tolerance, until it returns false.
void forEachTolerablePattern(const ResolvedScheme& scheme,
                             const std::function<bool(const StragglerPattern&)>& visit);

/// Patterns that look hardest: all stragglers at one edge, the largest (or smallest) edges
/// failing with every other edge at its worker tolerance, consecutive and evenly spread
/// blocks of stragglers. All within tolerance.
std::vector<StragglerPattern> worstLookingPatterns(const ResolvedScheme& scheme);

/// A random pattern within tolerance: three times in four a maximal one (exactly s_e
/// failed edges and s_i stragglers at every other edge; gc: s workers), else every count
/// drawn uniformly up to its tolerance.
StragglerPattern randomPattern(const ResolvedScheme& scheme, Rng& rng);

} // namespace hgc::coding
