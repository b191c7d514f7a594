#include "coding/hierarchical_code.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "coding/partition_grid.h"
#include "coding/wrap_around.h"
#include "model/scenario.h"
#include "util/errors.h"
#include "util/random.h"

namespace hgc::coding {
namespace {

/// A seed per layer, so that the codes of different edges are independent draws.
std::uint64_t layerSeed(std::uint64_t seed, int layer) {
    std::uint64_t state = seed ^ (0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(layer + 1));
    return splitmix64(state);
}

LayerCode buildLayer(const std::vector<std::vector<int>>& support, int columns, int tolerance,
                     const CodeOptions& options, int layer, const std::string& what) {
    try {
        return LayerCode::build(support, columns, tolerance, options.coefficients,
                                layerSeed(options.seed, layer));
    } catch (const std::invalid_argument& e) {
        throw InputError("scheme", what + ": " + e.what());
    }
}

void checkPattern(const StragglerPattern& pattern, const ResolvedScheme& scheme) {
    const int n = static_cast<int>(scheme.edges.size());
    if (static_cast<int>(pattern.workers.size()) > n)
        throw std::invalid_argument("StragglerPattern: worker lists for more edges than there are");
    for (int i : pattern.edges)
        if (i < 0 || i >= n)
            throw std::invalid_argument("StragglerPattern: edge " + std::to_string(i));
    for (std::size_t i = 0; i < pattern.workers.size(); ++i)
        for (int j : pattern.workers[i])
            if (j < 0 || j >= static_cast<int>(scheme.edges[i].workers.size()))
                throw std::invalid_argument("StragglerPattern: worker " + std::to_string(j) +
                                            " of edge " + std::to_string(i));
}

} // namespace

HierarchicalCode HierarchicalCode::build(const Scenario& scenario, const CodeOptions& options) {
    return build(resolve(scenario), options);
}

HierarchicalCode HierarchicalCode::build(const ResolvedScheme& scheme, const CodeOptions& options) {
    HierarchicalCode code;
    code.scheme_ = scheme;
    int offset = 0;
    for (const auto& e : scheme.edges) {
        code.offsets_.push_back(offset);
        offset += static_cast<int>(e.workers.size());
    }
    code.buildAssignment(options);
    return code;
}

void HierarchicalCode::buildAssignment(const CodeOptions& options) {
    const PartitionGrid grid = partitionGrid(scheme_);
    partitions_ = grid.partitions;
    roundingExcess_ = grid.roundingExcess;
    const int n = edgeCount();
    workers_.clear();
    edgePartitions_.assign(n, {});
    workerLayers_.assign(n, LayerCode{});

    if (scheme_.flat) {
        std::vector<int> sizes;
        for (const auto& row : grid.workerPieces)
            sizes.insert(sizes.end(), row.begin(), row.end());
        const auto support = wrapAround(sizes, partitions_);
        edgeLayer_ = buildLayer(support, partitions_, scheme_.edgeTolerance, options, 0,
                                "the workers of gc");
        for (int i = 0; i < n; ++i) {
            std::vector<char> held(partitions_, 0);
            for (int j = 0; j < workerCount(i); ++j) {
                WorkerCode w;
                w.edge = i;
                w.worker = j;
                w.scenarioEdge = scheme_.edges[i].edge;
                w.scenarioWorker = scheme_.edges[i].workers[j];
                for (const auto& entry : edgeLayer_.row(workerIndex(i, j))) {
                    w.partitions.push_back(entry.column);
                    w.coefficients.push_back(entry.coefficient);
                    held[entry.column] = 1;
                }
                workers_.push_back(std::move(w));
            }
            for (int k = 0; k < partitions_; ++k)
                if (held[k]) edgePartitions_[i].push_back(k);
        }
        return;
    }

    edgePartitions_ = wrapAround(grid.edgePieces, partitions_);
    edgeLayer_ = buildLayer(edgePartitions_, partitions_, scheme_.edgeTolerance, options, 0,
                            "the edge layer");
    for (int i = 0; i < n; ++i) {
        const auto& edge = scheme_.edges[i];
        const auto& mine = edgePartitions_[i];
        const int P = static_cast<int>(mine.size());
        workerLayers_[i] =
            buildLayer(wrapAround(grid.workerPieces[i], P), P, edge.tolerance, options, i + 1,
                       "the workers of edges[" + std::to_string(edge.edge) + "]");
        std::vector<double> edgeCoefficient(partitions_, 0.0);
        for (const auto& entry : edgeLayer_.row(i))
            edgeCoefficient[entry.column] = entry.coefficient;
        for (int j = 0; j < workerCount(i); ++j) {
            WorkerCode w;
            w.edge = i;
            w.worker = j;
            w.scenarioEdge = edge.edge;
            w.scenarioWorker = edge.workers[j];
            std::vector<std::pair<int, double>> terms;
            for (const auto& entry : workerLayers_[i].row(j)) {
                const int k = mine[entry.column];
                terms.emplace_back(k, entry.coefficient * edgeCoefficient[k]);
            }
            std::sort(terms.begin(), terms.end());
            for (const auto& [k, c] : terms) {
                w.partitions.push_back(k);
                w.coefficients.push_back(c);
            }
            workers_.push_back(std::move(w));
        }
    }
}

int HierarchicalCode::maxPartitionsPerWorker() const {
    std::size_t most = 0;
    for (const auto& w : workers_)
        most = std::max(most, w.partitions.size());
    return static_cast<int>(most);
}

double HierarchicalCode::maxAbsCoefficient() const {
    double most = 0.0;
    for (const auto& w : workers_)
        for (double c : w.coefficients)
            most = std::max(most, std::abs(c));
    return most;
}

std::optional<PatternDecoding> HierarchicalCode::decode(const StragglerPattern& pattern) const {
    checkPattern(pattern, scheme_);
    return flat() ? decodeFlat(pattern) : decodeTwoLayer(pattern);
}

std::optional<PatternDecoding>
HierarchicalCode::decodeTwoLayer(const StragglerPattern& pattern) const {
    const int n = edgeCount();
    PatternDecoding out;
    out.edgeWeights.assign(n, {});
    std::vector<char> failed(n, 0);
    for (int i : pattern.edges)
        failed[i] = 1;
    for (int i = 0; i < n; ++i) {
        if (failed[i]) continue;
        static const std::vector<int> none;
        const auto& stragglers =
            i < static_cast<int>(pattern.workers.size()) ? pattern.workers[i] : none;
        auto decoded = workerLayers_[i].decode(stragglers);
        if (!decoded) {
            failed[i] = 1; // too many stragglers: the edge cannot answer
            continue;
        }
        out.edgeWeights[i] = std::move(decoded->weights);
        out.residual = std::max(out.residual, decoded->residual);
        out.condition = std::max(out.condition, decoded->condition);
    }
    for (int i = 0; i < n; ++i)
        if (failed[i]) out.failedEdges.push_back(i);
    auto master = edgeLayer_.decode(out.failedEdges);
    if (!master) return std::nullopt;
    out.masterWeights = std::move(master->weights);
    out.residual = std::max(out.residual, master->residual);
    out.condition = std::max(out.condition, master->condition);
    out.workerWeights.assign(n, {});
    for (int i = 0; i < n; ++i) {
        out.workerWeights[i].assign(workerCount(i), 0.0);
        if (failed[i]) continue;
        for (int j = 0; j < workerCount(i); ++j)
            out.workerWeights[i][j] = out.masterWeights[i] * out.edgeWeights[i][j];
    }
    return out;
}

std::optional<PatternDecoding> HierarchicalCode::decodeFlat(const StragglerPattern& pattern) const {
    const int n = edgeCount();
    std::vector<int> stragglers;
    std::vector<char> failed(n, 0);
    for (int i : pattern.edges)
        failed[i] = 1;
    for (int i = 0; i < n; ++i) {
        if (failed[i]) {
            for (int j = 0; j < workerCount(i); ++j)
                stragglers.push_back(workerIndex(i, j));
        } else if (i < static_cast<int>(pattern.workers.size())) {
            for (int j : pattern.workers[i])
                stragglers.push_back(workerIndex(i, j));
        }
    }
    auto decoded = edgeLayer_.decode(stragglers);
    if (!decoded) return std::nullopt;
    PatternDecoding out;
    out.flat = true;
    for (int i = 0; i < n; ++i)
        if (failed[i]) out.failedEdges.push_back(i);
    out.masterWeights = std::move(decoded->weights);
    out.residual = decoded->residual;
    out.condition = decoded->condition;
    out.workerWeights.assign(n, {});
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < workerCount(i); ++j)
            out.workerWeights[i].push_back(out.masterWeights[workerIndex(i, j)]);
    return out;
}

