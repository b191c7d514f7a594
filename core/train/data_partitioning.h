#pragma once
// How the training rows are spread over the partitions (SPEC §9). Partitions are consecutive
// row ranges, so the order of the rows decides what each worker, hence each edge, holds.
// Shuffled rows (IID) give every partition a sample of the whole set; rows sorted by label
// give each partition few classes, as in edge learning where every edge serves its own
// users: then a baseline that keeps dropping the same slow edge keeps dropping the same
// classes, while the exact codes still recover the full gradient.
#include <optional>
#include <string_view>

#include "train/dataset.h"

namespace hgc {

enum class DataPartitioning {
    Iid,     // the rows as loaded (loadTrainingData shuffles them)
    ByLabel, // rows sorted by label, stable: consecutive partitions hold few classes each
};

/// "iid" or "by-label": the spelling of `--partition` and of the JSON output.
std::string_view partitioningId(DataPartitioning partitioning);
/// The inverse of partitioningId; std::nullopt for anything else.
std::optional<DataPartitioning> parsePartitioning(std::string_view id);

/// Sorts the training rows by label, keeping the order of rows with the same label (in
/// place; the test set is untouched).
void sortTrainingSetByLabel(Dataset& dataset);

/// A copy of `dataset` whose training rows are ordered for `partitioning`: ByLabel sorts
/// them as sortTrainingSetByLabel does, Iid keeps the order. The rows are copied once.
Dataset arrangedCopy(const Dataset& dataset, DataPartitioning partitioning);

} // namespace hgc
