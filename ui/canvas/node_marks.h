#pragma once
// What the canvas shows about each node besides its name: its load and whether it is
// noticeably slow, straggles, or can fail. "Slow" is a display heuristic (a mean delay at
// least 1.5 times the median of its peers), not part of the model.
#include <vector>

#include "model/scenario.h"

namespace hgc::ui {

struct NodeMarks {
    double load = 0.0;         // worker: l_ij; edge: share f_i; 0 when inactive
    double relativeLoad = 0.0; // load divided by the largest load of its kind, in [0, 1]
    bool slow = false;
    bool straggles = false; // straggle modifier with p > 0
    bool fails = false;     // failure probability > 0
    int waitFor = 0;        // edge: k_i
    int activeWorkers = 0;  // edge: m_i
};

struct ScenarioMarks {
    std::vector<NodeMarks> edges;
    std::vector<std::vector<NodeMarks>> workers;
    bool schemeValid = false;
    int masterWaitFor = 0; // k_e (or W - s for gc)
    int activeEdges = 0;
    bool flat = false;   // gc: the master waits for worker messages
    int workerCount = 0; // W
};

inline constexpr double kSlowFactor = 1.5;

ScenarioMarks computeMarks(const Scenario& scenario);

} // namespace hgc::ui
