#pragma once
// Closed-form starting points for the general allocation, and the "proportional to mean
// speed" baseline it is compared with.
//
// A worker with load l answers after about l a + b, a its compute time for the whole data
// set and b its uplink time. Equal finishing times inside an edge give l_j = (tau - b_j)/a_j
// with tau fixed by sum_j l_j = (s_i+1) f_i: "water-filling", clamped to (0, f_i]. The
// edge then needs about c_i f_i + d_i, c_i = (s_i+1)/sum_j(1/a_j), and the same water-filling
// over the edges (sum_i f_i = s_e+1, f_i <= 1) gives the shares. Both constraints hold
// with equality, as they do at the optimum (more load only makes someone slower).
//
// `risk` in [0, 1] blends the mean (0) with the 90% quantile (1) of each delay, so that a
// worker that straggles now and then is treated as slower than its mean says; a node that
// fails with probability q is counted as 1/(1-q) times slower.
#include <vector>

#include "model/scenario.h"

namespace hgc::optim {

/// An allocation with an entry for every edge and worker of the file, inactive ones included
/// (the file format wants one per node), all shares and loads zero.
Scheme emptyAllocation(const Scenario& scenario, int edgeStragglers);

/// Solves sum_j clamp((tau - offset_j)/slope_j, floor, cap) = total for tau and returns the
/// clamped values. Needs slope_j > 0 and count*floor <= total <= count*cap.
std::vector<double> waterFill(const std::vector<double>& slope, const std::vector<double>& offset,
                              double total, double cap, double floor);

/// The per-unit-load compute time and the fixed delay of a worker for a given risk.
double computeCost(const Worker& worker, double risk);
double uplinkDelay(const Distribution& uplink, double risk);

/// Free parameters of the water-filling allocation for fixed tolerances. Vectors are indexed
/// by the scenario's edges (and workers), inactive ones included (ignored).
struct AllocationShape {
    int edgeStragglers = 0;
    std::vector<int> tolerances;                 // s_i per edge
    std::vector<double> risk;                    // per edge, in [0, 1]
    std::vector<double> edgeTilt;                // per edge: log factor on c_i
    std::vector<std::vector<double>> workerTilt; // per worker: log factor on a_ij
};

/// The shape with every tilt 0, risk `risk` and the given tolerances.
AllocationShape neutralShape(const Scenario& scenario, int edgeStragglers,
                             const std::vector<int>& tolerances, double risk);

/// The `allocation` scheme of a shape (always valid for valid tolerances).
Scheme waterFillAllocation(const Scenario& scenario, const AllocationShape& shape);

/// Baseline: loads proportional to each worker's mean speed 1/E[X_ij], shares proportional
/// to each edge's total mean speed, uplinks ignored, tolerances (s_e, s_w) everywhere.
Scheme proportionalAllocation(const Scenario& scenario, int edgeStragglers, int workerStragglers);

/// Active workers of `edge` ordered from the weakest (largest failure probability first,
/// then the largest mean delay at an equal load).
std::vector<int> workersWeakestFirst(const Scenario& scenario, int edge);

} // namespace hgc::optim
