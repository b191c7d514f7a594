#pragma once
// Multinomial logistic regression (softmax with bias) and its gradients, the numerical
// kernel of SPEC §9. Includes Eigen: keep it inside core/train and its tests.
//
// Parameters are a C x (d+1) matrix, row c = [w_c, b_c]. The loss is the mean
// cross-entropy over the training samples plus (l2/2)·|w|² (the bias is not penalised).
// Gradients are returned *flattened*, row-major C x (d+1), so that a partition's gradient
// is one row of a K x C(d+1) matrix as the gradient codes take it.
#include <Eigen/Dense>

#include "train/dataset.h"

namespace hgc {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstRowMap = Eigen::Map<const RowMatrix>;

/// Read-only views of a sample set, no copy.
struct SampleView {
    ConstRowMap features; // n x d
    const std::vector<int>& labels;
    explicit SampleView(const LabelledSamples& s, int featureCount)
        : features(s.features.data(), s.count, featureCount), labels(s.labels) {}
    int count() const { return static_cast<int>(features.rows()); }
};

class SoftmaxModel {
public:
    SoftmaxModel(int features, int classes, double l2 = 0.0);

    int features() const { return features_; }
    int classes() const { return classes_; }
    /// Length of a flattened gradient or parameter vector: C (d + 1).
    Eigen::Index parameterCount() const { return Eigen::Index(classes_) * (features_ + 1); }
    const RowMatrix& parameters() const { return params_; }
    RowMatrix& parameters() { return params_; }

    /// Forward pass over all samples: returns the *summed* cross-entropy and leaves in
    /// `residual` (n x C) softmax probabilities minus one-hot labels, the factor every
    /// gradient needs. One GEMM.
    double forward(const SampleView& samples, RowMatrix& residual) const;

    /// Summed data gradient of rows [begin, end) (without the 1/n and the L2 term) written
    /// flattened into `out` (length parameterCount()). One GEMM.
    void segmentGradient(const SampleView& samples, const RowMatrix& residual, Eigen::Index begin,
                         Eigen::Index end, Eigen::Ref<Eigen::RowVectorXd> out) const;

    /// Mean loss + L2 term from a summed cross-entropy over `n` samples.
    double loss(double summedCrossEntropy, Eigen::Index n) const;
    /// Full gradient from the summed data gradient over `n` samples: / n, + L2 term.
    Eigen::RowVectorXd gradient(const Eigen::RowVectorXd& summedDataGradient, Eigen::Index n) const;

    /// Plain full-batch gradient of the loss (the reference every coded gradient must match).
    Eigen::RowVectorXd fullGradient(const SampleView& samples, double* lossOut = nullptr) const;
    /// The loss alone (one forward pass).
    double lossOn(const SampleView& samples) const;
    /// Fraction of samples whose largest logit is their label.
    double accuracy(const SampleView& samples) const;

    /// params -= step * direction, with `velocity` for momentum (velocity = m v + g).
    void step(const Eigen::RowVectorXd& gradient, double stepSize, double momentum,
              Eigen::RowVectorXd& velocity);

private:
    int features_, classes_;
    double l2_;
    RowMatrix params_; // C x (d+1)
};

} // namespace hgc
