#include "delay_grid.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "exponential_binning.h"
#include "fft_convolution.h"

namespace hgc::analytic {
namespace {

void binAtom(std::vector<double>& w, double position, double mass, double h, int maxLength) {
    const double x = position / h;
    const auto j = static_cast<long long>(std::floor(x));
    const double frac = x - static_cast<double>(j);
    if (j >= maxLength) return;
    if (static_cast<long long>(w.size()) < std::min<long long>(j + 2, maxLength))
        w.resize(std::min<long long>(j + 2, maxLength), 0.0);
    w[j] += mass * (1.0 - frac);
    if (j + 1 < maxLength) w[j + 1] += mass * frac;
}

/// out[k] += weight * (1 - exp(-rate (x_k - shift))) for x_k = x0 + k dx > shift (with
/// `assign`, out[k] = that, and 0 at the other points: no separate pass to clear). Within
/// blocks of 32 points the exponentials are one exp times a table of powers of
/// exp(-rate dx), so the loop has no dependency chain and vectorises; the rounding stays
/// near 1e-15.
void addExponentialCdf(double* out, int count, double weight, double x0, double dx, double shift,
                       double rate, bool assign) {
    constexpr int kBlock = 32;
    long long first = 0;
    if (x0 <= shift) first = static_cast<long long>(std::floor((shift - x0) / dx)) + 1;
    while (first > 0 && x0 + (first - 1) * dx > shift)
        --first;
    while (first < count && x0 + first * dx <= shift)
        ++first;
    if (assign) std::fill(out, out + std::min<long long>(first, count), 0.0);
    double powers[kBlock];
    powers[0] = 1.0;
    const double ratio = std::exp(-rate * dx);
    for (int j = 1; j < kBlock; ++j)
        powers[j] = powers[j - 1] * ratio;
    for (long long k = first; k < count; k += kBlock) {
        const double anchor = std::exp(-rate * (x0 + k * dx - shift));
        const int n = static_cast<int>(std::min<long long>(kBlock, count - k));
        double* o = out + k;
        if (assign)
            for (int j = 0; j < n; ++j)
                o[j] = weight * (1.0 - anchor * powers[j]);
        else
            for (int j = 0; j < n; ++j)
                o[j] += weight * (1.0 - anchor * powers[j]);
    }
}

/// Convolutions with more non-zero weights than this go by FFT.
constexpr int kDirectTerms = 96;

/// out[k] += sum_{j >= first} weight ratio^(j - first) g[k + offset - j] (g[i < 0] = below)
/// as a recursion over m = k + offset - first: s(m) = ratio s(m - 1) + weight g[m], with
/// s(m) = below x mass for m < 0. Unrolled by four, s(m) = ratio^4 s(m - 4) + y(m) with
/// y(m) = sum_{i < 4} ratio^i x(m - i), so four independent chains share the latency; the
/// four chains are one vector (same operations in the same order as the scalar formula,
/// so the same bits). Compiled for AVX2 and the base instruction set, no FMA.
__attribute__((target_clones("avx2", "default"))) void addGeometricTail(const GeometricTail& t,
                                                                        const double* g, int offset,
                                                                        double below, double* out,
                                                                        int count) {
    const int firstK = std::clamp(t.first - offset, 0, count);
    for (int k = 0; k < firstK; ++k)
        out[k] += below * t.mass;
    const int last = count - 1 + offset - t.first;
    if (last < 0) return;
    constexpr int kLanes = 4;
    const double r1 = t.ratio, r2 = r1 * r1, r3 = r2 * r1, r4 = r2 * r2;
    // x and s with kLanes entries of the constant past in front; reused across calls (one
    // per worker per grid), as allocating them showed in profiles.
    thread_local std::vector<double> x, s;
    x.resize(last + 1 + kLanes);
    s.resize(last + 1 + kLanes);
    for (int i = 0; i < kLanes; ++i) {
        x[i] = t.weight * below;
        s[i] = below * t.mass;
    }
    for (int m = 0; m <= last; ++m)
        x[m + kLanes] = t.weight * g[m];
    // Four doubles as one value (GCC's vector extension), aligned like a double.
    using Vec = double __attribute__((vector_size(kLanes * sizeof(double)), aligned(8)));
    Vec chain, x0, x1, x2, x3; // by memcpy: a lambda returning Vec would change the ABI
    std::memcpy(&chain, s.data(), sizeof chain);
    int i = kLanes;
    for (; i + kLanes - 1 <= last + kLanes; i += kLanes) {
        std::memcpy(&x0, &x[i], sizeof x0);
        std::memcpy(&x1, &x[i - 1], sizeof x1);
        std::memcpy(&x2, &x[i - 2], sizeof x2);
        std::memcpy(&x3, &x[i - 3], sizeof x3);
        chain = r4 * chain + (x0 + r1 * x1 + r2 * x2 + r3 * x3);
        std::memcpy(&s[i], &chain, sizeof chain);
    }
    for (; i <= last + kLanes; ++i)
        s[i] = r4 * s[i - 4] + (x[i] + r1 * x[i - 1] + r2 * x[i - 2] + r3 * x[i - 3]);
    const int mStart = std::max(0, offset - t.first);
    for (int m = mStart; m <= last; ++m)
        out[m + t.first - offset] += s[m + kLanes];
}

} // namespace

void cdfOnGrid(const Distribution& d, double start, double step, int count, double scale,
               double* out) {
    const bool exponential = d.kind == DistributionKind::Exponential;
    if (exponential || d.kind == DistributionKind::ShiftedExponential) {
        const double shift = exponential ? 0.0 : d.params[0];
        const double rate = exponential ? d.params[0] : d.params[1];
        const double finite = scale * (1.0 - d.failureProbability);
        const double p = d.straggleProbability;
        addExponentialCdf(out, count, finite * (1.0 - p), start, step, shift, rate, true);
        if (p > 0.0) {
            const double f = d.straggleSlowdown;
            addExponentialCdf(out, count, finite * p, start / f, step / f, shift, rate, false);
        }
        return;
    }
    for (int k = 0; k < count; ++k)
        out[k] = scale * d.cdf(start + k * step);
}

bool isPointDelay(const Distribution& d) {
    return d.kind == DistributionKind::Deterministic &&
           (d.straggleProbability == 0.0 || d.straggleSlowdown == 1.0);
}

int BinnedDelay::reach() const {
    int length = static_cast<int>(weights.size());
    for (const auto& t : tails) {
        // ratio^n < e^-40 ~ 4e-18.
        const double cells = std::ceil(40.0 / std::max(-std::log(t.ratio), 1e-300));
        length = std::max(length, static_cast<int>(std::min(t.first + cells, 1e9)));
    }
    return length;
}

BinnedDelay binDelay(const Distribution& d, double h, int maxLength) {
    BinnedDelay b;
    maxLength = std::max(maxLength, 1);
    if (hasExponentialBinning(d)) {
        binExponential(d, h, maxLength, b);
        return b;
    }
    b.shift = d.baseLowerBound();
    b.finiteMass = 1.0 - d.failureProbability;
    if (d.kind == DistributionKind::Deterministic) {
        // Atoms at 0 and, when straggling, at (f - 1) * value: binned exactly.
        const double p = isPointDelay(d) ? 0.0 : d.straggleProbability;
        b.weights.assign(1, 0.0);
        binAtom(b.weights, 0.0, (1.0 - p) * b.finiteMass, h, maxLength);
        if (p > 0.0)
            binAtom(b.weights, (d.straggleSlowdown - 1.0) * b.shift, p * b.finiteMass, h,
                    maxLength);
        return b;
    }
    // Continuous CDF: weight_j = I_j - I_{j-1}, I_j the mean of F(shift + v) over
    // [j h, (j+1) h], by Simpson's rule (the CDF is smooth inside a cell except at a kink).
    const double upper = d.upperQuantile(1e-15) - b.shift;
    const double cells = std::ceil(upper / h) + 2.0;
    const int length = static_cast<int>(std::min<double>(maxLength, std::max(1.0, cells)));
    b.weights.resize(length);
    double previousMean = 0.0;
    double left = d.cdf(b.shift);
    for (int j = 0; j < length; ++j) {
        const double mid = d.cdf(b.shift + (j + 0.5) * h);
        const double right = d.cdf(b.shift + (j + 1.0) * h);
        const double mean = (left + 4.0 * mid + right) / 6.0;
        b.weights[j] = mean - previousMean;
        previousMean = mean;
        left = right;
    }
    while (b.weights.size() > 1 && std::abs(b.weights.back()) < 1e-300)
        b.weights.pop_back();
    return b;
}

void convolve(const double* g, int offset, double below, const BinnedDelay& d, double* out,
              int count) {
    const std::vector<double>& w = d.weights;
    // Weights beyond count - 1 + offset only ever meet g[i < 0] (`below`).
    const int length = std::min(static_cast<int>(w.size()), count + offset);
    // `below` x the mass that has no term with g[i >= 0]: the failure mass and the head's
    // weights beyond k + offset (the tails take care of their own). The first pass that
    // writes every out[k] assigns instead of adding (clearing out first showed in profiles).
    bool written = below != 0.0;
    if (below != 0.0) {
        double missing = 1.0;
        for (const auto& t : d.tails)
            missing -= t.mass;
        int included = 0;
        for (int k = 0; k < count; ++k) {
            const int top = std::min(k + offset, static_cast<int>(w.size()) - 1);
            while (included <= top)
                missing -= w[included++];
            out[k] = below * missing;
        }
    }
    int nonZero = 0;
    for (int j = 0; j < length; ++j)
        nonZero += w[j] != 0.0;
    if (nonZero > kDirectTerms && count > kDirectTerms) {
        // Dense and long: c = w * g by FFT, out[k] = c[k + offset].
        std::vector<double> c(count + offset);
        fftConvolution(w.data(), length, g, count + offset, c.data(), count + offset);
        for (int k = 0; k < count; ++k)
            out[k] = (written ? out[k] : 0.0) + c[k + offset];
        written = true;
    } else {
        // Term by term; the loops over k vectorise, and zero weights (the gap before a
        // straggling component) cost nothing.
        for (int j = 0; j < length; ++j) {
            if (w[j] == 0.0) continue;
            const double wj = w[j];
            const double* gj = g + offset - j;
            const int kStart = std::min(std::max(0, j - offset), count);
            if (!written) {
                std::fill(out, out + kStart, 0.0);
                for (int k = kStart; k < count; ++k)
                    out[k] = wj * gj[k];
                written = true;
                continue;
            }
            for (int k = kStart; k < count; ++k)
                out[k] += wj * gj[k];
        }
    }
    if (!written) std::fill(out, out + count, 0.0);
    for (const auto& t : d.tails)
        addGeometricTail(t, g, offset, below, out, count);
}

void sumCdfOnGrid(const Distribution& compute, double load, const Distribution& uplink,
                  double origin, double h, int count, double* out) {
    const double finite = (1.0 - compute.failureProbability) * (1.0 - uplink.failureProbability);
    out[count] = finite;
    if (isPointDelay(uplink)) {
        const double scale = 1.0 - uplink.failureProbability;
        const double start = origin - uplink.params[0];
        cdfOnGrid(compute, start / load, h / load, count, scale, out);
        return;
    }
    // The compute part is needed from its own lower bound on (it is 0 below), so the
    // convolution sees every point where the uplink's mass can fall.
    const double start = origin - uplink.baseLowerBound();
    const double lowest = load * compute.baseLowerBound();
    const int wanted = static_cast<int>(std::max(0.0, std::ceil((start - lowest) / h)));
    const BinnedDelay u = binDelay(uplink, h, count + wanted);
    const int extra = std::min<int>(wanted, u.reach() - 1);
    thread_local std::vector<double> g; // one per worker per grid: reuse, do not reallocate
    g.resize(count + extra);
    const double first = start - extra * h;
    cdfOnGrid(compute, first / load, h / load, count + extra, 1.0, g.data());
    convolve(g.data(), extra, 0.0, u, out, count);
}

} // namespace hgc::analytic
