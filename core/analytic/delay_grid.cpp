#include "delay_grid.h"

#include <algorithm>
#include <cmath>

namespace hgc::analytic {
namespace {

bool isPoint(const Distribution& d) {
    return d.kind == DistributionKind::Deterministic &&
           (d.straggleProbability == 0.0 || d.straggleSlowdown == 1.0);
}

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

/// out[k] += weight * (1 - exp(-rate (x_k - shift))) for x_k = x0 + k dx > shift. Within
/// blocks of 32 points the exponentials are one exp times a table of powers of
/// exp(-rate dx), so the loop has no dependency chain and vectorises; the rounding stays
/// near 1e-15.
void addExponentialCdf(double* out, int count, double weight, double x0, double dx, double shift,
                       double rate) {
    constexpr int kBlock = 32;
    long long first = 0;
    if (x0 <= shift) first = static_cast<long long>(std::floor((shift - x0) / dx)) + 1;
    while (first > 0 && x0 + (first - 1) * dx > shift)
        --first;
    while (first < count && x0 + first * dx <= shift)
        ++first;
    double powers[kBlock];
    powers[0] = 1.0;
    const double ratio = std::exp(-rate * dx);
    for (int j = 1; j < kBlock; ++j)
        powers[j] = powers[j - 1] * ratio;
    for (long long k = first; k < count; k += kBlock) {
        const double anchor = std::exp(-rate * (x0 + k * dx - shift));
        const int n = static_cast<int>(std::min<long long>(kBlock, count - k));
        double* o = out + k;
        for (int j = 0; j < n; ++j)
            o[j] += weight * (1.0 - anchor * powers[j]);
    }
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
        std::fill(out, out + count, 0.0);
        addExponentialCdf(out, count, finite * (1.0 - p), start, step, shift, rate);
        if (p > 0.0) {
            const double f = d.straggleSlowdown;
            addExponentialCdf(out, count, finite * p, start / f, step / f, shift, rate);
        }
        return;
    }
    for (int k = 0; k < count; ++k)
        out[k] = scale * d.cdf(start + k * step);
}

BinnedDelay binDelay(const Distribution& d, double h, int maxLength) {
    BinnedDelay b;
    b.shift = d.baseLowerBound();
    b.finiteMass = 1.0 - d.failureProbability;
    maxLength = std::max(maxLength, 1);
    if (d.kind == DistributionKind::Deterministic) {
        // Atoms at 0 and, when straggling, at (f - 1) * value: binned exactly.
        const double p = isPoint(d) ? 0.0 : d.straggleProbability;
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

void convolve(const double* g, int offset, double below, const std::vector<double>& w, double* out,
              int count) {
    const int length = static_cast<int>(w.size());
    double cumulative = 0.0; // sum of w_j for j <= k + offset, grown as k grows
    int included = 0;
    for (int k = 0; k < count; ++k) {
        const int top = std::min(k + offset, length - 1);
        while (included <= top)
            cumulative += w[included++];
        const double* gk = g + k + offset;
        double sum = 0.0;
        for (int j = 0; j <= top; ++j)
            sum += w[j] * gk[-j];
        out[k] = sum + (below != 0.0 ? below * (1.0 - cumulative) : 0.0);
    }
}

void sumCdfOnGrid(const Distribution& compute, double load, const Distribution& uplink,
                  double origin, double h, int count, double* out) {
    const double finite = (1.0 - compute.failureProbability) * (1.0 - uplink.failureProbability);
    out[count] = finite;
    if (isPoint(uplink)) {
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
    const int extra = std::min<int>(wanted, static_cast<int>(u.weights.size()) - 1);
    std::vector<double> g(count + extra);
    const double first = start - extra * h;
    cdfOnGrid(compute, first / load, h / load, count + extra, 1.0, g.data());
    convolve(g.data(), extra, 0.0, u.weights, out, count);
}

} // namespace hgc::analytic
