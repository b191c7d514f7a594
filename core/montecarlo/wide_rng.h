#pragma once
// Random words for the sampling kernels: kLanes independent xoshiro256++ generators
// stepped together, which the compiler vectorises (about five times the throughput of
// one hgc::Rng). The lanes are seeded from an hgc::Rng, so a WideRng made from
// Rng(seed, block) is, like it, a pure function of (seed, block).
#include <cstddef>
#include <cstdint>

#include "util/random.h"

namespace hgc::mc {

class WideRng {
public:
    static constexpr int kLanes = 8;

    explicit WideRng(Rng& seedSource);

    /// out[0..n) = the next n words of the stream.
    void fill(std::uint64_t* out, std::size_t n);

private:
    alignas(64) std::uint64_t state_[4][kLanes];
    std::uint64_t spare_[kLanes]; // the unused rest of the last step, used first next time
    int spareUsed_ = kLanes;
};

/// The random streams of one block of iterations: `wide` feeds the vectorised kernels,
/// `scalar` the families sampled one value at a time (Distribution::baseSample).
struct RandomSource {
    RandomSource(std::uint64_t seed, std::uint64_t stream) : scalar(seed, stream), wide(scalar) {}
    Rng scalar;
    WideRng wide;
};

} // namespace hgc::mc
