#pragma once
// Compiles a loop body three times, for plain x86-64, AVX2 and AVX-512, and calls the
// best copy the processor runs (kernel_level.h). The copies give bit-identical results:
// the bodies use only IEEE-exact operations (+ - * /, comparisons, integer bit work) and
// the library is built with -ffp-contract=off, so no copy fuses a multiply and an add.
// Elsewhere than x86-64 with GCC/Clang, only the plain copy exists.
//
//   HGC_DISPATCHED(name, (params...), (args...))  defines `name`, calling `name##Body`,
//   which must be declared HGC_KERNEL_BODY.
#include "montecarlo/kernel_level.h"

#define HGC_KERNEL_BODY [[gnu::always_inline]] inline

#if defined(__x86_64__) && defined(__GNUC__)
// GCC otherwise keeps 256-bit vectors even for AVX-512; Clang has no such option.
#if defined(__clang__)
#define HGC_AVX512_TARGET "avx512f,avx512dq,avx512vl"
#else
#define HGC_AVX512_TARGET "avx512f,avx512dq,avx512vl,prefer-vector-width=512"
#endif
#define HGC_DISPATCHED(name, params, args)                                                         \
    [[gnu::target(HGC_AVX512_TARGET)]] static void name##Avx512 params {                           \
        name##Body args;                                                                           \
    }                                                                                              \
    [[gnu::target("avx2")]] static void name##Avx2 params {                                        \
        name##Body args;                                                                           \
    }                                                                                              \
    static void name##Plain params {                                                               \
        name##Body args;                                                                           \
    }                                                                                              \
    void name params {                                                                             \
        switch (kernelLevel()) {                                                                   \
        case KernelLevel::Avx512:                                                                  \
            name##Avx512 args;                                                                     \
            break;                                                                                 \
        case KernelLevel::Avx2:                                                                    \
            name##Avx2 args;                                                                       \
            break;                                                                                 \
        case KernelLevel::Plain:                                                                   \
            name##Plain args;                                                                      \
            break;                                                                                 \
        }                                                                                          \
    }
#else
#define HGC_DISPATCHED(name, params, args)                                                         \
    void name params {                                                                             \
        name##Body args;                                                                           \
    }
#endif
