#include "model/distribution.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "util/errors.h"

namespace hgc {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Inverse of the standard normal CDF: Acklam's rational approximation (relative error
// 1.2e-9) followed by one Halley step on erfc, which brings it to full double precision.
double inverseNormalCdf(double p) {
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double low = 0.02425, high = 1 - low;
    double x;
    if (p < low) {
        double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= high) {
        double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

std::string formatNumber(double v) {
    std::ostringstream out;
    out.precision(6);
    out << v;
    return out.str();
}

} // namespace

const std::vector<DistributionFamily>& distributionFamilies() {
    static const std::vector<DistributionFamily> families = {
        {DistributionKind::Deterministic, "deterministic", 1, {"value", ""}, {1.0, 0.0}},
        {DistributionKind::Uniform, "uniform", 2, {"low", "high"}, {0.0, 1.0}},
        {DistributionKind::Exponential, "exponential", 1, {"rate", ""}, {1.0, 0.0}},
        {DistributionKind::ShiftedExponential,
         "shifted-exponential",
         2,
         {"shift", "rate"},
         {1.0, 1.0}},
        {DistributionKind::Pareto, "pareto", 2, {"scale", "shape"}, {1.0, 3.0}},
        {DistributionKind::Lognormal, "lognormal", 2, {"mu", "sigma"}, {0.0, 0.5}},
    };
    return families;
}

const DistributionFamily& family(DistributionKind kind) {
    return distributionFamilies()[static_cast<int>(kind)];
}

const DistributionFamily& familyByName(std::string_view name) {
    for (const auto& f : distributionFamilies())
        if (f.name == name) return f;
    std::string known;
    for (const auto& f : distributionFamilies())
        known += (known.empty() ? "" : ", ") + std::string(f.name);
    throw InputError("", "unknown distribution '" + std::string(name) + "' (known: " + known + ")");
}

Distribution Distribution::deterministic(double value) {
    return {DistributionKind::Deterministic, {value, 0}};
}
Distribution Distribution::uniform(double low, double high) {
    return {DistributionKind::Uniform, {low, high}};
}
Distribution Distribution::exponential(double rate) {
    return {DistributionKind::Exponential, {rate, 0}};
}
Distribution Distribution::shiftedExponential(double shift, double rate) {
    return {DistributionKind::ShiftedExponential, {shift, rate}};
}
Distribution Distribution::pareto(double scale, double shape) {
    return {DistributionKind::Pareto, {scale, shape}};
}
Distribution Distribution::lognormal(double mu, double sigma) {
    return {DistributionKind::Lognormal, {mu, sigma}};
}

Distribution Distribution::withStraggle(double probability, double slowdown) const {
    Distribution d = *this;
    d.straggleProbability = probability;
    d.straggleSlowdown = slowdown;
    return d;
}

Distribution Distribution::withFailure(double probability) const {
    Distribution d = *this;
    d.failureProbability = probability;
    return d;
}

double Distribution::param(std::string_view name) const {
    const auto& f = family(kind);
    for (int i = 0; i < f.parameterCount; ++i)
        if (f.parameterNames[i] == name) return params[i];
    throw InputError("", std::string(f.name) + " has no parameter '" + std::string(name) + "'");
}

double Distribution::baseCdf(double t) const {
    const double p0 = params[0], p1 = params[1];
    switch (kind) {
    case DistributionKind::Deterministic:
        return t >= p0 ? 1.0 : 0.0;
    case DistributionKind::Uniform:
        if (t < p0) return 0.0;
        if (t >= p1) return 1.0;
        return (t - p0) / (p1 - p0);
    case DistributionKind::Exponential:
        return t <= 0 ? 0.0 : -std::expm1(-p0 * t);
    case DistributionKind::ShiftedExponential:
        return t <= p0 ? 0.0 : -std::expm1(-p1 * (t - p0));
    case DistributionKind::Pareto:
        return t <= p0 ? 0.0 : 1.0 - std::pow(p0 / t, p1);
    case DistributionKind::Lognormal:
        return t <= 0 ? 0.0 : 0.5 * std::erfc(-(std::log(t) - p0) / (p1 * std::sqrt(2.0)));
    }
    return 0.0;
}

double Distribution::baseMean() const {
    const double p0 = params[0], p1 = params[1];
    switch (kind) {
    case DistributionKind::Deterministic:
        return p0;
    case DistributionKind::Uniform:
        return 0.5 * (p0 + p1);
    case DistributionKind::Exponential:
        return 1.0 / p0;
    case DistributionKind::ShiftedExponential:
        return p0 + 1.0 / p1;
    case DistributionKind::Pareto:
        return p1 <= 1.0 ? kInf : p1 * p0 / (p1 - 1.0);
    case DistributionKind::Lognormal:
        return std::exp(p0 + 0.5 * p1 * p1);
    }
    return 0.0;
}

double Distribution::baseQuantile(double u) const {
    const double p0 = params[0], p1 = params[1];
    switch (kind) {
    case DistributionKind::Deterministic:
        return p0;
    case DistributionKind::Uniform:
        return p0 + u * (p1 - p0);
    case DistributionKind::Exponential:
        return -std::log1p(-u) / p0;
    case DistributionKind::ShiftedExponential:
        return p0 - std::log1p(-u) / p1;
    case DistributionKind::Pareto:
        return p0 * std::pow(1.0 - u, -1.0 / p1);
    case DistributionKind::Lognormal:
        return std::exp(p0 + p1 * inverseNormalCdf(u));
    }
    return 0.0;
}

double Distribution::baseSample(Rng& rng) const {
    const double p0 = params[0], p1 = params[1];
    switch (kind) {
    case DistributionKind::Deterministic:
        return p0;
    case DistributionKind::Uniform:
        return p0 + rng.uniform() * (p1 - p0);
    case DistributionKind::Exponential:
        return rng.exponential() / p0;
    case DistributionKind::ShiftedExponential:
        return p0 + rng.exponential() / p1;
    case DistributionKind::Pareto:
        return p0 * std::pow(rng.uniformPositive(), -1.0 / p1);
    case DistributionKind::Lognormal:
        return std::exp(p0 + p1 * rng.normal());
    }
    return 0.0;
}

double Distribution::baseLowerBound() const {
    switch (kind) {
    case DistributionKind::Deterministic:
    case DistributionKind::Uniform:
    case DistributionKind::ShiftedExponential:
    case DistributionKind::Pareto:
        return params[0];
    case DistributionKind::Exponential:
    case DistributionKind::Lognormal:
        return 0.0;
    }
    return 0.0;
}

double Distribution::cdf(double t) const {
    if (t == kInf) return 1.0 - failureProbability;
    double finite = baseCdf(t);
    if (straggleProbability > 0.0)
        finite = (1.0 - straggleProbability) * finite +
                 straggleProbability * baseCdf(t / straggleSlowdown);
    return (1.0 - failureProbability) * finite;
}

double Distribution::finiteMean() const {
    return (1.0 - straggleProbability + straggleProbability * straggleSlowdown) * baseMean();
}

double Distribution::mean() const {
    return failureProbability > 0.0 ? kInf : finiteMean();
}

DelaySample Distribution::sampleWithCause(Rng& rng) const {
    // The modifiers draw only when present, so a plain distribution costs one draw.
    DelaySample s;
    if (failureProbability > 0.0 && rng.uniform() < failureProbability) {
        s.value = kInf;
        s.failed = true;
        return s;
    }
    s.value = baseSample(rng);
    if (straggleProbability > 0.0 && rng.uniform() < straggleProbability) {
        s.value *= straggleSlowdown;
        s.straggled = true;
    }
    return s;
}

double Distribution::upperQuantile(double tailMass) const {
    const double u = 1.0 - tailMass;
    const double plain = baseQuantile(u);
    if (straggleProbability <= 0.0) return plain;
    // Mixture of base and base*f: bisect between the two component quantiles.
    double lo = std::min(plain, plain * straggleSlowdown);
    double hi = std::max(plain, plain * straggleSlowdown);
    auto mixture = [&](double t) {
        return (1.0 - straggleProbability) * baseCdf(t) +
               straggleProbability * baseCdf(t / straggleSlowdown);
    };
    for (int i = 0; i < 100 && hi - lo > 1e-12 * hi; ++i) {
        double mid = 0.5 * (lo + hi);
        (mixture(mid) >= u ? hi : lo) = mid;
    }
    return hi;
}

void validate(const Distribution& d, const std::string& path) {
    const auto& f = family(d.kind);
    auto name = [&](int i) { return path + "." + std::string(f.parameterNames[i]); };
    auto finite = [&](int i) {
        if (!std::isfinite(d.params[i])) throw InputError(name(i), "must be a finite number");
    };
    for (int i = 0; i < f.parameterCount; ++i)
        finite(i);
    const double p0 = d.params[0], p1 = d.params[1];
    switch (d.kind) {
    case DistributionKind::Deterministic:
        if (p0 < 0) throw InputError(name(0), "must be >= 0");
        break;
    case DistributionKind::Uniform:
        if (p0 < 0) throw InputError(name(0), "must be >= 0");
        if (p1 <= p0) throw InputError(name(1), "must be > low (" + formatNumber(p0) + ")");
        break;
    case DistributionKind::Exponential:
        if (p0 <= 0) throw InputError(name(0), "must be > 0");
        break;
    case DistributionKind::ShiftedExponential:
        if (p0 < 0) throw InputError(name(0), "must be >= 0");
        if (p1 <= 0) throw InputError(name(1), "must be > 0");
        break;
    case DistributionKind::Pareto:
        if (p0 <= 0) throw InputError(name(0), "must be > 0");
        if (p1 <= 0) throw InputError(name(1), "must be > 0");
        break;
    case DistributionKind::Lognormal:
        if (p1 <= 0) throw InputError(name(1), "must be > 0");
        break;
    }
    auto probability = [&](double p, const std::string& where, bool allowOne) {
        if (!std::isfinite(p) || p < 0 || (allowOne ? p > 1 : p >= 1))
            throw InputError(where, allowOne ? "must be in [0, 1]" : "must be in [0, 1)");
    };
    probability(d.straggleProbability, path + ".straggle.probability", true);
    if (!std::isfinite(d.straggleSlowdown) || d.straggleSlowdown < 1.0)
        throw InputError(path + ".straggle.slowdown", "must be >= 1");
    probability(d.failureProbability, path + ".failure", false);
}

std::string describe(const Distribution& d) {
    const auto& f = family(d.kind);
    std::string out(f.name);
    out += "(";
    for (int i = 0; i < f.parameterCount; ++i)
        out += (i ? ", " : "") + std::string(f.parameterNames[i]) + "=" + formatNumber(d.params[i]);
    out += ")";
    if (d.straggleProbability > 0)
        out += " straggle " + formatNumber(100 * d.straggleProbability) + "% x" +
               formatNumber(d.straggleSlowdown);
    if (d.failureProbability > 0)
        out += " failure " + formatNumber(100 * d.failureProbability) + "%";
    return out;
}

} // namespace hgc
