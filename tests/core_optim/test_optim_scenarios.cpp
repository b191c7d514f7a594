#include "test_optim_scenarios.h"

namespace hgc::test {

Scenario heterogeneousScenario(const std::vector<double>& edgeSlowdown,
                               const std::vector<std::vector<double>>& workerSlowdown,
                               double spread) {
    Scenario s;
    s.name = "optimiser test";
    for (std::size_t i = 0; i < edgeSlowdown.size(); ++i) {
        Edge e;
        e.name = "edge " + std::to_string(i + 1);
        e.uplink = Distribution::shiftedExponential(0.2, 5.0);
        for (std::size_t j = 0; j < workerSlowdown[i].size(); ++j) {
            const double f = edgeSlowdown[i] * workerSlowdown[i][j];
            Worker w;
            w.name = "w" + std::to_string(i + 1) + "." + std::to_string(j + 1);
            w.compute = Distribution::shiftedExponential((1.0 - spread) * 10.0 * f,
                                                         1.0 / (spread * 10.0 * f));
            w.uplink = Distribution::deterministic(0.05);
            e.workers.push_back(w);
        }
        s.edges.push_back(e);
    }
    return s;
}

Scenario mixedScenario() {
    Scenario s = heterogeneousScenario({1.0, 1.0, 3.0}, {{1.0, 4.0}, {1.0, 1.5}, {1.0, 1.0, 1.2}});
    for (auto& w : s.edges[1].workers)
        w.compute = w.compute.withStraggle(0.1, 4.0);
    return s;
}

Scenario clusterScenario() {
    Scenario s = heterogeneousScenario(
        {1.0, 1.5, 2.0, 3.0},
        {{1.0, 1.5, 2.5, 4.0}, {1.0, 1.0, 2.0, 3.0}, {1.0, 1.2, 1.4, 4.0}, {1.0, 2.0, 2.0, 2.0}});
    for (auto& w : s.edges[1].workers)
        w.compute = w.compute.withStraggle(0.1, 5.0);
    s.edges[2].workers[1].compute = s.edges[2].workers[1].compute.withFailure(0.02);
    return s;
}

Scenario flakyEdgeUplinkScenario() {
    using D = Distribution;
    auto worker = [](const D& compute) {
        Worker w;
        w.name = "w";
        w.compute = compute;
        w.uplink = D::deterministic(0.2);
        return w;
    };
    Edge a, b, c;
    a.name = "a";
    a.uplink = D::uniform(0.14, 0.55);
    a.workers = {worker(D::exponential(0.03)), worker(D::exponential(0.055)),
                 worker(D::shiftedExponential(42.7, 0.0285)), worker(D::exponential(0.036))};
    b.name = "b";
    b.uplink = D::deterministic(0.49);
    b.workers = {worker(D::uniform(8.2, 29.8))};
    c.name = "c";
    c.uplink = D::deterministic(3.3).withStraggle(0.18, 9.8);
    c.workers = {worker(D::uniform(13.4, 55.2)), worker(D::deterministic(42.4)),
                 worker(D::shiftedExponential(60.9, 0.0215)), worker(D::exponential(0.036))};
    Scenario s;
    s.name = "flaky edge uplink";
    s.edges = {a, b, c};
    return s;
}

} // namespace hgc::test
