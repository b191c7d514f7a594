#include "document/allocation_balance.h"

#include "optim/allocation_heuristics.h"

namespace hgc::ui {

namespace {

// Means only: the buttons balance what a person reasons with; the optimiser (Optimise…)
// is the place that weighs the tails.
constexpr double kRisk = 0.0;
// The smallest load water-filling may give, relative to an equal split (as in core/optim).
constexpr double kFloorFraction = 1e-6;

std::vector<int> activeWorkers(const Edge& edge) {
    std::vector<int> out;
    for (int j = 0; j < static_cast<int>(edge.workers.size()); ++j)
        if (edge.workers[j].active) out.push_back(j);
    return out;
}

/// `balanced` with the entries of inactive nodes taken from `current`, so that switching a
/// node back on finds the numbers the user left there.
Scheme keepInactiveEntries(const Scenario& s, Scheme balanced) {
    for (std::size_t i = 0; i < s.edges.size(); ++i) {
        const EdgeAllocation& old = s.scheme.edges[i];
        EdgeAllocation& a = balanced.edges[i];
        if (!s.edges[i].active || activeWorkers(s.edges[i]).empty()) {
            a = old;
            continue;
        }
        for (std::size_t j = 0; j < s.edges[i].workers.size() && j < old.loads.size(); ++j)
            if (!s.edges[i].workers[j].active) a.loads[j] = old.loads[j];
    }
    return balanced;
}

bool isAllocation(const Scenario& s) {
    return s.scheme.type == SchemeType::Allocation && s.scheme.edges.size() == s.edges.size();
}

} // namespace

Scheme balancedLoads(const Scenario& s) {
    Scheme scheme = s.scheme;
    if (!isAllocation(s)) return scheme;
    for (std::size_t i = 0; i < s.edges.size() && i < scheme.edges.size(); ++i) {
        const Edge& edge = s.edges[i];
        const std::vector<int> workers = activeWorkers(edge);
        if (!edge.active || workers.empty()) continue;
        EdgeAllocation& a = scheme.edges[i];
        if (a.loads.size() != edge.workers.size()) continue;
        std::vector<double> slope, offset;
        for (int j : workers) {
            slope.push_back(optim::computeCost(edge.workers[j], kRisk));
            offset.push_back(optim::uplinkDelay(edge.workers[j].uplink, kRisk));
        }
        const double need = (a.stragglers + 1.0) * a.share;
        const std::vector<double> loads = optim::waterFill(
            slope, offset, need, a.share, kFloorFraction * need / double(workers.size()));
        for (std::size_t k = 0; k < workers.size(); ++k)
            a.loads[workers[k]] = loads[k];
    }
    return scheme;
}

Scheme balancedAllocation(const Scenario& s) {
    if (!isAllocation(s)) return s.scheme;
    std::vector<int> tolerances;
    for (const EdgeAllocation& a : s.scheme.edges)
        tolerances.push_back(a.stragglers);
    const optim::AllocationShape shape =
        optim::neutralShape(s, s.scheme.edgeStragglers, tolerances, kRisk);
    return keepInactiveEntries(s, optim::waterFillAllocation(s, shape));
}

} // namespace hgc::ui
