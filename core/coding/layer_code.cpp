#include "coding/layer_code.h"

#include <algorithm>
#include <cmath>

namespace hgc::coding {
namespace {

/// Cached decoding vectors take at most about this many doubles per layer.
constexpr std::size_t kCacheDoubles = 4'000'000;

/// Condition number of a small dense matrix (largest over smallest singular value); for
/// large ones the ratio of the extreme diagonal entries of a rank-revealing QR, a cheaper
/// estimate of the same order.
double conditionNumber(const Eigen::MatrixXd& m) {
    if (m.size() == 0) return 1.0;
    if (std::min(m.rows(), m.cols()) <= 64) {
        Eigen::JacobiSVD<Eigen::MatrixXd> svd(m);
        const auto& sv = svd.singularValues();
        const double smallest = sv(sv.size() - 1);
        return smallest > 0.0 ? sv(0) / smallest : INFINITY;
    }
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(m);
    const auto diag = qr.matrixQR().diagonal().cwiseAbs();
    const double smallest = diag(diag.size() - 1);
    return smallest > 0.0 ? diag(0) / smallest : INFINITY;
}

} // namespace

double LayerCode::maxAbsCoefficient() const {
    double most = 0.0;
    for (const auto& row : rows_)
        for (const auto& e : row)
            most = std::max(most, std::abs(e.coefficient));
    return most;
}

Eigen::MatrixXd LayerCode::dense() const {
    Eigen::MatrixXd b = Eigen::MatrixXd::Zero(nodes(), columns_);
    for (int j = 0; j < nodes(); ++j)
        for (const auto& e : rows_[j])
            b(j, e.column) = e.coefficient;
    return b;
}

void LayerCode::indexColumns() {
    columnEntries_.assign(columns_, {});
    for (int j = 0; j < nodes(); ++j)
        for (const auto& e : rows_[j])
            columnEntries_[e.column].emplace_back(j, e.coefficient);
}

LayerCode LayerCode::fromMatrix(const Eigen::MatrixXd& b, int tolerance) {
    LayerCode code;
    code.columns_ = static_cast<int>(b.cols());
    code.tolerance_ = tolerance;
    code.method_ = CoefficientMethod::Explicit;
    code.rows_.resize(b.rows());
    for (int j = 0; j < b.rows(); ++j)
        for (int k = 0; k < b.cols(); ++k)
            if (b(j, k) != 0.0) code.rows_[j].push_back({k, b(j, k)});
    code.indexColumns();
    return code;
}

double LayerCode::residual(const std::vector<double>& weights) const {
    double worst = 0.0;
    for (const auto& column : columnEntries_) {
        double sum = 0.0;
        for (const auto& [node, coefficient] : column)
            sum += weights[node] * coefficient;
        worst = std::max(worst, std::abs(sum - 1.0));
    }
    return std::isnan(worst) ? INFINITY : worst;
}

std::optional<DecodingVector> LayerCode::decode(std::vector<int> stragglers) const {
    std::sort(stragglers.begin(), stragglers.end());
    stragglers.erase(std::unique(stragglers.begin(), stragglers.end()), stragglers.end());
    for (int j : stragglers)
        if (j < 0 || j >= nodes()) return std::nullopt;
    if (static_cast<int>(stragglers.size()) > tolerance_) return std::nullopt;
    {
        std::lock_guard lock(cache_->mutex);
        auto it = cache_->entries.find(stragglers);
        if (it != cache_->entries.end()) return it->second;
    }
    auto result = solve(stragglers);
    if (result && !(result->residual <= kResidualLimit)) result.reset();
    std::lock_guard lock(cache_->mutex);
    if (cache_->entries.size() < std::max<std::size_t>(64, kCacheDoubles / std::max(1, nodes())))
        cache_->entries.emplace(stragglers, result);
    return result;
}

std::optional<DecodingVector> LayerCode::solve(const std::vector<int>& stragglers) const {
    switch (method_) {
    case CoefficientMethod::NullSpace:
        return solveNullSpace(stragglers);
    case CoefficientMethod::Repetition:
        return solveRepetition(stragglers);
    default:
        return solveLeastSquares(stragglers);
    }
}

// SPEC §4: a = u + H^T lambda with (H_S)^T lambda = -u_S. For |S| < s the system is underdetermined
// and the minimum-norm lambda is taken: H has orthonormal rows, so |H^T lambda| = |lambda| and this
// is the decoding vector closest to u, the one that amplifies rounding least.
Eigen::VectorXd LayerCode::nullSpaceWeights(const Eigen::MatrixXd& h, const Eigen::VectorXd& u,
                                            const std::vector<int>& stragglers) {
    Eigen::VectorXd a = u;
    if (stragglers.empty()) return a;
    Eigen::MatrixXd hs(stragglers.size(), h.rows());
    for (std::size_t t = 0; t < stragglers.size(); ++t)
        hs.row(t) = h.col(stragglers[t]).transpose();
    Eigen::VectorXd us(stragglers.size());
    for (std::size_t t = 0; t < stragglers.size(); ++t)
        us(t) = u(stragglers[t]);
    const Eigen::VectorXd lambda =
        Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>(hs).solve(-us);
    a.noalias() += h.transpose() * lambda;
    for (int j : stragglers)
        a(j) = 0.0;
    return a;
}

std::optional<DecodingVector> LayerCode::solveNullSpace(const std::vector<int>& stragglers) const {
    DecodingVector out;
    const Eigen::VectorXd a = nullSpaceWeights(h_, u_, stragglers);
    out.weights.assign(a.data(), a.data() + a.size());
    if (!stragglers.empty()) {
        Eigen::MatrixXd hs(stragglers.size(), h_.rows());
        for (std::size_t t = 0; t < stragglers.size(); ++t)
            hs.row(t) = h_.col(stragglers[t]).transpose();
        out.condition = conditionNumber(hs);
    }
    out.residual = residual(out.weights);
    return out;
}

// Fractional repetition: every group of equal nodes holds a disjoint block of columns with
// coefficient 1; the first responding member of each group forwards its block.
std::optional<DecodingVector> LayerCode::solveRepetition(const std::vector<int>& stragglers) const {
    DecodingVector out;
    out.weights.assign(nodes(), 0.0);
    std::vector<char> covered;
    for (int j = 0; j < nodes(); ++j) {
        const int g = group_[j];
        if (g < 0 || std::binary_search(stragglers.begin(), stragglers.end(), j)) continue;
        if (g >= static_cast<int>(covered.size())) covered.resize(g + 1, 0);
        if (covered[g]) continue;
        covered[g] = 1;
        out.weights[j] = 1.0;
    }
    out.residual = residual(out.weights);
    return out;
}

// Any matrix: the minimum-norm solution of B_R^T a_R = 1 over the responding nodes R.
std::optional<DecodingVector>
LayerCode::solveLeastSquares(const std::vector<int>& stragglers) const {
    std::vector<int> responders;
    for (int j = 0; j < nodes(); ++j)
        if (!std::binary_search(stragglers.begin(), stragglers.end(), j)) responders.push_back(j);
    Eigen::MatrixXd system = Eigen::MatrixXd::Zero(columns_, responders.size());
    for (std::size_t c = 0; c < responders.size(); ++c)
        for (const auto& e : rows_[responders[c]])
            system(e.column, c) = e.coefficient;
    Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(system);
    const Eigen::VectorXd solution = cod.solve(Eigen::VectorXd::Ones(columns_));
    DecodingVector out;
    out.weights.assign(nodes(), 0.0);
    for (std::size_t c = 0; c < responders.size(); ++c)
        out.weights[responders[c]] = solution(c);
    out.residual = residual(out.weights);
    if (cod.rank() > 0) {
        const auto diag = cod.matrixQTZ().diagonal().head(cod.rank()).cwiseAbs();
        out.condition = diag.maxCoeff() / diag.minCoeff();
    }
    return out;
}

} // namespace hgc::coding
