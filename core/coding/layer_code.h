#pragma once
// One layer of a gradient code (SPEC §4): a sparse nodes x columns encoding matrix B that
// tolerates `tolerance` non-responding nodes, and its decoder. Node j sends
// sum_k B_jk g_k; for any straggler set S with |S| <= s, decode(S) returns a with a_S = 0
// and a^T B = 1^T, so that sum_j a_j (B g)_j = sum_k g_k.
//
// This header exposes Eigen: include it only where the codes are used.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <Eigen/Dense>

namespace hgc::coding {

/// How the coefficients are chosen.
enum class CoefficientMethod {
    Automatic,  // fractional repetition where it applies, else null space (the stabler first)
    NullSpace,  // SPEC §4's real-valued construction ("random" on the command line): H is a
                // Chebyshev-polynomial basis for small s, else the best of several random
                // draws (see layer_code_builders.cpp)
    Repetition, // fractional repetition: 0/1 coefficients, needs groups of s+1 equal nodes
    Explicit,   // a matrix given by the caller (decoded by a general least-squares solve)
};

struct CodeEntry {
    int column = 0;
    double coefficient = 0.0;
};

struct DecodingVector {
    std::vector<double> weights; // one per node, 0 for stragglers
    double residual = 0.0;       // max_k |sum_j a_j B_jk - 1|
    double condition = 1.0;      // condition number of the system solved (1 when none)
};

class LayerCode {
public:
    /// Largest residual max_k |a^T B - 1|_k accepted as a decode; anything worse is reported
    /// as not decodable. Good codes stay below 1e-9; garbage is O(1).
    static constexpr double kResidualLimit = 1e-6;

    LayerCode() = default;

    /// Coefficients for a support (per node the columns it holds; every column must be held
    /// by at least tolerance+1 nodes). Repetition throws std::invalid_argument when the
    /// support is not made of groups of at least s+1 nodes holding equal column sets.
    static LayerCode build(const std::vector<std::vector<int>>& support, int columns, int tolerance,
                           CoefficientMethod method, std::uint64_t seed);
    /// A given dense matrix, decoded by least squares (e.g. Tandon et al.'s example).
    static LayerCode fromMatrix(const Eigen::MatrixXd& b, int tolerance);
    /// Whether fractional repetition applies to this support and tolerance.
    static bool repetitionApplies(const std::vector<std::vector<int>>& support, int columns,
                                  int tolerance);

    int nodes() const { return static_cast<int>(rows_.size()); }
    int columns() const { return columns_; }
    int tolerance() const { return tolerance_; }
    CoefficientMethod method() const { return method_; }
    const std::vector<CodeEntry>& row(int node) const { return rows_.at(node); }
    double maxAbsCoefficient() const;
    Eigen::MatrixXd dense() const;

    /// The decoding vector for these non-responding nodes (any order, duplicates ignored);
    /// std::nullopt when more than `tolerance` nodes do not respond, or when the solve does
    /// not reproduce 1^T within kResidualLimit. Results are cached per straggler set; safe
    /// to call from several threads.
    std::optional<DecodingVector> decode(std::vector<int> stragglers) const;

    /// max_k |sum_j a_j B_jk - 1|.
    double residual(const std::vector<double>& weights) const;

    /// The null-space decoding vector a = u + H^T lambda, (H_S)^T lambda = -u_S (minimum-norm
    /// lambda), a_S = 0: shared by decoding and by the choice of H.
    static Eigen::VectorXd nullSpaceWeights(const Eigen::MatrixXd& h, const Eigen::VectorXd& u,
                                            const std::vector<int>& stragglers);

private:
    std::optional<DecodingVector> solve(const std::vector<int>& stragglers) const;
    std::optional<DecodingVector> solveNullSpace(const std::vector<int>& stragglers) const;
    std::optional<DecodingVector> solveRepetition(const std::vector<int>& stragglers) const;
    std::optional<DecodingVector> solveLeastSquares(const std::vector<int>& stragglers) const;
    void indexColumns();

    struct Cache {
        std::mutex mutex;
        std::map<std::vector<int>, std::optional<DecodingVector>> entries;
    };

    int columns_ = 0;
    int tolerance_ = 0;
    CoefficientMethod method_ = CoefficientMethod::Explicit;
    std::vector<std::vector<CodeEntry>> rows_;
    std::vector<std::vector<std::pair<int, double>>> columnEntries_; // per column: (node, B_jk)
    Eigen::MatrixXd h_;      // NullSpace: the s x N matrix H with H B = 0 (orthonormal rows)
    Eigen::VectorXd u_;      // NullSpace: the normalising vector, u^T b_k = 1
    std::vector<int> group_; // Repetition: group of each node (-1: holds nothing)
    std::shared_ptr<Cache> cache_ = std::make_shared<Cache>();
};

} // namespace hgc::coding
