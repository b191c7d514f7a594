#include "output.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace hgc::cli {

std::string formatValue(double v) {
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string describeScheme(const Scheme& s) {
    if (s.type != SchemeType::Allocation || s.edges.empty()) return schemeLabel(s);
    int low = 1 << 30, high = -1;
    for (const auto& e : s.edges)
        low = std::min(low, e.stragglers), high = std::max(high, e.stragglers);
    return "allocation (s_e=" + std::to_string(s.edgeStragglers) + ", edge tolerances " +
           std::to_string(low) + (high != low ? ".." + std::to_string(high) : "") + ")";
}

std::string describeTopology(const Scenario& s) {
    int workers = 0;
    for (const auto& e : s.edges)
        workers += static_cast<int>(e.workers.size());
    return std::to_string(s.edges.size()) + " edges (" + std::to_string(s.activeEdgeCount()) +
           " active), " + std::to_string(workers) + " workers (" +
           std::to_string(s.activeWorkerCount()) + " active)";
}

Json quantilesJson(const Quantiles& q) {
    return {
        {"p50", numberOrNull(q.p50)}, {"p95", numberOrNull(q.p95)}, {"p99", numberOrNull(q.p99)}};
}

Json evaluationJson(const Evaluation& e) {
    Json j;
    j["expected_runtime"] = numberOrNull(e.expectedRuntime);
    j["conditional_expected_runtime"] = numberOrNull(e.conditionalRuntime);
    j["quantiles"] = quantilesJson(e.quantiles);
    j["failure_probability"] = e.failureProbability;
    return j;
}

void printJson(const Json& j) {
    std::cout << j.dump(2) << std::endl;
}

} // namespace hgc::cli
