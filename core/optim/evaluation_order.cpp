#include "optim/evaluation_order.h"

#include <cmath>

namespace hgc {
namespace {

/// Ranks (finite?, failure probability, time) lexicographically; returns -1, 0 or 1 for
/// a better, equal or worse, with `margin` the relative slack on the times.
int compare(const Evaluation& a, const Evaluation& b, double margin) {
    const bool af = std::isfinite(a.expectedRuntime), bf = std::isfinite(b.expectedRuntime);
    if (af != bf) return af ? -1 : 1;
    if (af) {
        if (a.expectedRuntime < b.expectedRuntime * (1.0 - margin)) return -1;
        if (b.expectedRuntime < a.expectedRuntime * (1.0 - margin)) return 1;
        return 0;
    }
    if (a.failureProbability < b.failureProbability * (1.0 - margin)) return -1;
    if (b.failureProbability < a.failureProbability * (1.0 - margin)) return 1;
    if (a.conditionalRuntime < b.conditionalRuntime * (1.0 - margin)) return -1;
    if (b.conditionalRuntime < a.conditionalRuntime * (1.0 - margin)) return 1;
    return 0;
}

} // namespace

bool betterEvaluation(const Evaluation& a, const Evaluation& b) {
    return compare(a, b, 0.0) < 0;
}

bool clearlyBetterEvaluation(const Evaluation& a, const Evaluation& b, double relativeMargin) {
    return compare(a, b, relativeMargin) < 0;
}

} // namespace hgc
