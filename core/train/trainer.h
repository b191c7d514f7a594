#pragma once
// Training runs of SPEC §9: softmax regression trained by gradient descent, every gradient
// carried through a scheme's real codes while the delay model decides who straggles. Several
// schemes are run side by side on the same delay draws (same seed, same iteration index), so
// their loss curves against simulated time compare like for like. No Eigen here: the app's
// Training tab and the CLI include this header.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/scenario.h"
#include "train/data_partitioning.h"
#include "train/dataset.h"
#include "util/progress.h"

namespace hgc {

enum class TrainingMethod {
    /// The scheme's codes: workers send coded partial gradients, edges and master decode
    /// from whoever the delay model says arrived first. Exact (uncoded waits for everyone).
    Coded,
    /// The uncoded assignment (K = W, one partition per worker); every worker's partial
    /// gradient is relayed to the master as soon as it reaches its edge (arrival Y_ij + V_i)
    /// and the master stops at the *deadline*: the iteration time of `deadline`, a coded
    /// scheme, on the same draws (or earlier, when everyone has arrived). It sums the
    /// partial gradients that arrived and rescales them by (all samples / samples arrived):
    /// fast but inexact. With no arrival by the deadline it waits for the first one.
    IgnoreStragglers,
};

struct TrainingScheme {
    std::string label; // for tables and legends: "hgc (s_e=1, s_w=1)", "ignore stragglers"
    TrainingMethod method = TrainingMethod::Coded;
    Scheme scheme;   // Coded: the scheme; IgnoreStragglers: unused
    Scheme deadline; // IgnoreStragglers: the coded scheme whose iteration time is the deadline
};

struct TrainingOptions {
    // The defaults of `hgc train`, `hgc chart --kind training` and the Training tab. Chosen
    // by measurement (100 iterations): step 0.2 with momentum 0.9 lowers the loss at every
    // step on both the synthetic set and Fashion-MNIST; step 0.5 (with or without momentum)
    // makes the Fashion-MNIST loss jump from 2.3 to 6-10 in the first iterations.
    long long iterations = 100;
    double step = 0.2;
    double momentum = 0.9;  // heavy ball: v = momentum v + g, params -= step v
    double l2 = 0.0;        // loss += l2/2 |w|^2 (bias excluded)
    std::uint64_t seed = 1; // delay draws (traceIteration) and code coefficients
    /// How the training rows fall into the partitions; train() orders a copy of the rows
    /// accordingly, once, for every scheme alike.
    DataPartitioning partitioning = DataPartitioning::Iid;
    /// Schemes advance in parallel on up to this many threads (0: one per core) when the
    /// data set is large enough to pay for it. Results do not depend on it.
    int threads = 0;
};

/// The state after `iteration` steps.
struct TrainingRecord {
    long long iteration = 0; // 0: the starting point (time 0, no gradient yet)
    double time = 0.0;       // simulated wall-clock time since the start
    double loss = 0.0;       // training loss at these parameters
    double accuracy = 0.0;   // on the data set's test set
    /// |true gradient - gradient used| / |true gradient| for the step that led here, the
    /// true gradient being the sum of all partitions' gradients; NaN for iteration 0.
    double decodeError = 0.0;
    double iterationTime = 0.0; // simulated time of that step (0 for iteration 0)
    /// Fraction of the training samples whose gradient reached the master (1 for coded
    /// schemes, which recover the full sum).
    double samplesUsed = 1.0;
};

struct TrainingRun {
    TrainingScheme scheme;
    std::vector<TrainingRecord> records; // iterations 0..n
    /// The delay model made an iteration fail (too few answers: failure modifiers); the run
    /// stopped there. `failure` says which iteration and why.
    bool failed = false;
    std::string failure;
};

struct TrainingObserver {
    /// Called after every record of every scheme (scheme = index in the list), in order
    /// (iteration by iteration, schemes in list order), always from the calling thread:
    /// the Training tab draws its curves from these.
    std::function<void(int scheme, const TrainingRecord& record)> onRecord;
    /// Fraction done and cancellation: cancelling throws hgc::Cancelled.
    Progress progress;
};

/// Trains one model per scheme, from zero parameters, for options.iterations steps each.
/// The schemes advance together, iteration by iteration. Throws InputError when a scheme
/// does not fit the scenario, the data set is empty or the options are out of range.
std::vector<TrainingRun> train(const Scenario& scenario, const Dataset& data,
                               const std::vector<TrainingScheme>& schemes,
                               const TrainingOptions& options,
                               const TrainingObserver& observer = {});

} // namespace hgc
