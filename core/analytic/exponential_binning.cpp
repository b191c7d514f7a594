#include "exponential_binning.h"

#include <algorithm>
#include <cmath>

#include "delay_grid.h"

namespace hgc::analytic {
namespace {

/// Adds `mass` x the hat weights of offset + Exp(rate) (offset >= 0) to `b`.
void addComponent(BinnedDelay& b, double offset, double rate, double mass, double h,
                  int maxLength) {
    const double cells = offset / h;
    const double n = std::floor(cells);
    if (n >= maxLength) return;
    const int first = static_cast<int>(n);
    const double x = 1.0 - (cells - n);
    const double a = rate * h;
    const double oneMinusRho = -std::expm1(-a);
    const double lead = std::exp(-a * x);
    const double tailMass = lead * oneMinusRho / a;
    const double w0 = x + std::expm1(-a * x) / a;
    const double w1 = std::max(0.0, 1.0 - w0 - tailMass);
    if (static_cast<int>(b.weights.size()) < first + 2) b.weights.resize(first + 2, 0.0);
    b.weights[first] += mass * w0;
    b.weights[first + 1] += mass * w1;
    if (tailMass * mass > 0.0)
        b.tails.push_back({first + 2, mass * lead * oneMinusRho * oneMinusRho / a,
                           1.0 - oneMinusRho, mass * tailMass});
}

} // namespace

bool hasExponentialBinning(const Distribution& d) {
    return d.kind == DistributionKind::Exponential ||
           d.kind == DistributionKind::ShiftedExponential;
}

void binExponential(const Distribution& d, double h, int maxLength, BinnedDelay& b) {
    const bool shifted = d.kind == DistributionKind::ShiftedExponential;
    const double shift = shifted ? d.params[0] : 0.0;
    const double rate = shifted ? d.params[1] : d.params[0];
    b.shift = shift;
    b.finiteMass = 1.0 - d.failureProbability;
    b.weights.clear();
    b.tails.clear();
    const double p = d.straggleProbability;
    addComponent(b, 0.0, rate, (1.0 - p) * b.finiteMass, h, maxLength);
    // Straggling: f (shift + E) = f shift + Exp(rate / f), slowdown f >= 1.
    if (p > 0.0) {
        const double f = d.straggleSlowdown;
        addComponent(b, (f - 1.0) * shift, rate / f, p * b.finiteMass, h, maxLength);
    }
    if (b.weights.empty()) b.weights.assign(1, 0.0);
}

} // namespace hgc::analytic
