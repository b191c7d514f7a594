#include "model/scheme.h"

#include <algorithm>
#include <cmath>

#include "model/scenario.h"
#include "util/errors.h"

namespace hgc {
namespace {

// Shares and loads are typed by people and written by optimisers; sums that miss a
// bound by rounding noise only must not be refused.
constexpr double kSlack = 1e-9;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

void requireNonNegative(int value, const std::string& path) {
    if (value < 0) throw InputError(path, "must be >= 0 (got " + std::to_string(value) + ")");
}

/// Active edges with their active workers, loads not yet set.
std::vector<ResolvedEdge> activeEdges(const Scenario& scenario) {
    std::vector<ResolvedEdge> edges;
    for (int i = 0; i < static_cast<int>(scenario.edges.size()); ++i) {
        const Edge& e = scenario.edges[i];
        if (!e.active) continue;
        ResolvedEdge r;
        r.edge = i;
        for (int j = 0; j < static_cast<int>(e.workers.size()); ++j)
            if (e.workers[j].active) r.workers.push_back(j);
        if (r.workers.empty()) continue;
        edges.push_back(std::move(r));
    }
    if (edges.empty())
        throw InputError("edges", "at least one edge with an active worker is needed");
    return edges;
}

void resolveUniformTwoLayer(ResolvedScheme& r, int se, int sw) {
    const int n = static_cast<int>(r.edges.size());
    const int W = r.workerCount;
    requireNonNegative(se, "scheme.edge_stragglers");
    requireNonNegative(sw, "scheme.worker_stragglers");
    if (se > n - 1)
        throw InputError("scheme.edge_stragglers",
                         std::to_string(se) + " needs at least " + std::to_string(se + 1) +
                             " active edges (there are " + std::to_string(n) + ")");
    for (const auto& e : r.edges) {
        const int m = static_cast<int>(e.workers.size());
        if (sw > m - 1)
            throw InputError("scheme.worker_stragglers",
                             std::to_string(sw) + " needs at least " + std::to_string(sw + 1) +
                                 " active workers at every active edge (edges[" +
                                 std::to_string(e.edge) + "] has " + std::to_string(m) + ")");
    }
    const double load = static_cast<double>(se + 1) * (sw + 1) / W;
    for (auto& e : r.edges) {
        const int m = static_cast<int>(e.workers.size());
        e.share = static_cast<double>(se + 1) * m / W;
        if (e.share > 1.0 + kSlack)
            throw InputError("scheme.edge_stragglers",
                             std::to_string(se) + " gives edges[" + std::to_string(e.edge) +
                                 "] the share " + num(e.share) +
                                 " = (s_e+1)m_i/W > 1: it holds too many of the workers");
        e.tolerance = sw;
        e.waitFor = m - sw;
        e.loads.assign(e.workers.size(), load);
    }
    r.edgeTolerance = se;
    r.masterWaitFor = n - se;
}

void resolveAllocation(ResolvedScheme& r, const Scenario& scenario, const Scheme& scheme) {
    const int n = static_cast<int>(r.edges.size());
    const int se = scheme.edgeStragglers;
    requireNonNegative(se, "scheme.edge_stragglers");
    if (se > n - 1)
        throw InputError("scheme.edge_stragglers",
                         std::to_string(se) + " needs at least " + std::to_string(se + 1) +
                             " active edges (there are " + std::to_string(n) + ")");
    if (scheme.edges.size() != scenario.edges.size())
        throw InputError("scheme.edges", "has " + std::to_string(scheme.edges.size()) +
                                             " entries; the scenario has " +
                                             std::to_string(scenario.edges.size()) + " edges");
    double shareSum = 0.0;
    for (auto& e : r.edges) {
        const EdgeAllocation& a = scheme.edges[e.edge];
        const std::string path = "scheme.edges[" + std::to_string(e.edge) + "]";
        const int m = static_cast<int>(e.workers.size());
        if (!(a.share > 0.0 && a.share <= 1.0 + kSlack))
            throw InputError(path + ".share", "must be in (0, 1] (got " + num(a.share) + ")");
        requireNonNegative(a.stragglers, path + ".stragglers");
        if (a.stragglers > m - 1)
            throw InputError(path + ".stragglers",
                             std::to_string(a.stragglers) + " needs at least " +
                                 std::to_string(a.stragglers + 1) +
                                 " active workers (the edge has " + std::to_string(m) + ")");
        const auto& allWorkers = scenario.edges[e.edge].workers;
        if (a.loads.size() != allWorkers.size())
            throw InputError(path + ".loads", "has " + std::to_string(a.loads.size()) +
                                                  " entries; the edge has " +
                                                  std::to_string(allWorkers.size()) + " workers");
        double loadSum = 0.0;
        for (int j : e.workers) {
            const double l = a.loads[j];
            if (!(l > 0.0 && l <= a.share * (1.0 + kSlack)))
                throw InputError(path + ".loads[" + std::to_string(j) + "]",
                                 "must be in (0, share = " + num(a.share) + "] (got " + num(l) +
                                     ")");
            e.loads.push_back(l);
            loadSum += l;
        }
        if (loadSum < (a.stragglers + 1) * a.share * (1.0 - kSlack))
            throw InputError(path + ".loads", "sum to " + num(loadSum) +
                                                  " < (stragglers+1) x share = " +
                                                  num((a.stragglers + 1) * a.share) +
                                                  ": some data would not survive " +
                                                  std::to_string(a.stragglers) + " stragglers");
        e.share = a.share;
        e.tolerance = a.stragglers;
        e.waitFor = m - a.stragglers;
        shareSum += a.share;
    }
    if (shareSum < (se + 1) * (1.0 - kSlack))
        throw InputError("scheme.edges", "active shares sum to " + num(shareSum) +
                                             " < edge_stragglers+1 = " + std::to_string(se + 1) +
                                             ": some data would not survive " + std::to_string(se) +
                                             " edge stragglers");
    r.edgeTolerance = se;
    r.masterWaitFor = n - se;
}

void resolveGc(ResolvedScheme& r, int s) {
    const int W = r.workerCount;
    requireNonNegative(s, "scheme.stragglers");
    if (s > W - 1)
        throw InputError("scheme.stragglers",
                         std::to_string(s) + " needs at least " + std::to_string(s + 1) +
                             " active workers (there are " + std::to_string(W) + ")");
    const double load = static_cast<double>(s + 1) / W;
    for (auto& e : r.edges) {
        const int m = static_cast<int>(e.workers.size());
        e.loads.assign(m, load);
        e.share = std::min(1.0, load * m);
        e.tolerance = 0;
        e.waitFor = m;
    }
    r.flat = true;
    r.edgeTolerance = s;
    r.masterWaitFor = W - s;
}

} // namespace

std::string_view schemeTypeName(SchemeType type) {
    switch (type) {
    case SchemeType::Uncoded:
        return "uncoded";
    case SchemeType::Hgc:
        return "hgc";
    case SchemeType::Allocation:
        return "allocation";
    case SchemeType::Gc:
        return "gc";
    }
    return "uncoded";
}

SchemeType schemeTypeByName(std::string_view name) {
    for (auto t : {SchemeType::Uncoded, SchemeType::Hgc, SchemeType::Allocation, SchemeType::Gc})
        if (schemeTypeName(t) == name) return t;
    throw InputError("", "unknown scheme type '" + std::string(name) +
                             "' (known: uncoded, hgc, allocation, gc)");
}

std::string schemeLabel(const Scheme& s) {
    switch (s.type) {
    case SchemeType::Uncoded:
        return "uncoded";
    case SchemeType::Hgc:
        return "hgc (s_e=" + std::to_string(s.edgeStragglers) +
               ", s_w=" + std::to_string(s.workerStragglers) + ")";
    case SchemeType::Gc:
        return "gc (s=" + std::to_string(s.stragglers) + ")";
    case SchemeType::Allocation:
        return "allocation (s_e=" + std::to_string(s.edgeStragglers) + ")";
    }
    return "";
}

double ResolvedScheme::maxLoad() const {
    double most = 0.0;
    for (const auto& e : edges)
        for (double l : e.loads)
            most = std::max(most, l);
    return most;
}

int ResolvedScheme::edgeMessages(int resolvedEdge) const {
    const auto& e = edges.at(resolvedEdge);
    return flat ? static_cast<int>(e.workers.size()) : e.waitFor;
}

ResolvedScheme resolve(const Scenario& scenario, const Scheme& scheme) {
    ResolvedScheme r;
    r.type = scheme.type;
    r.edges = activeEdges(scenario);
    for (const auto& e : r.edges)
        r.workerCount += static_cast<int>(e.workers.size());
    switch (scheme.type) {
    case SchemeType::Uncoded:
        resolveUniformTwoLayer(r, 0, 0);
        break;
    case SchemeType::Hgc:
        resolveUniformTwoLayer(r, scheme.edgeStragglers, scheme.workerStragglers);
        break;
    case SchemeType::Allocation:
        resolveAllocation(r, scenario, scheme);
        break;
    case SchemeType::Gc:
        resolveGc(r, scheme.stragglers);
        break;
    }
    return r;
}

ResolvedScheme resolve(const Scenario& scenario) {
    return resolve(scenario, scenario.scheme);
}

double loadLowerBound(int edgeStragglers, int workerStragglers, int workerCount) {
    return static_cast<double>(edgeStragglers + 1) * (workerStragglers + 1) / workerCount;
}

} // namespace hgc
