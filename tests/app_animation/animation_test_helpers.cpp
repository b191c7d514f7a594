#include "animation_test_helpers.h"

namespace hgc::test {

Scenario stragglingScenario(bool withFailures) {
    Scenario s = makeUniformScenario(4, 5);
    s.edges[1].workers.pop_back();
    s.edges[3].workers[2].active = false;
    for (std::size_t i = 0; i < s.edges.size(); ++i) {
        s.edges[i].uplink = Distribution::shiftedExponential(0.2 * (i + 1), 3)
                                .withFailure(withFailures && i == 2 ? 0.1 : 0.0);
        for (std::size_t j = 0; j < s.edges[i].workers.size(); ++j)
            s.edges[i].workers[j].compute = Distribution::shiftedExponential(5 + j, 0.2)
                                                .withStraggle(0.2, 5)
                                                .withFailure(withFailures && j == 0 ? 0.05 : 0);
    }
    s.scheme = Scheme::hgc(1, 1);
    s.simulation.seed = 11;
    return s;
}

Scenario largeScenario(int edges, int workers) {
    Scenario s = makeUniformScenario(edges, workers);
    for (Edge& e : s.edges)
        for (Worker& w : e.workers)
            w.compute = Distribution::shiftedExponential(10, 0.1).withStraggle(0.1, 5);
    s.scheme = Scheme::hgc(1, 1);
    return s;
}

std::optional<QPointF> treePosition(const Scenario& s, int edge, int worker) {
    constexpr double kWorkerStep = 60.0, kEdgeGap = 40.0;
    std::vector<double> left;
    double x = 0.0;
    for (const Edge& e : s.edges) {
        left.push_back(x);
        x += std::max<std::size_t>(e.workers.size(), 2) * kWorkerStep + kEdgeGap;
    }
    if (edge < 0) return QPointF(x / 2, 0);
    if (edge >= int(s.edges.size())) return std::nullopt;
    const double width = std::max<std::size_t>(s.edges[edge].workers.size(), 2) * kWorkerStep;
    if (worker < 0) return QPointF(left[edge] + width / 2, 160);
    if (worker >= int(s.edges[edge].workers.size())) return std::nullopt;
    return QPointF(left[edge] + kWorkerStep / 2 + worker * kWorkerStep, 320);
}

} // namespace hgc::test
