#include "montecarlo/montecarlo.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <string>
#include <thread>

#include "montecarlo/block_statistics.h"
#include "montecarlo/iteration_model.h"
#include "util/errors.h"

namespace hgc {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Cancellation is polled this often inside a block, so that a big scenario stops quickly.
constexpr long long kCancelCheckInterval = 64;
// More threads than this only cost memory (a workspace each); the result does not change.
constexpr long long kMaxThreads = 256;

void checkOptions(const MonteCarloOptions& options) {
    if (options.iterations < 1 || options.iterations > kMonteCarloMaxIterations)
        throw InputError("iterations", "must be between 1 and " +
                                           std::to_string(kMonteCarloMaxIterations) + " (got " +
                                           std::to_string(options.iterations) + ")");
    if (options.threads < 0)
        throw InputError("threads", "must be >= 0 (got " + std::to_string(options.threads) + ")");
}

int threadCount(const MonteCarloOptions& options, long long blocks) {
    long long wanted = options.threads;
    if (wanted == 0) wanted = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<int>(std::min({wanted, blocks, kMaxThreads}));
}

/// T_(ceil(percent N / 100)) of the times (+inf sorts last), the rank in integers so that
/// no rounding moves it; reorders `times`.
double quantile(std::vector<double>& times, long long percent) {
    const long long n = static_cast<long long>(times.size());
    const long long rank = std::max(1LL, (percent * n + 99) / 100);
    std::nth_element(times.begin(), times.begin() + (rank - 1), times.end());
    return times[rank - 1];
}

/// Runs the blocks on several threads; every block writes only its own slots.
class BlockRunner {
public:
    BlockRunner(const mc::IterationModel& model, const MonteCarloOptions& options,
                std::vector<double>& times, std::vector<mc::BlockStatistics>& stats)
        : model_(model), options_(options), times_(times), stats_(stats),
          blocks_(static_cast<long long>(stats.size())) {}

    void run(int threads) {
        std::vector<std::thread> helpers;
        for (int t = 1; t < threads; ++t)
            helpers.emplace_back([this] { work(); });
        work();
        for (auto& h : helpers)
            h.join();
        if (error_) std::rethrow_exception(error_);
    }

private:
    void work() {
        try {
            mc::IterationModel::Workspace ws = model_.makeWorkspace();
            while (!stop_.load(std::memory_order_relaxed)) {
                const long long b = next_.fetch_add(1);
                if (b >= blocks_) break;
                runBlock(b, ws);
                reportBlockDone();
            }
        } catch (...) {
            std::lock_guard lock(mutex_);
            if (!error_) error_ = std::current_exception();
            stop_ = true;
        }
    }

    void runBlock(long long b, mc::IterationModel::Workspace& ws) {
        const long long begin = b * kMonteCarloBlockIterations;
        const long long end = std::min(begin + kMonteCarloBlockIterations, options_.iterations);
        mc::RandomSource random(options_.seed, static_cast<std::uint64_t>(b));
        mc::BlockStatistics& stats = stats_[b];
        for (long long i = begin; i < end; ++i) {
            if ((i - begin) % kCancelCheckInterval == 0) {
                options_.progress.check();
                if (stop_.load(std::memory_order_relaxed)) return;
            }
            const double t = model_.sample(random, ws);
            times_[i] = t;
            stats.add(t);
        }
    }

    void reportBlockDone() {
        std::lock_guard lock(mutex_); // report() is never called concurrently, and in order
        ++done_;
        options_.progress.update(static_cast<double>(done_) / static_cast<double>(blocks_));
    }

    const mc::IterationModel& model_;
    const MonteCarloOptions& options_;
    std::vector<double>& times_;
    std::vector<mc::BlockStatistics>& stats_;
    const long long blocks_;
    std::atomic<long long> next_{0};
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    long long done_ = 0;
    std::exception_ptr error_;
};

} // namespace

Evaluation evaluateMonteCarlo(const Scenario& scenario, const ResolvedScheme& scheme,
                              const MonteCarloOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    checkOptions(options);
    options.progress.check();
    const mc::IterationModel model(scenario, scheme);

    const long long n = options.iterations;
    const long long blocks = (n + kMonteCarloBlockIterations - 1) / kMonteCarloBlockIterations;
    std::vector<double> times(n);
    std::vector<mc::BlockStatistics> stats(blocks);
    BlockRunner(model, options, times, stats).run(threadCount(options, blocks));

    mc::BlockStatistics total;
    for (const auto& s : stats)
        total.merge(s);

    Evaluation result;
    result.iterations = n;
    result.failureProbability = static_cast<double>(total.failures) / static_cast<double>(n);
    result.conditionalRuntime = total.finite > 0 ? total.mean : kInf;
    result.expectedRuntime = total.failures > 0 ? kInf : total.mean;
    result.standardError =
        total.finite > 1 ? std::sqrt(total.variance() / static_cast<double>(total.finite)) : kInf;
    if (options.samples) *options.samples = times;
    // Largest quantile first: the later nth_element calls then work on a partly ordered range.
    result.quantiles.p99 = quantile(times, 99);
    result.quantiles.p95 = quantile(times, 95);
    result.quantiles.p50 = quantile(times, 50);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace hgc
