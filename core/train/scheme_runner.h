#pragma once
// One scheme's training run, step by step (SPEC §9). Internal to core/train (Eigen): the
// public entry point is train() in trainer.h.
#include <memory>
#include <optional>
#include <string>

#include "coding/hierarchical_code.h"
#include "train/softmax_model.h"
#include "train/trainer.h"

namespace hgc {

struct IterationTrace;

/// The gradient one iteration delivered to the master.
struct DeliveredGradient {
    Eigen::RowVectorXd summed;  // summed data gradient (before / n and the L2 term)
    double relativeError = 0.0; // against the sum of all partitions' gradients
    double time = 0.0;          // simulated iteration time
    double samplesUsed = 1.0;   // fraction of the samples behind `summed`
    std::string failure;        // non-empty: the iteration failed, nothing was delivered
};

/// The straggler pattern the codes see in a trace: per edge the workers it did not wait
/// for, and the edges the master did not wait for (gc: the workers the master did not use).
coding::StragglerPattern patternFromTrace(const IterationTrace& trace,
                                          const ResolvedScheme& scheme);

class SchemeRunner {
public:
    /// `scenario` and `data` must outlive the runner.
    SchemeRunner(const Scenario& scenario, const Dataset& data, const TrainingScheme& scheme,
                 const TrainingOptions& options);

    /// Record 0: the starting parameters (all zero) at time 0.
    TrainingRecord start();
    /// Step `index` (0-based): the gradient at the current parameters through the scheme,
    /// the step, the record after it. std::nullopt when the iteration failed (see failure()).
    std::optional<TrainingRecord> advance(long long index);
    const std::string& failure() const { return failure_; }

    /// The gradient iteration `index` delivers at the current parameters, from the residual
    /// of the last forward pass. Exposed for the tests and the benchmark.
    DeliveredGradient deliver(long long index);
    const SoftmaxModel& model() const { return model_; }
    SoftmaxModel& model() { return model_; }
    /// Recomputes the forward pass after the parameters were changed from outside.
    double refreshForward();
    /// K, the number of partitions the training rows are cut into.
    int partitions() const { return static_cast<int>(bounds_.size()) - 1; }

private:
    DeliveredGradient deliverCoded(long long index);
    DeliveredGradient deliverIgnoringStragglers(long long index);
    TrainingRecord record(long long iteration, double iterationTime, double error,
                          double samplesUsed);

    const Scenario& scenario_;
    TrainingScheme scheme_;
    TrainingOptions options_;
    SampleView train_, test_;
    SoftmaxModel model_;
    std::optional<coding::HierarchicalCode> code_; // Coded
    ResolvedScheme uncoded_, deadline_;            // IgnoreStragglers
    std::vector<Eigen::Index> bounds_;
    RowMatrix residual_, partials_;
    Eigen::RowVectorXd velocity_;
    double summedLoss_ = 0.0, clock_ = 0.0;
    std::string failure_;
};

} // namespace hgc
