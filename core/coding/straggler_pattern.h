#pragma once
// Who did not respond in one iteration, and which decoding vectors the edges and the master
// used as a result. Indices are those of hgc::ResolvedScheme: edges index
// ResolvedScheme::edges (active edges in file order), workers index ResolvedEdge::workers
// (the active workers of that edge). Light header, no Eigen: the animation can hold these.
#include <vector>

namespace hgc::coding {

struct StragglerPattern {
    /// Per active edge, the positions of its non-responding workers (missing trailing edges
    /// mean "none").
    std::vector<std::vector<int>> workers;
    /// Non-responding active edges (two-layer: the master does not hear from them; gc: all
    /// their workers' relayed messages are lost).
    std::vector<int> edges;
};

struct PatternDecoding {
    bool flat = false;
    /// Edges the master did without: the non-responding ones, and any edge that could not
    /// decode because more than s_i of its workers did not respond. Sorted.
    std::vector<int> failedEdges;
    /// Two-layer: per active edge the decoding vector over its workers (0 for stragglers);
    /// empty for a failed edge. Empty for gc.
    std::vector<std::vector<double>> edgeWeights;
    /// Two-layer: per active edge the master's weight of y_i (0 for failed edges).
    /// gc: per worker in edge-major order (the master decodes the workers directly).
    std::vector<double> masterWeights;
    /// Per active edge and worker: the total weight of the worker's message in the decoded
    /// sum (edge weight times master weight; gc: the master weight).
    std::vector<std::vector<double>> workerWeights;
    double residual = 0.0;  // worst max_k |a^T B - 1| over the decodes used
    double condition = 1.0; // worst condition number over the decodes used
};

} // namespace hgc::coding
