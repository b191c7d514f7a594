#include "train/softmax_model.h"

#include <cmath>

namespace hgc {

SoftmaxModel::SoftmaxModel(int features, int classes, double l2)
    : features_(features), classes_(classes), l2_(l2),
      params_(RowMatrix::Zero(classes, features + 1)) {}

double SoftmaxModel::forward(const SampleView& samples, RowMatrix& residual) const {
    const Eigen::Index n = samples.count();
    residual.resize(n, classes_);
    residual.noalias() = samples.features * params_.leftCols(features_).transpose();
    residual.rowwise() += params_.col(features_).transpose();
    double summed = 0.0;
    for (Eigen::Index r = 0; r < n; ++r) {
        auto row = residual.row(r);
        const int label = samples.labels[r];
        const double top = row.maxCoeff();
        const double shiftedLabelLogit = row(label) - top;
        row.array() = (row.array() - top).exp();
        const double total = row.sum();
        // -log softmax_label = log(sum exp(z - top)) - (z_label - top), stable for any logits.
        summed += std::log(total) - shiftedLabelLogit;
        row /= total;
        row(label) -= 1.0;
    }
    return summed;
}

void SoftmaxModel::segmentGradient(const SampleView& samples, const RowMatrix& residual,
                                   Eigen::Index begin, Eigen::Index end,
                                   Eigen::Ref<Eigen::RowVectorXd> out) const {
    Eigen::Map<RowMatrix> g(out.data(), classes_, features_ + 1);
    const Eigen::Index len = end - begin;
    if (len <= 0) {
        g.setZero();
        return;
    }
    const auto r = residual.middleRows(begin, len);
    g.leftCols(features_).noalias() = r.transpose() * samples.features.middleRows(begin, len);
    g.col(features_) = r.colwise().sum().transpose();
}

double SoftmaxModel::loss(double summedCrossEntropy, Eigen::Index n) const {
    const double penalty = l2_ > 0 ? 0.5 * l2_ * params_.leftCols(features_).squaredNorm() : 0.0;
    return summedCrossEntropy / static_cast<double>(n) + penalty;
}

Eigen::RowVectorXd SoftmaxModel::gradient(const Eigen::RowVectorXd& summedDataGradient,
                                          Eigen::Index n) const {
    Eigen::RowVectorXd g = summedDataGradient / static_cast<double>(n);
    if (l2_ > 0) {
        Eigen::Map<RowMatrix> gm(g.data(), classes_, features_ + 1);
        gm.leftCols(features_) += l2_ * params_.leftCols(features_);
    }
    return g;
}

Eigen::RowVectorXd SoftmaxModel::fullGradient(const SampleView& samples, double* lossOut) const {
    RowMatrix residual;
    const double summed = forward(samples, residual);
    if (lossOut) *lossOut = loss(summed, samples.count());
    Eigen::RowVectorXd g(parameterCount());
    segmentGradient(samples, residual, 0, samples.count(), g);
    return gradient(g, samples.count());
}

double SoftmaxModel::lossOn(const SampleView& samples) const {
    RowMatrix residual;
    return loss(forward(samples, residual), samples.count());
}

double SoftmaxModel::accuracy(const SampleView& samples) const {
    if (samples.count() == 0) return 0.0;
    RowMatrix logits = samples.features * params_.leftCols(features_).transpose();
    logits.rowwise() += params_.col(features_).transpose();
    int correct = 0;
    for (Eigen::Index r = 0; r < logits.rows(); ++r) {
        Eigen::Index best = 0;
        logits.row(r).maxCoeff(&best);
        correct += best == samples.labels[r];
    }
    return static_cast<double>(correct) / static_cast<double>(samples.count());
}

void SoftmaxModel::step(const Eigen::RowVectorXd& gradient, double stepSize, double momentum,
                        Eigen::RowVectorXd& velocity) {
    if (velocity.size() != gradient.size()) velocity = Eigen::RowVectorXd::Zero(gradient.size());
    velocity = momentum * velocity + gradient;
    Eigen::Map<Eigen::RowVectorXd>(params_.data(), params_.size()) -= stepSize * velocity;
}

} // namespace hgc
