// hgc bench, "analytic": the analytic evaluator's time for one E[T] of a 1,000-worker
// scenario and for the full hgc sweep of a 20 x 50 one, each on the homogeneous default
// delays and on heterogeneous ones (every worker its own shifted exponential, so no two
// workers share a CDF), plus the accuracy reached against a much tighter evaluation.
#include <cmath>
#include <ctime>
#include <string>

#include "analytic/analytic.h"
#include "analytic/sweep.h"
#include "bench.h"
#include "model/scenario.h"
#include "util/random.h"

namespace hgc::cli {
namespace {

/// n x m workers; edge uplinks shifted-exponential (a convolution per edge), worker
/// uplinks deterministic. Heterogeneous: shift in [5, 15], rate in [0.05, 0.2], seeded.
Scenario benchScenario(int edges, int workers, bool heterogeneous) {
    Scenario s = makeUniformScenario(edges, workers);
    Rng rng(2406, 10831);
    for (auto& edge : s.edges) {
        edge.uplink = Distribution::shiftedExponential(0.2, 5.0);
        for (auto& worker : edge.workers) {
            worker.uplink = Distribution::deterministic(0.05);
            worker.compute = heterogeneous
                                 ? Distribution::shiftedExponential(5.0 + 10.0 * rng.uniform(),
                                                                    0.05 + 0.15 * rng.uniform())
                                 : Distribution::shiftedExponential(10.0, 0.1);
        }
    }
    return s;
}

std::vector<BenchFigure> oneEvaluation(bool heterogeneous) {
    const std::string kind = heterogeneous ? "heterogeneous" : "homogeneous";
    const Scenario scenario = benchScenario(10, 100, heterogeneous);
    const ResolvedScheme scheme = resolve(scenario, Scheme::hgc(1, 9));
    const AnalyticOptions percent{1e-3};
    const double reference =
        evaluateAnalytic(scenario, scheme, AnalyticOptions{1e-8}).expectedRuntime;
    double value = 0.0;
    const double seconds = bestSeconds(
        [&] { value = evaluateAnalytic(scenario, scheme, percent).expectedRuntime; }, 5);
    const double defaultSeconds = bestSeconds([&] { evaluateAnalytic(scenario, scheme); }, 5);
    const std::string prefix = "analytic.evaluate_1000_workers_" + kind;
    return {
        {prefix + "_ms", 1e3 * seconds, "ms",
         "10x100 hgc(1,9), relative accuracy 1e-3; target <= 20 ms"},
        {prefix + "_error", std::abs(value / reference - 1.0), "",
         "relative error of that vs accuracy 1e-8"},
        {prefix + "_default_ms", 1e3 * defaultSeconds, "ms", "same at the default accuracy 1e-4"},
    };
}

std::vector<BenchFigure> sweep(bool heterogeneous) {
    const std::string kind = heterogeneous ? "heterogeneous" : "homogeneous";
    const Scenario scenario = benchScenario(20, 50, heterogeneous);
    std::size_t rows = 0;
    // Processor time beside wall time: on a busy machine the wall time says little.
    const std::clock_t cpuStart = std::clock();
    const double seconds = bestSeconds([&] { rows = sweepHgc(scenario).rows.size(); }, 1);
    const double cpuSeconds = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const std::string name = "analytic.sweep_20x50_" + kind;
    return {{name + "_s", seconds, "s",
             std::to_string(rows) +
                 " (s_e, s_w) pairs at accuracy 1e-4, all threads; target <= 2 s on 2 cores"},
            {name + "_cpu_s", cpuSeconds, "s",
             "processor time of the same sweep, summed over threads"}};
}

std::vector<BenchFigure> run() {
    std::vector<BenchFigure> figures;
    for (bool heterogeneous : {false, true}) {
        for (auto& f : oneEvaluation(heterogeneous))
            figures.push_back(std::move(f));
        for (auto& f : sweep(heterogeneous))
            figures.push_back(std::move(f));
    }
    return figures;
}

BenchRegistration registration({"analytic", "analytic evaluator: one E[T], the hgc sweep", run});

} // namespace
} // namespace hgc::cli
