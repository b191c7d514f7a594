#pragma once
// Which instruction-set copy of the sampling kernels runs (see cpu_dispatch.h). The
// copies give bit-identical results; tests cap the level to check exactly that.
namespace hgc::mc {

enum class KernelLevel { Plain = 0, Avx2 = 1, Avx512 = 2 };

/// The best level this processor supports.
KernelLevel supportedKernelLevel();
/// The level in use: the supported one, unless capped lower by limitKernelLevel().
KernelLevel kernelLevel();
/// Caps the level for the whole process (for tests and comparisons).
void limitKernelLevel(KernelLevel cap);

} // namespace hgc::mc
