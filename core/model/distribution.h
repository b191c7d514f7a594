#pragma once
// A delay distribution of SPEC §2: a base family with up to two parameters, plus the
// optional `straggle` (probability p, slowdown f) and `failure` (probability q) modifiers.
//
// With the modifiers, a sample is: +inf with probability q; otherwise the base sample,
// multiplied by f with probability p. Hence
//   cdf(t) = (1 - q) * [(1 - p) F(t) + p F(t / f)]      (finite t)
//   mean   = +inf if q > 0, else (1 - p + p f) * E[base]
// and finiteMean() gives E[X | X < inf] for use where failures are counted separately.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/unknown_keys.h"
#include "util/random.h"

namespace hgc {

enum class DistributionKind {
    Deterministic,
    Uniform,
    Exponential,
    ShiftedExponential,
    Pareto,
    Lognormal
};

/// Names and parameter names of a family, as written in the scenario file.
struct DistributionFamily {
    DistributionKind kind;
    std::string_view name;                          // "shifted-exponential"
    int parameterCount;                             // 1 or 2
    std::array<std::string_view, 2> parameterNames; // {"shift", "rate"}
    std::array<double, 2> defaults;
};

const std::vector<DistributionFamily>& distributionFamilies();
const DistributionFamily& family(DistributionKind kind);
/// Throws InputError (empty path) when the name is unknown.
const DistributionFamily& familyByName(std::string_view name);

/// One draw with its cause, for traces that show why a node was late.
struct DelaySample {
    double value = 0.0;     // +inf when failed
    bool straggled = false; // the straggle modifier struck (value includes the slowdown)
    bool failed = false;
};

struct Distribution {
    DistributionKind kind = DistributionKind::ShiftedExponential;
    /// Parameters in the order of family(kind).parameterNames; unused ones are ignored.
    std::array<double, 2> params{1.0, 1.0};
    double straggleProbability = 0.0;
    double straggleSlowdown = 1.0;
    double failureProbability = 0.0;
    /// Keys of its file object that no family knows (see scenario_json.cpp).
    UnknownKeys unknown = {};

    static Distribution deterministic(double value);
    static Distribution uniform(double low, double high);
    static Distribution exponential(double rate);
    static Distribution shiftedExponential(double shift, double rate);
    static Distribution pareto(double scale, double shape);
    static Distribution lognormal(double mu, double sigma);
    Distribution withStraggle(double probability, double slowdown) const;
    Distribution withFailure(double probability) const;

    double param(std::string_view name) const; // by parameter name; throws when absent

    // Base family only (no modifiers).
    double baseCdf(double t) const;
    double baseMean() const;             // +inf for Pareto with shape <= 1
    double baseQuantile(double u) const; // u in (0,1)
    double baseSample(Rng& rng) const;
    /// Smallest value the base can take (0 for unbounded-below families).
    double baseLowerBound() const;
    bool isDeterministic() const { return kind == DistributionKind::Deterministic; }

    // With modifiers.
    double cdf(double t) const; // P(X <= t); tends to 1 - failureProbability
    double survival(double t) const { return 1.0 - cdf(t); }
    double mean() const;                                                 // +inf when it can fail
    double finiteMean() const;                                           // E[X | X < inf]
    double sample(Rng& rng) const { return sampleWithCause(rng).value; } // +inf on failure
    DelaySample sampleWithCause(Rng& rng) const;
    /// A time by which all but `tailMass` of the finite probability has arrived:
    /// used by the analytic evaluator to choose its grid.
    double upperQuantile(double tailMass) const;

    bool hasModifiers() const { return straggleProbability > 0.0 || failureProbability > 0.0; }
    /// The same law: kept file keys do not count, so that a distribution read with an
    /// extra key still groups with its twins (analytic evaluator) and matches the presets.
    bool operator==(const Distribution& other) const {
        return kind == other.kind && params == other.params &&
               straggleProbability == other.straggleProbability &&
               straggleSlowdown == other.straggleSlowdown &&
               failureProbability == other.failureProbability;
    }
};

/// Checks parameter ranges; throws InputError with `path` + ".rate" etc. on a bad value.
void validate(const Distribution& d, const std::string& path);

std::string
describe(const Distribution& d); // "shifted-exponential(shift=10, rate=0.1) straggle 5%×5"

} // namespace hgc