Eigen::VectorXd HierarchicalCode::message(const WorkerCode& w,
                                          const Eigen::MatrixXd& transposedGradients) {
    Eigen::VectorXd z = Eigen::VectorXd::Zero(transposedGradients.rows());
    for (std::size_t t = 0; t < w.partitions.size(); ++t)
        z.noalias() += w.coefficients[t] * transposedGradients.col(w.partitions[t]);
    return z;
}

Eigen::MatrixXd HierarchicalCode::encode(const Eigen::MatrixXd& gradients) const {
    if (gradients.rows() != partitions_)
        throw std::invalid_argument("encode: " + std::to_string(gradients.rows()) +
                                    " gradient rows for " + std::to_string(partitions_) +
                                    " partitions");
    const Eigen::MatrixXd transposed = gradients.transpose();
    Eigen::MatrixXd messages(workers_.size(), gradients.cols());
    for (std::size_t w = 0; w < workers_.size(); ++w)
        messages.row(w) = message(workers_[w], transposed).transpose();
    return messages;
}

Eigen::RowVectorXd HierarchicalCode::decodeMessages(const Eigen::MatrixXd& messages,
                                                    const PatternDecoding& decoding) const {
    Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(messages.cols());
    for (int i = 0; i < edgeCount(); ++i) {
        if (flat()) {
            for (int j = 0; j < workerCount(i); ++j) {
                const double a = decoding.masterWeights[workerIndex(i, j)];
                if (a != 0.0) sum.noalias() += a * messages.row(workerIndex(i, j));
            }
            continue;
        }
        const double a = decoding.masterWeights[i];
        if (a == 0.0 || decoding.edgeWeights[i].empty()) continue;
        Eigen::RowVectorXd y = Eigen::RowVectorXd::Zero(messages.cols()); // edge i's y_i
        for (int j = 0; j < workerCount(i); ++j) {
            const double w = decoding.edgeWeights[i][j];
            if (w != 0.0) y.noalias() += w * messages.row(workerIndex(i, j));
        }
        sum.noalias() += a * y;
    }
    return sum;
}

