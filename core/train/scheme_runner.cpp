#include "train/scheme_runner.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "simulate/iteration_trace.h"
#include "train/partition_gradients.h"

namespace hgc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double relativeError(const Eigen::RowVectorXd& truth, const Eigen::RowVectorXd& estimate) {
    const double norm = truth.norm();
    const double diff = (truth - estimate).norm();
    return norm > 0 ? diff / norm : diff;
}

} // namespace

coding::StragglerPattern patternFromTrace(const IterationTrace& trace,
                                          const ResolvedScheme& scheme) {
    coding::StragglerPattern pattern;
    pattern.workers.resize(scheme.edges.size());
    std::size_t first = 0;
    for (std::size_t i = 0; i < scheme.edges.size(); ++i) {
        const std::size_t m = scheme.edges[i].workers.size();
        for (std::size_t k = 0; k < m; ++k)
            if (!trace.workers[first + k].waitedFor)
                pattern.workers[i].push_back(static_cast<int>(k));
        if (!scheme.flat && !trace.edges[i].waitedFor) pattern.edges.push_back(static_cast<int>(i));
        first += m;
    }
    return pattern;
}

SchemeRunner::SchemeRunner(const Scenario& scenario, const Dataset& data,
                           const TrainingScheme& scheme, const TrainingOptions& options)
    : scenario_(scenario), scheme_(scheme), options_(options), train_(data.train, data.features),
      test_(data.test, data.features), model_(data.features, data.classes, options.l2) {
    if (scheme.method == TrainingMethod::Coded) {
        coding::CodeOptions codeOptions;
        codeOptions.seed = options.seed;
        code_.emplace(
            coding::HierarchicalCode::build(resolve(scenario, scheme.scheme), codeOptions));
        bounds_ = evenPartitionBounds(train_.count(), code_->partitions());
    } else {
        uncoded_ = resolve(scenario, Scheme::uncoded());
        deadline_ = resolve(scenario, scheme.deadline);
        bounds_ = evenPartitionBounds(train_.count(), uncoded_.workerCount);
    }
}

double SchemeRunner::refreshForward() {
    summedLoss_ = model_.forward(train_, residual_);
    return model_.loss(summedLoss_, train_.count());
}

TrainingRecord SchemeRunner::record(long long iteration, double iterationTime, double error,
                                    double samplesUsed) {
    TrainingRecord r;
    r.iteration = iteration;
    r.time = clock_;
    r.loss = model_.loss(summedLoss_, train_.count());
    r.accuracy = model_.accuracy(test_);
    r.decodeError = error;
    r.iterationTime = iterationTime;
    r.samplesUsed = samplesUsed;
    return r;
}

TrainingRecord SchemeRunner::start() {
    refreshForward();
    return record(0, 0.0, kNaN, 1.0);
}

std::optional<TrainingRecord> SchemeRunner::advance(long long index) {
    const DeliveredGradient g = deliver(index);
    if (!g.failure.empty()) {
        failure_ = "iteration " + std::to_string(index + 1) + ": " + g.failure;
        return std::nullopt;
    }
    model_.step(model_.gradient(g.summed, train_.count()), options_.step, options_.momentum,
                velocity_);
    clock_ += g.time;
    refreshForward();
    return record(index + 1, g.time, g.relativeError, g.samplesUsed);
}

DeliveredGradient SchemeRunner::deliver(long long index) {
    partitionGradients(model_, train_, residual_, bounds_, partials_);
    return code_ ? deliverCoded(index) : deliverIgnoringStragglers(index);
}

DeliveredGradient SchemeRunner::deliverCoded(long long index) {
    DeliveredGradient out;
    const IterationTrace trace = traceIteration(scenario_, code_->scheme(), options_.seed, index);
    if (trace.failed) {
        out.failure =
            "too few answers arrived (the delay model's failures), the scheme cannot decode";
        return out;
    }
    const Eigen::MatrixXd gradients = partials_; // the codes take a column-major K x D matrix
    const auto outcome = code_->run(gradients, patternFromTrace(trace, code_->scheme()));
    if (!outcome) {
        out.failure = "the straggler pattern is beyond what the code decodes";
        return out;
    }
    out.summed = outcome->sum;
    out.relativeError = outcome->relativeError;
    out.time = trace.time;
    return out;
}

DeliveredGradient SchemeRunner::deliverIgnoringStragglers(long long index) {
    DeliveredGradient out;
    const IterationTrace trace = traceIteration(scenario_, uncoded_, options_.seed, index);
    const double deadline = traceIteration(scenario_, deadline_, options_.seed, index).time;
    // Worker w (edge-major) holds partition w; its partial gradient reaches the master at
    // Y_ij + V_i. The master stops at the deadline, or when everyone is in, or (nobody by
    // the deadline) at the first arrival.
    double firstArrival = std::numeric_limits<double>::infinity(), lastUsed = 0.0;
    for (const auto& w : trace.workers)
        firstArrival = std::min(firstArrival, w.arriveMaster);
    if (!std::isfinite(firstArrival)) {
        out.failure = "no worker's partial gradient arrived (the delay model's failures)";
        return out;
    }
    const double stop = std::max(deadline, firstArrival);
    out.summed = Eigen::RowVectorXd::Zero(partials_.cols());
    Eigen::Index samples = 0;
    for (std::size_t w = 0; w < trace.workers.size(); ++w) {
        if (trace.workers[w].arriveMaster > stop) continue;
        out.summed += partials_.row(w);
        samples += bounds_[w + 1] - bounds_[w];
        lastUsed = std::max(lastUsed, trace.workers[w].arriveMaster);
    }
    const Eigen::Index total = bounds_.back();
    if (samples > 0) out.summed *= static_cast<double>(total) / static_cast<double>(samples);
    out.samplesUsed = static_cast<double>(samples) / static_cast<double>(total);
    out.relativeError = relativeError(partials_.colwise().sum(), out.summed);
    out.time = samples == total ? lastUsed : stop;
    return out;
}

} // namespace hgc
