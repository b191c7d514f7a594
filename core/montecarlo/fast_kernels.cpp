#include "montecarlo/fast_kernels.h"

#include <limits>

namespace hgc::mc {
namespace {

// The loop bodies, inlined into a plain and an AVX2 copy below.
#define HGC_KERNEL_ATTRIBUTES [[gnu::always_inline]] inline

HGC_KERNEL_ATTRIBUTES void affineExponentialBody(const std::uint64_t* __restrict bits,
                                                 const double* __restrict offset,
                                                 const double* __restrict slope,
                                                 double* __restrict out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = offset[i] + slope[i] * exponentialFromBits(bits[i]);
}

HGC_KERNEL_ATTRIBUTES void affineUniformBody(const std::uint64_t* __restrict bits,
                                             const double* __restrict offset,
                                             const double* __restrict slope,
                                             double* __restrict out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = offset[i] + slope[i] * uniformFromBits(bits[i]);
}

HGC_KERNEL_ATTRIBUTES void applyStraggleBody(const std::uint64_t* __restrict bits,
                                             const double* __restrict probability,
                                             const double* __restrict slowdown,
                                             double* __restrict out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] *= uniformFromBits(bits[i]) < probability[i] ? slowdown[i] : 1.0;
}

HGC_KERNEL_ATTRIBUTES void applyFailureBody(const std::uint64_t* __restrict bits,
                                            const double* __restrict probability,
                                            double* __restrict out, std::size_t n) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i)
        out[i] = uniformFromBits(bits[i]) < probability[i] ? inf : out[i];
}

#if defined(__x86_64__) && defined(__GNUC__)
#define HGC_AVX2 [[gnu::target("avx2")]]
#define HGC_KERNEL(name, params, args)                                                            \
    HGC_AVX2 void name##Avx2 params { name##Body args; }                                          \
    void name##Plain params { name##Body args; }                                                  \
    bool name##UseAvx2() {                                                                        \
        static const bool yes = __builtin_cpu_supports("avx2");                                   \
        return yes;                                                                               \
    }
#define HGC_DISPATCH(name, args) (name##UseAvx2() ? name##Avx2 args : name##Plain args)
#else
#define HGC_KERNEL(name, params, args)                                                            \
    void name##Plain params { name##Body args; }
#define HGC_DISPATCH(name, args) name##Plain args
#endif

HGC_KERNEL(affineExponential,
           (const std::uint64_t* bits, const double* offset, const double* slope, double* out,
            std::size_t n),
           (bits, offset, slope, out, n))
HGC_KERNEL(affineUniform,
           (const std::uint64_t* bits, const double* offset, const double* slope, double* out,
            std::size_t n),
           (bits, offset, slope, out, n))
HGC_KERNEL(applyStraggle,
           (const std::uint64_t* bits, const double* probability, const double* slowdown,
            double* out, std::size_t n),
           (bits, probability, slowdown, out, n))
HGC_KERNEL(applyFailure,
           (const std::uint64_t* bits, const double* probability, double* out, std::size_t n),
           (bits, probability, out, n))

} // namespace

void fillBits(Rng& rng, std::uint64_t* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = rng.next();
}

void affineExponential(const std::uint64_t* bits, const double* offset, const double* slope,
                       double* out, std::size_t n) {
    HGC_DISPATCH(affineExponential, (bits, offset, slope, out, n));
}

void affineUniform(const std::uint64_t* bits, const double* offset, const double* slope,
                   double* out, std::size_t n) {
    HGC_DISPATCH(affineUniform, (bits, offset, slope, out, n));
}

void applyStraggle(const std::uint64_t* bits, const double* probability, const double* slowdown,
                   double* out, std::size_t n) {
    HGC_DISPATCH(applyStraggle, (bits, probability, slowdown, out, n));
}

void applyFailure(const std::uint64_t* bits, const double* probability, double* out,
                  std::size_t n) {
    HGC_DISPATCH(applyFailure, (bits, probability, out, n));
}

} // namespace hgc::mc
