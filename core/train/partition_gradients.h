#pragma once
// The per-partition gradients a scheme's workers combine (SPEC §4, §9): the training rows
// cut into K consecutive ranges, each range's summed gradient computed once, as one row of
// a K x C(d+1) matrix. Internal to core/train (Eigen).
#include <vector>

#include "train/softmax_model.h"

namespace hgc {

/// K + 1 row boundaries: partition k is rows [bounds[k], bounds[k+1]), sizes differing by
/// at most one (floor(k n / K)).
std::vector<Eigen::Index> evenPartitionBounds(Eigen::Index rows, int partitions);

/// Row k = summed data gradient of partition k, from the residual of one forward pass over
/// all rows: one GEMM per partition, no sample visited twice.
void partitionGradients(const SoftmaxModel& model, const SampleView& samples,
                        const RowMatrix& residual, const std::vector<Eigen::Index>& bounds,
                        RowMatrix& out);

} // namespace hgc
