#pragma once
// The CDF of one iteration's time T (SPEC §3) on a uniform grid, for one resolved scheme.
// Internal to the analytic evaluator; analytic.h is the public face.
//
// Two-layer schemes: per edge, the workers' arrival CDFs F_Y on the edge's grid, the
// edge's k_i-th order statistic A_i by the count DP, E_i = A_i + V_i by binned convolution
// (a shift when V_i is a point), and T as the k_e-th order statistic of the E_i.
//
// gc: the master waits for W - s of the messages Y_ij + V_i. Messages of one edge share
// V_i, so they are not independent; given V_i they are. So per edge we compute the
// distribution of the number N_i(t) of its late workers on the edge's grid, then average
// over V_i by the same convolution (P(N_i(t) = c) = E[P(#{Y_ij > t - V_i} = c)]); the N_i
// of different edges are independent and their sum is the number of late messages.
#include <vector>

#include "count_distribution.h"
#include "model/scenario.h"
#include "model/scheme.h"

namespace hgc::analytic {

/// t_k = origin + k * step for k < count.
struct Grid {
    double origin = 0.0;
    double step = 1.0;
    int count = 0;
};

class IterationCdf {
public:
    /// Keeps references into `scenario`: it must outlive this object.
    IterationCdf(const Scenario& scenario, const ResolvedScheme& scheme);

    /// P(T = t) = 0 below this time (the grid starts here).
    double lowerBound() const { return lower_; }
    /// A time by which T has arrived unless some delay is beyond its 1 - tailMass quantile:
    /// the first guess of the grid's end.
    double upperGuess(double tailMass) const;
    /// Power-law exponent of P(T > t) (tail_exponent.h).
    double tailExponent() const { return tailExponent_; }

    /// How many worker CDFs are computed once per grid for several edges.
    int sharedWorkerCdfs() const { return sharedCount_; }

    /// out[k] = P(T <= t_k) for k < grid.count, out[grid.count] = P(T < inf).
    /// Not thread-safe: it keeps the edges' arrival CDFs of the last grid, so that a grid
    /// of twice the resolution on the same range (the evaluator's refinement) computes them
    /// at its new points only when they are pointwise (every worker uplink a point).
    void evaluate(const Grid& grid, std::vector<double>& out) const;

    /// Whether the last evaluate() took the previous grid's points over (for tests).
    bool reusedLastGrid() const { return reused_; }

private:
    struct WorkerGroup {
        const Distribution* compute;
        const Distribution* uplink;
        double load;
        int count;
        // Index into the shared arrays when a group with the same delays, load and edge
        // uplink lower bound (so the same grid) appears on another edge; else -1.
        int shared = -1;
    };
    struct EdgeModel {
        const Distribution* uplink;
        std::vector<WorkerGroup> groups;
        int workers = 0;
        int waitFor = 0;
        int sameAs = -1; // an earlier edge with the same delays and waitFor
    };

    void shareAcrossEdges();
    /// The edge's count items: its groups' arrival CDFs on the grid shifted by the edge
    /// uplink's lower bound, in `own` or, for shared groups, in `shared` (computed once
    /// per grid).
    std::vector<CountItem> workerCdfs(const EdgeModel& e, const Grid& grid, double edgeShift,
                                      std::vector<std::vector<double>>& own,
                                      std::vector<std::vector<double>>& shared) const;
    void evaluateTwoLayer(const Grid& grid, std::vector<double>& out) const;
    void evaluateFlat(const Grid& grid, std::vector<double>& out) const;

    /// The edges' arrival CDFs (before the edge uplink) on `arrivalGrid_`, when pointwise.
    void edgeArrivals(const Grid& grid, std::vector<std::vector<double>>& arrivals) const;

    std::vector<EdgeModel> edges_;
    bool pointwiseArrivals_ = false; // every worker uplink is a point
    mutable Grid arrivalGrid_;
    mutable std::vector<std::vector<double>> arrivals_; // per edge, grid.count + 1 values
    mutable bool reused_ = false;
    int sharedCount_ = 0; // number of distinct shared worker CDFs
    bool flat_ = false;
    int masterWaitFor_ = 0;
    int workerCount_ = 0;
    double lower_ = 0.0;
    double tailExponent_ = 0.0;
};

} // namespace hgc::analytic
