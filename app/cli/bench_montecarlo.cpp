// hgc bench, "montecarlo": worker delay samples per second of the Monte Carlo evaluator
// on a 10-edge x 100-worker hgc(1,2) scenario with shifted-exponential compute delays.
#include <thread>

#include "bench.h"
#include "model/scenario.h"
#include "montecarlo/montecarlo.h"

namespace hgc::cli {
namespace {

constexpr long long kIterations = 100'000;

Scenario benchScenario() {
    Scenario s = makeUniformScenario(10, 100);
    for (auto& edge : s.edges) {
        edge.uplink = Distribution::shiftedExponential(0.2, 5.0);
        for (auto& worker : edge.workers) {
            worker.compute = Distribution::shiftedExponential(10.0, 0.1);
            worker.uplink = Distribution::deterministic(0.05);
        }
    }
    s.scheme = Scheme::hgc(1, 2);
    return s;
}

/// Worker samples (W x iterations) per second with `threads` threads, best of three.
double samplesPerSecond(const Scenario& scenario, const ResolvedScheme& scheme, int threads) {
    MonteCarloOptions options;
    options.iterations = kIterations;
    options.threads = threads;
    const double seconds = bestSeconds([&] { evaluateMonteCarlo(scenario, scheme, options); });
    return static_cast<double>(scheme.workerCount) * kIterations / seconds;
}

std::vector<BenchFigure> run() {
    const Scenario scenario = benchScenario();
    const ResolvedScheme scheme = resolve(scenario);
    const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return {
        {"montecarlo.worker_samples_per_second", samplesPerSecond(scenario, scheme, 0), "1/s",
         "10x100 hgc(1,2), " + std::to_string(hardware) + " threads; target >= 3e8 on 2 cores"},
        {"montecarlo.worker_samples_per_second_1thread", samplesPerSecond(scenario, scheme, 1),
         "1/s", "same, one thread"},
    };
}

BenchRegistration registration({"montecarlo", "Monte Carlo evaluator throughput", run});

} // namespace
} // namespace hgc::cli
