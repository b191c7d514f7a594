#pragma once
// Streaming mean and variance of the finite iteration times of one block, and their
// merge (Chan et al.). Merging in block order makes the floating-point result
// independent of which thread ran which block.
#include <cmath>

namespace hgc::mc {

struct BlockStatistics {
    long long finite = 0;   // iterations with T < inf
    long long failures = 0; // iterations with T = inf
    double mean = 0.0;      // of the finite T
    double squares = 0.0;   // sum of squared deviations from mean

    void add(double t) {
        if (std::isinf(t)) {
            ++failures;
            return;
        }
        ++finite;
        const double delta = t - mean;
        mean += delta / static_cast<double>(finite);
        squares += delta * (t - mean);
    }

    void merge(const BlockStatistics& other) {
        failures += other.failures;
        if (other.finite == 0) return;
        const long long total = finite + other.finite;
        const double delta = other.mean - mean;
        const double weight = static_cast<double>(other.finite) / static_cast<double>(total);
        mean += delta * weight;
        squares += other.squares + delta * delta * static_cast<double>(finite) * weight;
        finite = total;
    }

    /// Sample variance of the finite T (0 with fewer than two).
    double variance() const { return finite > 1 ? squares / static_cast<double>(finite - 1) : 0.0; }
};

} // namespace hgc::mc
