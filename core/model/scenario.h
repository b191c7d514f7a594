#pragma once
// The scenario of SPEC §1–3 and §7: topology, delay distributions, scheme, simulation
// settings. Plain values with value semantics, so that the GUI's undo commands can store
// copies and tests can compare with ==.
#include <optional>
#include <string>
#include <vector>

#include "model/distribution.h"
#include "model/scheme.h"
#include "model/unknown_keys.h"

namespace hgc {

struct Position {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const Position&) const = default;
};

struct Worker {
    std::string name;
    std::optional<Position> position; // absent: the canvas lays it out automatically
    bool active = true;
    Distribution compute = Distribution::shiftedExponential(10.0, 0.1);
    Distribution uplink = Distribution::deterministic(0.05);
    UnknownKeys unknown;
    bool operator==(const Worker&) const = default;
};

struct Edge {
    std::string name;
    std::optional<Position> position;
    bool active = true;
    Distribution uplink = Distribution::shiftedExponential(0.2, 5.0);
    std::vector<Worker> workers;
    UnknownKeys unknown;
    bool operator==(const Edge&) const = default;
};

struct SimulationSettings {
    long long iterations = 10000;
    std::uint64_t seed = 1;
    UnknownKeys unknown;
    bool operator==(const SimulationSettings&) const = default;
};

struct Scenario {
    std::string name;
    std::string description;
    std::vector<Edge> edges;
    Scheme scheme;
    SimulationSettings simulation;
    UnknownKeys unknown;
    bool operator==(const Scenario&) const = default;

    // Counts of active nodes (SPEC §1: an inactive edge takes its workers with it).
    int activeEdgeCount() const;
    int activeWorkerCount() const;         // W
    int activeWorkerCount(int edge) const; // m_i, 0 for an inactive edge
    int minActiveWorkersPerEdge() const;   // min over active edges; 0 if none
};

/// Checks every field's range (distributions, names, counts) and the scheme against the
/// topology; throws InputError naming the JSON path of the first problem.
void validate(const Scenario& scenario);

/// A small topology with default distributions: n edges of m workers each, named
/// "edge i" and "wi.j", scheme uncoded.
Scenario makeUniformScenario(int edges, int workersPerEdge);

} // namespace hgc
