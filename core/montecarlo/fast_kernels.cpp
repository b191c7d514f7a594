#include "montecarlo/fast_kernels.h"

#include <limits>

#include "montecarlo/cpu_dispatch.h"

namespace hgc::mc {
namespace {

HGC_KERNEL_BODY void affineExponentialBody(const std::uint64_t* __restrict bits,
                                           const double* __restrict offset,
                                           const double* __restrict slope, double* __restrict out,
                                           std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = offset[i] + slope[i] * exponentialFromBits(bits[i]);
}

HGC_KERNEL_BODY void affineUniformBody(const std::uint64_t* __restrict bits,
                                       const double* __restrict offset,
                                       const double* __restrict slope, double* __restrict out,
                                       std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = offset[i] + slope[i] * uniformFromBits(bits[i]);
}

HGC_KERNEL_BODY void applyStraggleBody(const std::uint64_t* __restrict bits,
                                       const double* __restrict probability,
                                       const double* __restrict slowdown, double* __restrict out,
                                       std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] *= uniformFromBits(bits[i]) < probability[i] ? slowdown[i] : 1.0;
}

HGC_KERNEL_BODY void applyFailureBody(const std::uint64_t* __restrict bits,
                                      const double* __restrict probability, double* __restrict out,
                                      std::size_t n) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i)
        out[i] = uniformFromBits(bits[i]) < probability[i] ? inf : out[i];
}

} // namespace

HGC_DISPATCHED(affineExponential,
               (const std::uint64_t* bits, const double* offset, const double* slope, double* out,
                std::size_t n),
               (bits, offset, slope, out, n))
HGC_DISPATCHED(affineUniform,
               (const std::uint64_t* bits, const double* offset, const double* slope, double* out,
                std::size_t n),
               (bits, offset, slope, out, n))
HGC_DISPATCHED(applyStraggle,
               (const std::uint64_t* bits, const double* probability, const double* slowdown,
                double* out, std::size_t n),
               (bits, probability, slowdown, out, n))
HGC_DISPATCHED(applyFailure,
               (const std::uint64_t* bits, const double* probability, double* out, std::size_t n),
               (bits, probability, out, n))

} // namespace hgc::mc
