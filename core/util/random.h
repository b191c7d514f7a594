#pragma once
// Fast, seedable pseudo-random numbers for the simulators.
//
// xoshiro256++ (Blackman & Vigna) is used instead of std::mt19937_64: it is several
// times faster, passes BigCrush, and its 256-bit state is cheap to seed per stream.
// Streams are derived with splitmix64 so that "seed S, stream k" is a pure function of
// (S, k): the Monte Carlo evaluator gives each fixed-size block of iterations its own
// stream, which makes results independent of the thread count.
#include <cmath>
#include <cstdint>

namespace hgc {

inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Rng {
public:
    using result_type = std::uint64_t;

    explicit Rng(std::uint64_t seed = 1, std::uint64_t stream = 0) {
        std::uint64_t sm = seed ^ (0xD1B54A32D192ED03ULL * (stream + 1));
        for (auto& word : s_)
            word = splitmix64(sm);
    }

    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }

    result_type operator()() { return next(); }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    /// Uniform on [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Uniform on (0, 1]: safe to take the logarithm of.
    double uniformPositive() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }

    /// Standard exponential (rate 1) by inversion.
    double exponential() { return -std::log(uniformPositive()); }

    /// Standard normal by the Marsaglia polar method (one value per call; the spare
    /// is dropped so that the stream stays a pure function of the call count).
    double normal() {
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * std::sqrt(-2.0 * std::log(s) / s);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

} // namespace hgc
