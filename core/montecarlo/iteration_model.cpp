#include "montecarlo/iteration_model.h"

#include <algorithm>
#include <string>

#include "montecarlo/order_statistic.h"
#include "util/errors.h"

namespace hgc::mc {
namespace {

[[noreturn]] void mismatch(const std::string& what) {
    throw InputError("scheme", "the resolved scheme does not fit the scenario: " + what);
}

} // namespace

IterationModel::IterationModel(const Scenario& scenario, const ResolvedScheme& scheme)
    : flat_(scheme.flat), masterWaitFor_(scheme.masterWaitFor) {
    std::vector<Distribution> compute, workerUplink, edgeUplink;
    std::vector<double> loads;
    edgeBegin_.push_back(0);
    for (const ResolvedEdge& e : scheme.edges) {
        if (e.edge < 0 || e.edge >= static_cast<int>(scenario.edges.size()))
            mismatch("edge index " + std::to_string(e.edge) + " out of range");
        const Edge& edge = scenario.edges[e.edge];
        const int m = static_cast<int>(e.workers.size());
        if (m < 1 || e.loads.size() != e.workers.size())
            mismatch("edges[" + std::to_string(e.edge) + "] has no workers or no load for each");
        if (!flat_ && (e.waitFor < 1 || e.waitFor > m))
            mismatch("edges[" + std::to_string(e.edge) + "] waits for " +
                     std::to_string(e.waitFor) + " of " + std::to_string(m) + " workers");
        for (int j = 0; j < m; ++j) {
            const int w = e.workers[j];
            if (w < 0 || w >= static_cast<int>(edge.workers.size()))
                mismatch("worker index " + std::to_string(w) + " out of range");
            compute.push_back(edge.workers[w].compute);
            workerUplink.push_back(edge.workers[w].uplink);
            loads.push_back(e.loads[j]);
        }
        edgeUplink.push_back(edge.uplink);
        edgeWaitFor_.push_back(e.waitFor);
        edgeBegin_.push_back(edgeBegin_.back() + m);
    }
    const int answers = flat_ ? workerCount() : static_cast<int>(scheme.edges.size());
    if (answers < 1 || masterWaitFor_ < 1 || masterWaitFor_ > answers)
        mismatch("the master waits for " + std::to_string(masterWaitFor_) + " of " +
                 std::to_string(answers) + " answers");
    const std::size_t W = compute.size(), n = edgeUplink.size();
    compute_ = BatchSampler(std::move(compute), std::move(loads));
    workerUplink_ = BatchSampler(std::move(workerUplink), std::vector<double>(W, 1.0));
    edgeUplink_ = BatchSampler(std::move(edgeUplink), std::vector<double>(n, 1.0));
    uplinkAbsorbed_ = compute_.absorbConstants(workerUplink_);
}

IterationModel::Workspace IterationModel::makeWorkspace() const {
    const std::size_t W = workerCount(), n = edgeWaitFor_.size();
    Workspace ws;
    ws.arrival.resize(W);
    ws.uplink.resize(W);
    ws.edgeDelay.resize(n);
    ws.edgeTime.resize(n);
    ws.bits.resize(std::max(W, n));
    return ws;
}

double IterationModel::sample(RandomSource& random, Workspace& ws) const {
    const int W = workerCount();
    const int n = static_cast<int>(edgeWaitFor_.size());
    double* y = ws.arrival.data();
    compute_.sample(random, y, ws.bits.data());
    if (!uplinkAbsorbed_) {
        workerUplink_.sample(random, ws.uplink.data(), ws.bits.data());
        const double* u = ws.uplink.data();
        for (int j = 0; j < W; ++j)
            y[j] += u[j];
    }
    edgeUplink_.sample(random, ws.edgeDelay.data(), ws.bits.data());
    const double* v = ws.edgeDelay.data();
    if (flat_) {
        // gc: every worker's message is relayed by its edge, which adds V_i.
        for (int i = 0; i < n; ++i)
            for (int j = edgeBegin_[i]; j < edgeBegin_[i + 1]; ++j)
                y[j] += v[i];
        return kthSmallest(y, W, masterWaitFor_);
    }
    double* e = ws.edgeTime.data();
    for (int i = 0; i < n; ++i) {
        const int begin = edgeBegin_[i];
        e[i] = kthSmallest(y + begin, edgeBegin_[i + 1] - begin, edgeWaitFor_[i]) + v[i];
    }
    return kthSmallest(e, n, masterWaitFor_);
}

} // namespace hgc::mc
