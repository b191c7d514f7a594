#pragma once
// Labelled data for the learning of SPEC §9: a training set and a held-out test set, each
// a row-major matrix of features in [0, 1] (pixels are divided by 255) and a class label
// per row. Plain vectors, so that this header stays cheap to include.
#include <cstdint>
#include <string>
#include <vector>

namespace hgc {

struct LabelledSamples {
    int count = 0;                // rows
    std::vector<double> features; // count x Dataset::features, row-major
    std::vector<int> labels;      // count entries in [0, Dataset::classes)
};

struct Dataset {
    std::string name; // "synthetic", "fashion-mnist", or the images file
    int features = 0; // d
    int classes = 0;  // C
    LabelledSamples train;
    LabelledSamples test;
    std::string testOrigin; // how the test set was obtained, for people
};

struct SyntheticOptions {
    int classes = 10;
    int features = 20;
    int trainCount = 4000;
    int testCount = 1000;
    /// Spread of each class around its centre, relative to the distance between centres:
    /// large enough that the classes overlap and accuracy stays below 100%.
    double spread = 1.5;
    std::uint64_t seed = 1;
};

/// A seeded Gaussian mixture: one centre per class drawn uniformly in [0, 1]^d, samples
/// centre + spread * N(0, 0.25^2 I) (so features lie roughly in [0, 1]); labels uniform.
/// Deterministic per seed. Throws InputError for counts below 1 or fewer than 2 classes.
Dataset makeSyntheticDataset(const SyntheticOptions& options = {});

/// Reorders the training rows by a seeded permutation (in place). Data files are often
/// sorted by class; partitions of consecutive rows must each look like the whole set, or
/// a scheme that drops partitions would be judged on an artefact of the file order.
void shuffleTrainingSet(Dataset& dataset, std::uint64_t seed);

} // namespace hgc
