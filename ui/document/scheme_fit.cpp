#include "document/scheme_fit.h"

#include <algorithm>

#include "util/errors.h"

namespace hgc::ui {

namespace {

bool resolves(const Scenario& s) {
    try {
        resolve(s);
        return true;
    } catch (const InputError&) {
        return false;
    }
}

/// The largest valid hgc with tolerances no larger than asked for.
std::optional<Scheme> fittedHgc(const Scenario& s, int edgeStragglers, int workerStragglers) {
    const int n = s.activeEdgeCount();
    const int m = s.minActiveWorkersPerEdge();
    if (n < 1 || m < 1) return std::nullopt;
    Scenario trial = s;
    const int sw = std::clamp(workerStragglers, 0, m - 1);
    for (int se = std::clamp(edgeStragglers, 0, n - 1); se >= 0; --se) {
        trial.scheme = Scheme::hgc(se, sw);
        if (resolves(trial)) return trial.scheme;
    }
    return std::nullopt;
}

} // namespace

Scheme allocationFromHgc(const Scenario& scenario, int edgeStragglers, int workerStragglers) {
    Scheme a;
    a.type = SchemeType::Allocation;
    a.edgeStragglers = edgeStragglers;
    const int w = std::max(1, scenario.activeWorkerCount());
    const double load = (edgeStragglers + 1.0) * (workerStragglers + 1.0) / w;
    for (int i = 0; i < static_cast<int>(scenario.edges.size()); ++i) {
        EdgeAllocation e;
        const int m = scenario.activeWorkerCount(i);
        e.share = m > 0 ? std::min(1.0, (edgeStragglers + 1.0) * m / w) : 1.0;
        e.stragglers = m > 0 ? std::min(workerStragglers, m - 1) : 0;
        e.loads.assign(scenario.edges[i].workers.size(), std::min(load, e.share));
        a.edges.push_back(std::move(e));
    }
    return a;
}

std::optional<std::string> fitSchemeToTopology(Scenario& scenario) {
    if (resolves(scenario)) return std::nullopt;
    const Scheme before = scenario.scheme;
    std::optional<Scheme> fitted;
    switch (before.type) {
    case SchemeType::Gc: {
        const int w = scenario.activeWorkerCount();
        if (w >= 1) {
            fitted = Scheme::gc(std::clamp(before.stragglers, 0, w - 1));
            scenario.scheme = *fitted;
            if (!resolves(scenario)) fitted.reset();
        }
        break;
    }
    case SchemeType::Hgc:
        fitted = fittedHgc(scenario, before.edgeStragglers, before.workerStragglers);
        break;
    case SchemeType::Allocation:
        fitted = fittedHgc(scenario, before.edgeStragglers, 0);
        break;
    case SchemeType::Uncoded:
        break;
    }
    scenario.scheme = fitted ? *fitted : Scheme::uncoded();
    return "The scheme " + schemeLabel(before) + " no longer fits the topology; it is now " +
           schemeLabel(scenario.scheme) + ".";
}

} // namespace hgc::ui
