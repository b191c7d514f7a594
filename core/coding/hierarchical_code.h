#pragma once
// The real two-layer gradient code of a scenario's scheme (SPEC §4): the partitions every
// worker holds, the coefficients it combines them with, and the decoding at the edges and
// at the master. Uniform hgc, allocation and uncoded are two-layer; gc is one layer over
// all workers, with edges only relaying.
//
// Worker (i,j) sends z_ij = sum_k C^(i)_jk B^e_ik g_k. Edge i decodes y_i = sum_k B^e_ik g_k
// from any k_i of its workers; the master decodes sum_k g_k from any k_e edges.
//
// This header exposes Eigen: include it only where the codes are used.
#include <cstdint>
#include <optional>
#include <vector>

#include <Eigen/Dense>

#include "coding/layer_code.h"
#include "coding/straggler_pattern.h"
#include "model/scheme.h"

namespace hgc {
struct Scenario;
}

namespace hgc::coding {

struct CodeOptions {
    CoefficientMethod coefficients = CoefficientMethod::Automatic;
    std::uint64_t seed = 1;
};

/// What one worker computes.
struct WorkerCode {
    int edge = 0;                     // index in ResolvedScheme::edges
    int worker = 0;                   // index in ResolvedEdge::workers
    int scenarioEdge = 0;             // index in Scenario::edges
    int scenarioWorker = 0;           // index in Scenario::edges[scenarioEdge].workers
    std::vector<int> partitions;      // ascending
    std::vector<double> coefficients; // per partition: C^(i)_jk · B^e_ik (gc: B_jk)
};

struct DecodeOutcome {
    Eigen::RowVectorXd sum;     // the decoded sum_k g_k
    double relativeError = 0.0; // |sum_k g_k - decoded| / |sum_k g_k|
    PatternDecoding decoding;
};

class HierarchicalCode {
public:
    /// Throws InputError when the scheme does not fit the topology (from hgc::resolve) or
    /// when fractional repetition is asked for where it does not apply.
    static HierarchicalCode build(const Scenario& scenario, const CodeOptions& options = {});
    static HierarchicalCode build(const ResolvedScheme& scheme, const CodeOptions& options = {});

    const ResolvedScheme& scheme() const { return scheme_; }
    bool flat() const { return scheme_.flat; }
    int partitions() const { return partitions_; } // K
    int edgeCount() const { return static_cast<int>(scheme_.edges.size()); }
    int workerCount(int edge) const {
        return static_cast<int>(scheme_.edges.at(edge).workers.size());
    }
    int totalWorkers() const { return scheme_.workerCount; }
    /// Position of worker (edge, worker) in edge-major order (the row of encode()).
    int workerIndex(int edge, int worker) const { return offsets_.at(edge) + worker; }
    /// Largest relative load increase caused by rounding to the partition grid.
    double roundingExcess() const { return roundingExcess_; }

    /// Two-layer: B^e, one row per active edge, columns = partitions. gc: the flat code,
    /// one row per worker in edge-major order.
    const LayerCode& edgeLayer() const { return edgeLayer_; }
    /// Two-layer: C^(i) of an active edge; its columns are edgePartitions(edge). gc: empty.
    const LayerCode& workerLayer(int edge) const { return workerLayers_.at(edge); }
    /// Partitions held by an active edge, in wrap-around order (two-layer; gc: the union of
    /// its workers').
    const std::vector<int>& edgePartitions(int edge) const { return edgePartitions_.at(edge); }
    const std::vector<WorkerCode>& workers() const { return workers_; } // edge-major order
    const WorkerCode& worker(int edge, int worker) const {
        return workers_.at(workerIndex(edge, worker));
    }
    int maxPartitionsPerWorker() const;
    /// Largest |coefficient| a worker applies (combined, both layers).
    double maxAbsCoefficient() const;

    /// The decoding vectors for a pattern; std::nullopt when it is beyond what the scheme
    /// tolerates (more than s_e failed edges counting edges with too many stragglers; gc:
    /// more than s non-responding workers) or when a decode fails its residual check.
    std::optional<PatternDecoding> decode(const StragglerPattern& pattern) const;

    /// Every worker's message for per-partition gradients (K x d): one row per worker,
    /// edge-major. Sparse: a worker touches only the partitions it holds.
    Eigen::MatrixXd encode(const Eigen::MatrixXd& gradients) const;
    /// The decoded sum from messages (as from encode; rows of workers with weight 0 are
    /// never read), composed as SPEC §4: each edge forms y_i, the master combines them.
    Eigen::RowVectorXd decodeMessages(const Eigen::MatrixXd& messages,
                                      const PatternDecoding& decoding) const;
    /// Encodes (only the workers that are used), decodes and measures the relative error.
    std::optional<DecodeOutcome> run(const Eigen::MatrixXd& gradients,
                                     const StragglerPattern& pattern) const;

private:
    void buildAssignment(const CodeOptions& options);
    std::optional<PatternDecoding> decodeTwoLayer(const StragglerPattern& pattern) const;
    std::optional<PatternDecoding> decodeFlat(const StragglerPattern& pattern) const;
    /// Worker w's message from transposed gradients (d x K: each partition's gradient is a
    /// contiguous column, so a message is a sum of contiguous vectors).
    static Eigen::VectorXd message(const WorkerCode& w, const Eigen::MatrixXd& transposedGradients);

    ResolvedScheme scheme_;
    int partitions_ = 0;
    double roundingExcess_ = 0.0;
    std::vector<int> offsets_;
    LayerCode edgeLayer_;
    std::vector<LayerCode> workerLayers_;
    std::vector<std::vector<int>> edgePartitions_;
    std::vector<WorkerCode> workers_;
};

} // namespace hgc::coding
