#include "document/heterogeneity.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "util/random.h"

namespace hgc::ui {

Distribution scaledDistribution(const Distribution& d, double factor) {
    Distribution s = d;
    switch (d.kind) {
    case DistributionKind::Deterministic:
    case DistributionKind::Pareto:
        s.params[0] *= factor;
        break; // value; scale
    case DistributionKind::Uniform:
        s.params = {d.params[0] * factor, d.params[1] * factor};
        break;
    case DistributionKind::Exponential:
        s.params[0] /= factor;
        break; // rate
    case DistributionKind::ShiftedExponential:
        s.params = {d.params[0] * factor, d.params[1] / factor};
        break;
    case DistributionKind::Lognormal:
        s.params[0] += std::log(factor);
        break; // mu
    }
    return s;
}

NodeRefs heterogeneityTargets(const Scenario& scenario, const NodeRefs& selection) {
    std::set<NodeRef> targets;
    const int n = static_cast<int>(scenario.edges.size());
    auto addEdge = [&](int i) {
        for (int j = 0; j < static_cast<int>(scenario.edges[i].workers.size()); ++j)
            targets.insert(NodeRef::ofWorker(i, j));
    };
    if (selection.isEmpty()) {
        for (int i = 0; i < n; ++i)
            addEdge(i);
    }
    for (const NodeRef& r : selection) {
        if (r.isEdge())
            addEdge(r.edge);
        else if (r.isWorker())
            targets.insert(r);
    }
    return NodeRefs(targets.begin(), targets.end());
}

std::vector<Distribution> generateHeterogeneity(const Scenario& scenario, const NodeRefs& targets,
                                                const HeterogeneityParams& params) {
    Rng rng(params.seed, 0x4e7e);
    const int count = static_cast<int>(targets.size());
    // Pick exactly round(share * count) stragglers: a seeded Fisher-Yates prefix.
    std::vector<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    for (int k = count - 1; k > 0; --k)
        std::swap(order[k],
                  order[static_cast<int>(rng.next() % static_cast<std::uint64_t>(k + 1))]);
    const int stragglers = static_cast<int>(std::lround(params.stragglerShare * count));
    std::vector<bool> isStraggler(count, false);
    for (int k = 0; k < stragglers; ++k)
        isStraggler[order[k]] = true;

    const double logSpread = std::log(std::max(1.0, params.speedSpread));
    std::vector<Distribution> result;
    result.reserve(count);
    for (int k = 0; k < count; ++k) {
        const NodeRef& r = targets[k];
        const Distribution& base = scenario.edges[r.edge].workers[r.worker].compute;
        double factor = std::exp(rng.uniform() * logSpread);
        if (isStraggler[k]) factor *= params.stragglerSlowdown;
        Distribution d = scaledDistribution(base, factor);
        d.failureProbability = params.failureProbability;
        result.push_back(d);
    }
    return result;
}

} // namespace hgc::ui
