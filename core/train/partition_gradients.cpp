#include "train/partition_gradients.h"

namespace hgc {

std::vector<Eigen::Index> evenPartitionBounds(Eigen::Index rows, int partitions) {
    std::vector<Eigen::Index> bounds(partitions + 1);
    for (int k = 0; k <= partitions; ++k)
        bounds[k] = rows * k / partitions;
    return bounds;
}

void partitionGradients(const SoftmaxModel& model, const SampleView& samples,
                        const RowMatrix& residual, const std::vector<Eigen::Index>& bounds,
                        RowMatrix& out) {
    const int partitions = static_cast<int>(bounds.size()) - 1;
    out.resize(partitions, model.parameterCount());
    for (int k = 0; k < partitions; ++k)
        model.segmentGradient(samples, residual, bounds[k], bounds[k + 1], out.row(k));
}

} // namespace hgc