std::optional<DecodeOutcome> HierarchicalCode::run(const Eigen::MatrixXd& gradients,
                                                   const StragglerPattern& pattern) const {
    if (gradients.rows() != partitions_)
        throw std::invalid_argument("run: " + std::to_string(gradients.rows()) +
                                    " gradient rows for " + std::to_string(partitions_) +
                                    " partitions");
    auto decoding = decode(pattern);
    if (!decoding) return std::nullopt;
    // Only the messages that carry weight are formed, each edge's y_i from them, then the
    // master's sum (SPEC §4's order); the same arithmetic as decodeMessages().
    const Eigen::MatrixXd transposed = gradients.transpose();
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(gradients.cols());
    for (int i = 0; i < edgeCount(); ++i) {
        if (flat()) {
            for (int j = 0; j < workerCount(i); ++j) {
                const double a = decoding->masterWeights[workerIndex(i, j)];
                if (a != 0.0) sum.noalias() += a * message(workers_[workerIndex(i, j)], transposed);
            }
            continue;
        }
        const double a = decoding->masterWeights[i];
        if (a == 0.0 || decoding->edgeWeights[i].empty()) continue;
        Eigen::VectorXd y = Eigen::VectorXd::Zero(gradients.cols());
        for (int j = 0; j < workerCount(i); ++j) {
            const double w = decoding->edgeWeights[i][j];
            if (w != 0.0) y.noalias() += w * message(workers_[workerIndex(i, j)], transposed);
        }
        sum.noalias() += a * y;
    }
    DecodeOutcome out;
    out.sum = sum.transpose();
    const Eigen::RowVectorXd exact = gradients.colwise().sum();
    const double scale = exact.norm();
    const double error = (exact - out.sum).norm();
    out.relativeError = scale > 0.0 ? error / scale : error;
    out.decoding = std::move(*decoding);
    return out;
}

} // namespace hgc::coding
