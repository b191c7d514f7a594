#include "montecarlo/kernel_level.h"

#include <algorithm>
#include <atomic>

namespace hgc::mc {
namespace {

std::atomic<int> cap{static_cast<int>(KernelLevel::Avx512)};

} // namespace

KernelLevel supportedKernelLevel() {
#if defined(__x86_64__) && defined(__GNUC__)
    static const KernelLevel level = __builtin_cpu_supports("avx512f") &&
                                             __builtin_cpu_supports("avx512dq") &&
                                             __builtin_cpu_supports("avx512vl")
                                         ? KernelLevel::Avx512
                                     : __builtin_cpu_supports("avx2") ? KernelLevel::Avx2
                                                                      : KernelLevel::Plain;
    return level;
#else
    return KernelLevel::Plain;
#endif
}

KernelLevel kernelLevel() {
    return static_cast<KernelLevel>(
        std::min(static_cast<int>(supportedKernelLevel()), cap.load(std::memory_order_relaxed)));
}

void limitKernelLevel(KernelLevel level) {
    cap.store(static_cast<int>(level));
}

} // namespace hgc::mc
