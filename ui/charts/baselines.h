#pragma once
// The reference schemes every chart compares against: uncoded and the best conventional
// (flat) gradient code.
#include "analytic/analytic.h"
#include "util/progress.h"

namespace hgc::charts {

struct GcBaseline {
    int stragglers = 0; // the best s
    Evaluation evaluation;
    int evaluated = 0; // how many values of s were evaluated
};

/// The gc (s) with the smallest E[T] (SPEC §6 order: finite first, then the lowest failure
/// probability). Up to 64 workers every s in [0, W-1] is evaluated; above, a coarse grid of
/// 17 values is refined around its best by halving the step (E[T] of gc is unimodal in s
/// in every scenario we know, and W analytic evaluations of a 1000-worker order statistic
/// would take minutes). The search evaluates at a relative accuracy of 1e-3 (or the
/// evaluator's, if coarser); the returned evaluation is the evaluator's own.
GcBaseline bestGc(const AnalyticEvaluator& evaluator, const Progress& progress = {});

/// Orders evaluations as SPEC §6 does: true when `a` is better than `b`.
bool betterEvaluation(const Evaluation& a, const Evaluation& b);

/// A progress that maps [0,1] to [from, to] of `parent`, sharing its cancel flag.
Progress subProgress(const Progress& parent, double from, double to);

} // namespace hgc::charts
