#include "train/dataset.h"

#include <algorithm>
#include <utility>

#include "util/errors.h"
#include "util/random.h"

namespace hgc {
namespace {

constexpr double kNoise = 0.25;

void fill(LabelledSamples& out, int count, const std::vector<double>& centres, int features,
          int classes, double spread, Rng& rng) {
    out.count = count;
    out.features.resize(static_cast<std::size_t>(count) * features);
    out.labels.resize(count);
    for (int r = 0; r < count; ++r) {
        const int label = static_cast<int>(rng.next() % static_cast<std::uint64_t>(classes));
        out.labels[r] = label;
        for (int f = 0; f < features; ++f)
            out.features[static_cast<std::size_t>(r) * features + f] =
                centres[static_cast<std::size_t>(label) * features + f] +
                spread * kNoise * rng.normal();
    }
}

} // namespace

Dataset makeSyntheticDataset(const SyntheticOptions& o) {
    if (o.classes < 2) throw InputError("synthetic", "needs at least 2 classes");
    if (o.features < 1 || o.trainCount < 1 || o.testCount < 1)
        throw InputError("synthetic", "features and sample counts must be at least 1");
    Rng rng(o.seed, 0x73796e7468ULL); // "synth": its own stream, apart from the delay draws
    Dataset d;
    d.name = "synthetic";
    d.features = o.features;
    d.classes = o.classes;
    std::vector<double> centres(static_cast<std::size_t>(o.classes) * o.features);
    for (double& c : centres)
        c = rng.uniform();
    fill(d.train, o.trainCount, centres, o.features, o.classes, o.spread, rng);
    fill(d.test, o.testCount, centres, o.features, o.classes, o.spread, rng);
    d.testOrigin = "drawn from the same mixture";
    return d;
}

void shuffleTrainingSet(Dataset& dataset, std::uint64_t seed) {
    Rng rng(seed, 0x73687566ULL); // "shuf"
    LabelledSamples& t = dataset.train;
    const std::size_t d = dataset.features;
    for (int i = t.count - 1; i > 0; --i) {
        const int j = static_cast<int>(rng.next() % static_cast<std::uint64_t>(i + 1));
        if (j == i) continue;
        std::swap_ranges(t.features.begin() + i * d, t.features.begin() + (i + 1) * d,
                         t.features.begin() + j * d);
        std::swap(t.labels[i], t.labels[j]);
    }
}

} // namespace hgc
