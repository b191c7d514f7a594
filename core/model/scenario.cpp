#include "model/scenario.h"

#include <algorithm>
#include <cmath>

#include "util/errors.h"

namespace hgc {

int Scenario::activeEdgeCount() const {
    int n = 0;
    for (int i = 0; i < static_cast<int>(edges.size()); ++i)
        n += activeWorkerCount(i) > 0 ? 1 : 0;
    return n;
}

int Scenario::activeWorkerCount(int edge) const {
    const Edge& e = edges.at(edge);
    if (!e.active) return 0;
    return static_cast<int>(std::count_if(e.workers.begin(), e.workers.end(),
                                          [](const Worker& w) { return w.active; }));
}

int Scenario::activeWorkerCount() const {
    int w = 0;
    for (int i = 0; i < static_cast<int>(edges.size()); ++i)
        w += activeWorkerCount(i);
    return w;
}

int Scenario::minActiveWorkersPerEdge() const {
    int least = 0;
    for (int i = 0; i < static_cast<int>(edges.size()); ++i) {
        if (!edges[i].active) continue;
        int m = activeWorkerCount(i);
        least = least == 0 ? m : std::min(least, m);
    }
    return least;
}

void validate(const Scenario& scenario) {
    if (scenario.edges.empty()) throw InputError("edges", "the scenario needs at least one edge");
    for (std::size_t i = 0; i < scenario.edges.size(); ++i) {
        const Edge& edge = scenario.edges[i];
        const std::string path = "edges[" + std::to_string(i) + "]";
        validate(edge.uplink, path + ".uplink");
        for (std::size_t j = 0; j < edge.workers.size(); ++j) {
            const std::string wpath = path + ".workers[" + std::to_string(j) + "]";
            validate(edge.workers[j].compute, wpath + ".compute");
            validate(edge.workers[j].uplink, wpath + ".uplink");
        }
        if (edge.active && scenario.activeWorkerCount(static_cast<int>(i)) == 0)
            throw InputError(path + ".workers", "an active edge needs at least one active worker");
    }
    if (scenario.activeEdgeCount() == 0)
        throw InputError("edges", "at least one edge must be active");
    if (scenario.simulation.iterations < 1)
        throw InputError("simulation.iterations", "must be >= 1");
    resolve(scenario); // throws on an invalid scheme
}

Scenario makeUniformScenario(int edgeCount, int workersPerEdge) {
    Scenario s;
    s.name = std::to_string(edgeCount) + " x " + std::to_string(workersPerEdge);
    for (int i = 0; i < edgeCount; ++i) {
        Edge e;
        e.name = "edge " + std::to_string(i + 1);
        for (int j = 0; j < workersPerEdge; ++j) {
            Worker w;
            w.name = "w" + std::to_string(i + 1) + "." + std::to_string(j + 1);
            e.workers.push_back(w);
        }
        s.edges.push_back(e);
    }
    return s;
}

} // namespace hgc
