#include "train/data_partitioning.h"

#include <algorithm>
#include <numeric>

namespace hgc {

std::string_view partitioningId(DataPartitioning partitioning) {
    return partitioning == DataPartitioning::ByLabel ? "by-label" : "iid";
}

std::optional<DataPartitioning> parsePartitioning(std::string_view id) {
    if (id == "iid") return DataPartitioning::Iid;
    if (id == "by-label") return DataPartitioning::ByLabel;
    return std::nullopt;
}

namespace {

LabelledSamples sortedByLabel(const LabelledSamples& t, std::size_t features) {
    std::vector<int> order(t.count);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return t.labels[a] < t.labels[b]; });
    LabelledSamples out;
    out.count = t.count;
    out.features.resize(t.features.size());
    out.labels.resize(t.count);
    for (int r = 0; r < t.count; ++r) {
        std::copy_n(t.features.begin() + static_cast<std::size_t>(order[r]) * features, features,
                    out.features.begin() + static_cast<std::size_t>(r) * features);
        out.labels[r] = t.labels[order[r]];
    }
    return out;
}

} // namespace

void sortTrainingSetByLabel(Dataset& dataset) {
    dataset.train = sortedByLabel(dataset.train, dataset.features);
}

Dataset arrangedCopy(const Dataset& dataset, DataPartitioning partitioning) {
    if (partitioning == DataPartitioning::Iid) return dataset;
    Dataset out;
    out.name = dataset.name;
    out.features = dataset.features;
    out.classes = dataset.classes;
    out.test = dataset.test;
    out.testOrigin = dataset.testOrigin;
    out.train = sortedByLabel(dataset.train, dataset.features);
    return out;
}

} // namespace hgc
