#pragma once
// Proof by decoding (SPEC §4, `hgc scheme --verify`): random gradients are encoded once and
// decoded under every straggler pattern within tolerance (or a sample of them), and the
// worst relative error is reported.
#include <cstdint>

#include "coding/straggler_pattern.h"

namespace hgc {
struct Progress;
}

namespace hgc::coding {

class HierarchicalCode;

struct VerifyOptions {
    long long patterns = 2000;          // sampled patterns when there are too many for all
    long long exhaustiveLimit = 100000; // every pattern is checked when there are at most this many
    int dimension = 16;                 // gradient length
    std::uint64_t seed = 1;
    double errorLimit = 1e-9; // a verify passes when every error is at most this
};

struct VerifyReport {
    long long patternsChecked = 0;
    bool exhaustive = false;
    double tolerablePatterns = 0.0; // how many patterns are within tolerance
    long long undecodable = 0;      // patterns within tolerance that did not decode (a defect)
    double worstRelativeError = 0.0;
    StragglerPattern worstPattern;
    double worstResidual = 0.0;     // worst max_k |a^T B - 1| over every decode
    double worstCondition = 1.0;    // worst condition number of a decoding solve
    double maxDecodingWeight = 0.0; // largest |weight| a worker's message was given
    double maxCoefficient = 0.0;    // largest |coefficient| a worker applies
    int maxPartitionsPerWorker = 0;
    int partitions = 0;
    double errorLimit = 1e-9;
    bool passed() const { return undecodable == 0 && worstRelativeError <= errorLimit; }
};

/// Gradients are standard normal (K x dimension, seeded). Patterns: all of them when there
/// are at most exhaustiveLimit, else worstLookingPatterns() and then random ones, `patterns`
/// in all. Throws hgc::Cancelled when `progress` asks to stop.
VerifyReport verify(const HierarchicalCode& code, const VerifyOptions& options = {},
                    const Progress* progress = nullptr);

} // namespace hgc::coding
