#include "montecarlo/wide_rng.h"

#include <cstring>

#include "montecarlo/cpu_dispatch.h"

namespace hgc::mc {
namespace {

constexpr int kLanes = WideRng::kLanes;

// Four lanes as one GCC/Clang vector (one AVX2 register, two SSE2 ones); the eight
// lanes are two such generators stepped side by side, so the state stays in registers.
typedef std::uint64_t Lanes4 __attribute__((vector_size(4 * sizeof(std::uint64_t))));
static_assert(kLanes == 8);

// A macro, not a function: passing vectors by value would depend on the target's ABI.
#define HGC_ROTL(x, k) (((x) << (k)) | ((x) >> (64 - (k))))
#define HGC_XOSHIRO_STEP(s0, s1, s2, s3, result)                                                   \
    do {                                                                                           \
        result = HGC_ROTL(s0 + s3, 23) + s0;                                                       \
        const Lanes4 t = s1 << 17;                                                                 \
        s2 ^= s0;                                                                                  \
        s3 ^= s1;                                                                                  \
        s1 ^= s2;                                                                                  \
        s0 ^= s3;                                                                                  \
        s2 ^= t;                                                                                   \
        s3 = HGC_ROTL(s3, 45);                                                                     \
    } while (false)

/// `steps` steps of every lane; step i writes out[i * kLanes + lane].
HGC_KERNEL_BODY void stepLanesBody(std::uint64_t (*__restrict state)[kLanes],
                                   std::uint64_t* __restrict out, std::size_t steps) {
    Lanes4 a0, a1, a2, a3, b0, b1, b2, b3; // lanes 0-3 and 4-7
    std::memcpy(&a0, state[0], sizeof a0);
    std::memcpy(&a1, state[1], sizeof a1);
    std::memcpy(&a2, state[2], sizeof a2);
    std::memcpy(&a3, state[3], sizeof a3);
    std::memcpy(&b0, state[0] + 4, sizeof b0);
    std::memcpy(&b1, state[1] + 4, sizeof b1);
    std::memcpy(&b2, state[2] + 4, sizeof b2);
    std::memcpy(&b3, state[3] + 4, sizeof b3);
    for (std::size_t i = 0; i < steps; ++i) {
        Lanes4 ra, rb;
        HGC_XOSHIRO_STEP(a0, a1, a2, a3, ra);
        HGC_XOSHIRO_STEP(b0, b1, b2, b3, rb);
        std::memcpy(out + i * kLanes, &ra, sizeof ra);
        std::memcpy(out + i * kLanes + 4, &rb, sizeof rb);
    }
    std::memcpy(state[0], &a0, sizeof a0);
    std::memcpy(state[1], &a1, sizeof a1);
    std::memcpy(state[2], &a2, sizeof a2);
    std::memcpy(state[3], &a3, sizeof a3);
    std::memcpy(state[0] + 4, &b0, sizeof b0);
    std::memcpy(state[1] + 4, &b1, sizeof b1);
    std::memcpy(state[2] + 4, &b2, sizeof b2);
    std::memcpy(state[3] + 4, &b3, sizeof b3);
}

HGC_DISPATCHED(stepLanes, (std::uint64_t(*state)[kLanes], std::uint64_t* out, std::size_t steps),
               (state, out, steps))

} // namespace

WideRng::WideRng(Rng& seedSource) {
    // splitmix64 over the source's words, as xoshiro's authors recommend for seeding;
    // an all-zero lane (probability 2^-256) would be stuck at zero, so it is excluded.
    for (int l = 0; l < kLanes; ++l) {
        std::uint64_t any = 0;
        for (auto& word : state_) {
            std::uint64_t sm = seedSource.next();
            word[l] = splitmix64(sm);
            any |= word[l];
        }
        if (any == 0) state_[0][l] = 1;
    }
}

void WideRng::fill(std::uint64_t* out, std::size_t n) {
    while (n > 0 && spareUsed_ < kLanes) {
        *out++ = spare_[spareUsed_++];
        --n;
    }
    const std::size_t steps = n / kLanes;
    stepLanes(state_, out, steps);
    out += steps * kLanes;
    n -= steps * kLanes;
    if (n > 0) {
        stepLanes(state_, spare_, 1);
        spareUsed_ = 0;
        while (n > 0) {
            *out++ = spare_[spareUsed_++];
            --n;
        }
    }
}

} // namespace hgc::mc
