#include "tail_exponent.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "model/scenario.h"

namespace hgc::analytic {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Sum of the `count` smallest of `values` (count <= values.size()).
double sumOfSmallest(std::vector<double> values, int count) {
    std::sort(values.begin(), values.end());
    double sum = 0.0;
    for (int i = 0; i < count; ++i)
        sum += values[i];
    return sum;
}

std::vector<double> workerExponents(const Scenario& scenario, const ResolvedEdge& e) {
    std::vector<double> out;
    for (int j : e.workers) {
        const Worker& w = scenario.edges[e.edge].workers[j];
        out.push_back(std::min(tailExponent(w.compute), tailExponent(w.uplink)));
    }
    return out;
}

} // namespace

double tailExponent(const Distribution& d) {
    return d.kind == DistributionKind::Pareto ? d.params[1] : kInf;
}

double iterationTailExponent(const Scenario& scenario, const ResolvedScheme& scheme) {
    if (!scheme.flat) {
        std::vector<double> edges;
        for (const auto& e : scheme.edges) {
            const int late = static_cast<int>(e.workers.size()) - e.waitFor + 1;
            const double a = sumOfSmallest(workerExponents(scenario, e), late);
            edges.push_back(std::min(a, tailExponent(scenario.edges[e.edge].uplink)));
        }
        return sumOfSmallest(edges, static_cast<int>(edges.size()) - scheme.masterWaitFor + 1);
    }
    const int needLate = scheme.workerCount - scheme.masterWaitFor + 1;
    std::vector<double> best(needLate + 1, kInf); // cheapest exponent for c late messages (capped)
    best[0] = 0.0;
    for (const auto& e : scheme.edges) {
        auto workers = workerExponents(scenario, e);
        std::sort(workers.begin(), workers.end());
        const double edgeExponent = tailExponent(scenario.edges[e.edge].uplink);
        std::vector<double> cost(workers.size() + 1, 0.0);
        double sum = 0.0;
        for (std::size_t c = 1; c <= workers.size(); ++c) {
            sum += workers[c - 1];
            cost[c] = std::min(edgeExponent, sum);
        }
        std::vector<double> next = best;
        for (int have = 0; have <= needLate; ++have) {
            if (best[have] == kInf) continue;
            for (std::size_t c = 1; c <= workers.size(); ++c) {
                const int total = std::min<int>(needLate, have + static_cast<int>(c));
                next[total] = std::min(next[total], best[have] + cost[c]);
            }
        }
        best = std::move(next);
    }
    return best[needLate];
}

} // namespace hgc::analytic
