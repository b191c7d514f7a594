#pragma once
// Small scenarios for the analytic evaluator's tests.
#include "model/scenario.h"

namespace hgc::test {

/// `m` workers with the same delays under one edge.
inline Edge makeEdge(int m, const Distribution& compute, const Distribution& workerUplink,
                     const Distribution& edgeUplink) {
    Edge e;
    e.name = "edge";
    e.uplink = edgeUplink;
    for (int j = 0; j < m; ++j) {
        Worker w;
        w.name = "w" + std::to_string(j);
        w.compute = compute;
        w.uplink = workerUplink;
        e.workers.push_back(w);
    }
    return e;
}

inline Scenario makeScenario(std::vector<Edge> edges) {
    Scenario s;
    s.name = "test";
    s.edges = std::move(edges);
    return s;
}

/// Harmonic number H_r.
inline double harmonic(int r) {
    double h = 0.0;
    for (int i = 1; i <= r; ++i)
        h += 1.0 / i;
    return h;
}

} // namespace hgc::test
