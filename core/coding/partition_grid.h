#pragma once
// How many partitions (K) the data set is cut into and how many of them each node holds.
#include <vector>

namespace hgc {
struct ResolvedScheme;
}

namespace hgc::coding {

struct PartitionGrid {
    int partitions = 0;                         // K
    std::vector<int> edgePieces;                // per active edge: partitions it holds (two-layer)
    std::vector<std::vector<int>> workerPieces; // per active edge, per active worker
    /// Largest relative amount by which rounding raised a node's data above its load
    /// ((held/K - load) / load); 0 when every load is a whole number of partitions.
    double roundingExcess = 0.0;
};

/// The grid for a resolved scheme.
///
/// Uniform hgc, uncoded and gc use K = W: every load is then a whole number of partitions
/// ((s_e+1)(s_w+1), 1 and s+1) and the edge shares are (s_e+1)m_i, so nothing is rounded.
///
/// A general `allocation` is rounded on a finer grid: K runs from W upwards (to at most
/// max(W, min(2000, 20W))) and the first K whose rounding raises no load by more than 1%
/// is taken (else the K with the smallest excess). On a grid, an edge holds
/// P_i = ceil(f_i K) partitions (at most K) and worker j of it ceil(l_ij/f_i · P_i) of the
/// edge's partitions (at most P_i): rounding is always up, so a node computes at least its
/// load, never less. If rounding left the edge layer short of (s_e+1)K in total, or an edge
/// short of (s_i+1)P_i, the pieces furthest below their exact size grow by one partition
/// until the sums hold; with the wrap-around rule this makes every partition held by at
/// least s_e+1 edges and, inside each such edge, by at least s_i+1 of its workers.
PartitionGrid partitionGrid(const ResolvedScheme& scheme);

} // namespace hgc::coding
