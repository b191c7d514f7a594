#pragma once
// The order in which the optimisers rank evaluated schemes (SPEC §6): a finite expected
// time beats any scheme that can fail; among schemes that can fail the lower failure
// probability wins, then the smaller E[T | T < inf].
#include "eval/evaluation.h"

namespace hgc {

/// true when `a` is strictly better than `b`.
bool betterEvaluation(const Evaluation& a, const Evaluation& b);

/// true when `a` beats `b` by more than a relative margin (on the expected time when both are
/// finite, on the failure probability or conditional time otherwise). The searches use it
/// so that evaluator noise far below `relativeMargin` cannot make them wander.
bool clearlyBetterEvaluation(const Evaluation& a, const Evaluation& b, double relativeMargin);

} // namespace hgc
