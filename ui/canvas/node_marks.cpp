#include "canvas/node_marks.h"

#include <algorithm>
#include <cmath>

#include "util/errors.h"

namespace hgc::ui {

namespace {

double median(std::vector<double> v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }),
            v.end());
    if (v.empty()) return 0.0;
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

void markDistribution(NodeMarks& m, const Distribution& d, double typical) {
    m.straggles = d.straggleProbability > 0.0 && d.straggleSlowdown > 1.0;
    m.fails = d.failureProbability > 0.0;
    const double mean = d.finiteMean();
    m.slow = typical > 0.0 && (!std::isfinite(mean) || mean >= kSlowFactor * typical);
}

} // namespace

ScenarioMarks computeMarks(const Scenario& scenario) {
    ScenarioMarks marks;
    const int n = static_cast<int>(scenario.edges.size());
    marks.edges.resize(n);
    marks.workers.resize(n);
    std::vector<double> edgeMeans, workerMeans;
    for (const Edge& e : scenario.edges) {
        edgeMeans.push_back(e.uplink.finiteMean());
        for (const Worker& w : e.workers)
            workerMeans.push_back(w.compute.finiteMean());
    }
    const double typicalEdge = median(edgeMeans), typicalWorker = median(workerMeans);
    for (int i = 0; i < n; ++i) {
        const Edge& e = scenario.edges[i];
        markDistribution(marks.edges[i], e.uplink, typicalEdge);
        marks.workers[i].resize(e.workers.size());
        for (std::size_t j = 0; j < e.workers.size(); ++j)
            markDistribution(marks.workers[i][j], e.workers[j].compute, typicalWorker);
    }
    try {
        const ResolvedScheme r = resolve(scenario);
        marks.schemeValid = true;
        marks.masterWaitFor = r.masterWaitFor;
        marks.activeEdges = static_cast<int>(r.edges.size());
        marks.flat = r.flat;
        marks.workerCount = r.workerCount;
        double maxShare = 0.0, maxLoad = 0.0;
        for (const ResolvedEdge& re : r.edges) {
            marks.edges[re.edge].load = re.share;
            marks.edges[re.edge].waitFor = re.waitFor;
            marks.edges[re.edge].activeWorkers = static_cast<int>(re.workers.size());
            maxShare = std::max(maxShare, re.share);
            for (std::size_t k = 0; k < re.workers.size(); ++k) {
                marks.workers[re.edge][re.workers[k]].load = re.loads[k];
                maxLoad = std::max(maxLoad, re.loads[k]);
            }
        }
        for (int i = 0; i < n; ++i) {
            if (maxShare > 0) marks.edges[i].relativeLoad = marks.edges[i].load / maxShare;
            for (NodeMarks& w : marks.workers[i])
                if (maxLoad > 0) w.relativeLoad = w.load / maxLoad;
        }
    } catch (const InputError&) {
        marks.schemeValid = false;
    }
    return marks;
}

} // namespace hgc::ui
