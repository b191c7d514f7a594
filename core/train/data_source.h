#pragma once
// The data set named on the command line or picked in the Training tab.
#include <cstdint>
#include <string>

#include "train/dataset.h"

namespace hgc {

/// "synthetic" (the built-in Gaussian mixture, seeded with `seed`), "fashion-mnist" (the
/// Debian package), or a path to MNIST-format IDX files (see loadIdxDataset). The training
/// rows are shuffled with `seed` so that every partition looks like the whole set (IID);
/// train() re-orders them when TrainingOptions::partitioning asks for non-IID partitions.
/// Throws InputError naming the file and the problem.
Dataset loadTrainingData(const std::string& source, std::uint64_t seed);

} // namespace hgc
