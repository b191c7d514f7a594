#include "montecarlo/batch_sampler.h"

#include <cassert>

#include "montecarlo/fast_kernels.h"

namespace hgc::mc {
namespace {

/// Appends node j to the last run when it continues it, else opens a new run.
template <class RunT, class KindT> void extend(std::vector<RunT>& runs, KindT kind, int j) {
    if (!runs.empty() && runs.back().kind == kind && runs.back().end == j)
        ++runs.back().end;
    else
        runs.push_back({kind, j, j + 1});
}

} // namespace

BatchSampler::BatchSampler(std::vector<Distribution> distributions, std::vector<double> scales)
    : distributions_(std::move(distributions)) {
    assert(scales.size() == distributions_.size());
    const int n = size();
    offset_.assign(n, 0.0);
    slope_.assign(n, 0.0);
    straggleProbability_.assign(n, 0.0);
    straggleSlowdown_.assign(n, 1.0);
    failureProbability_.assign(n, 0.0);
    for (int j = 0; j < n; ++j) {
        const Distribution& d = distributions_[j];
        const double scale = scales[j], p0 = d.params[0], p1 = d.params[1];
        Kind kind = Kind::Generic;
        switch (d.kind) {
        case DistributionKind::Deterministic:
            kind = Kind::Constant;
            offset_[j] = scale * p0;
            break;
        case DistributionKind::Exponential:
            kind = Kind::AffineExponential;
            slope_[j] = scale / p0;
            break;
        case DistributionKind::ShiftedExponential:
            kind = Kind::AffineExponential;
            offset_[j] = scale * p0;
            slope_[j] = scale / p1;
            break;
        case DistributionKind::Uniform:
            kind = Kind::AffineUniform;
            offset_[j] = scale * p0;
            slope_[j] = scale * (p1 - p0);
            break;
        case DistributionKind::Pareto:
        case DistributionKind::Lognormal:
            slope_[j] = scale;
            break;
        }
        extend(runs_, kind, j);
        // A slowdown of 1 changes nothing: no need to draw for it.
        if (d.straggleProbability > 0.0 && d.straggleSlowdown != 1.0) {
            straggleProbability_[j] = d.straggleProbability;
            straggleSlowdown_[j] = d.straggleSlowdown;
            extend(straggleRuns_, Kind::Constant, j);
        }
        if (d.failureProbability > 0.0) {
            failureProbability_[j] = d.failureProbability;
            extend(failureRuns_, Kind::Constant, j);
        }
    }
}

bool BatchSampler::absorbConstants(const BatchSampler& other) {
    if (other.size() != size() || !straggleRuns_.empty() || !other.straggleRuns_.empty() ||
        !other.failureRuns_.empty())
        return false;
    for (const Run& run : other.runs_)
        if (run.kind != Kind::Constant) return false;
    for (int j = 0; j < size(); ++j)
        offset_[j] += other.offset_[j];
    return true;
}

void BatchSampler::sample(RandomSource& random, double* out, std::uint64_t* scratch) const {
    for (const Run& run : runs_) {
        const int b = run.begin;
        const std::size_t count = run.end - run.begin;
        switch (run.kind) {
        case Kind::Constant:
            for (int j = run.begin; j < run.end; ++j)
                out[j] = offset_[j];
            break;
        case Kind::AffineExponential:
            random.wide.fill(scratch + b, count);
            affineExponential(scratch + b, offset_.data() + b, slope_.data() + b, out + b, count);
            break;
        case Kind::AffineUniform:
            random.wide.fill(scratch + b, count);
            affineUniform(scratch + b, offset_.data() + b, slope_.data() + b, out + b, count);
            break;
        case Kind::Generic:
            for (int j = run.begin; j < run.end; ++j)
                out[j] = offset_[j] + slope_[j] * distributions_[j].baseSample(random.scalar);
            break;
        }
    }
    for (const Run& run : straggleRuns_) {
        const int b = run.begin;
        const std::size_t count = run.end - run.begin;
        random.wide.fill(scratch + b, count);
        applyStraggle(scratch + b, straggleProbability_.data() + b, straggleSlowdown_.data() + b,
                      out + b, count);
    }
    for (const Run& run : failureRuns_) {
        const int b = run.begin;
        const std::size_t count = run.end - run.begin;
        random.wide.fill(scratch + b, count);
        applyFailure(scratch + b, failureProbability_.data() + b, out + b, count);
    }
}

} // namespace hgc::mc
