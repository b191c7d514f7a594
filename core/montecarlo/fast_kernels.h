#pragma once
// Vectorisable sampling kernels of the Monte Carlo evaluator.
//
// The evaluator draws raw 64-bit words (wide_rng.h) into a buffer first, then turns a
// whole buffer into delays in one loop without calls or branches, which the compiler
// vectorises (cpu_dispatch.h: AVX2 and AVX-512 copies where the processor has them, with
// bit-identical results). Probabilities (straggle, failure) are decided on a 2^-52 grid.
//
// The exponential is -log(u) by inversion with an fdlibm-style logarithm (error below
// one ulp) written in integer and double arithmetic only, so that it vectorises; it has
// exactly the distribution of Rng::exponential() up to rounding (52 instead of 53 bits
// of u, so the largest value is 52 ln 2 = 36.04 instead of 36.74).
#include <bit>
#include <cstddef>
#include <cstdint>

namespace hgc::mc {

/// Uniform on [0, 1) from the top 52 bits of a random word.
inline double uniformFromBits(std::uint64_t bits) {
    return std::bit_cast<double>(0x3FF0000000000000ULL | (bits >> 12)) - 1.0;
}

/// -log(x) for a positive normal double x (fdlibm's reduction to [sqrt(2)/2, sqrt(2)]).
inline double negativeLog(double x) {
    constexpr double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10;
    constexpr double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01,
                     lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01,
                     lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01,
                     lg7 = 1.479819860511658591e-01;
    const std::uint64_t ix =
        std::bit_cast<std::uint64_t>(x) + (0x3FF0000000000000ULL - 0x3FE6A09E00000000ULL);
    // The exponent k as a double without an int->double conversion (which SSE2/AVX2
    // cannot vectorise for 64-bit integers): 2^52 + (k + 1023) has k + 1023 in its
    // mantissa.
    const double k = std::bit_cast<double>(0x4330000000000000ULL | (ix >> 52)) - 4503599627371519.0;
    const double m = std::bit_cast<double>((ix & 0x000FFFFFFFFFFFFFULL) + 0x3FE6A09E00000000ULL);
    const double f = m - 1.0;
    const double hfsq = 0.5 * f * f;
    const double s = f / (2.0 + f);
    const double z = s * s;
    const double w = z * z;
    const double t1 = w * (lg2 + w * (lg4 + w * lg6));
    const double t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
    const double r = t2 + t1;
    return -(s * (hfsq + r) + k * ln2Lo - hfsq + f + k * ln2Hi);
}

/// Standard exponential from a random word: -log(u), u uniform on (0, 1].
inline double exponentialFromBits(std::uint64_t bits) {
    // 2 - [1, 2) is exact and lies in (0, 1].
    return negativeLog(2.0 - std::bit_cast<double>(0x3FF0000000000000ULL | (bits >> 12)));
}

/// out[i] = offset[i] + slope[i] * E_i, E_i standard exponential from bits[i].
void affineExponential(const std::uint64_t* bits, const double* offset, const double* slope,
                       double* out, std::size_t n);
/// out[i] = offset[i] + slope[i] * U_i, U_i uniform on [0, 1) from bits[i].
void affineUniform(const std::uint64_t* bits, const double* offset, const double* slope,
                   double* out, std::size_t n);
/// out[i] *= slowdown[i] with probability probability[i] (decided by bits[i]).
void applyStraggle(const std::uint64_t* bits, const double* probability, const double* slowdown,
                   double* out, std::size_t n);
/// out[i] = +inf with probability probability[i] (decided by bits[i]).
void applyFailure(const std::uint64_t* bits, const double* probability, double* out, std::size_t n);

} // namespace hgc::mc
