#pragma once
// One iteration of SPEC §3 as a function of a random stream: draws every delay of a
// resolved scheme and returns the iteration time T (+inf when it cannot be decoded).
// Built once per evaluation and shared, read-only, by the evaluator's threads; each
// thread brings its own Workspace.
#include <cstdint>
#include <vector>

#include "model/scenario.h"
#include "montecarlo/batch_sampler.h"

namespace hgc::mc {

class IterationModel {
public:
    /// Throws InputError when `scheme` does not fit `scenario` (e.g. resolved elsewhere).
    IterationModel(const Scenario& scenario, const ResolvedScheme& scheme);

    /// Per-thread scratch memory.
    struct Workspace {
        std::vector<double> arrival;   // Y_ij (+ V_i for gc), all active workers in edge order
        std::vector<double> uplink;    // U_ij
        std::vector<double> edgeDelay; // V_i
        std::vector<double> edgeTime;  // E_i
        std::vector<std::uint64_t> bits;
    };
    Workspace makeWorkspace() const;

    /// One iteration's time T.
    double sample(RandomSource& random, Workspace& ws) const;

    int workerCount() const { return static_cast<int>(edgeBegin_.back()); }

private:
    bool flat_ = false;
    int masterWaitFor_ = 0;
    std::vector<int>
        edgeBegin_; // worker range of resolved edge i: [edgeBegin_[i], edgeBegin_[i+1])
    std::vector<int> edgeWaitFor_;
    BatchSampler compute_, workerUplink_, edgeUplink_;
    bool uplinkAbsorbed_ = false; // constant worker uplinks drawn by compute_ (absorbConstants)
};

} // namespace hgc::mc
