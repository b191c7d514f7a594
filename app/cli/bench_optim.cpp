// hgc bench, "optim": the families of SPEC §6 side by side on every preset (uncoded, best
// uniform hgc, node selection, general allocation, and the proportional-loads baseline),
// a heterogeneous 10 x 20 cluster, and the speed targets: uniform on 20 x 50 <= 2 s,
// general on 10 x 20 <= 10 s (2 cores).
#include <cmath>
#include <filesystem>

#include "bench.h"
#include "io/scenario_json.h"
#include "optim/optimize.h"

namespace hgc::cli {
namespace {

const char* const kPresets[] = {"default",      "homogeneous", "one-slow-edge",
                                "heavy-tailed", "flaky-edges", "large-cluster"};

std::filesystem::path presetDirectory() {
#ifdef HGC_SOURCE_DIR
    const std::filesystem::path source =
        std::filesystem::path(HGC_SOURCE_DIR) / "resources" / "scenarios";
    if (std::filesystem::exists(source)) return source;
#endif
    return std::filesystem::path("resources") / "scenarios";
}

/// Ten edges of twenty workers: edges 1x..3x apart, workers within an edge 1x..4x, every
/// third edge's workers straggle (5% x 5), one worker of every even edge fails 1% of the time.
Scenario heterogeneousCluster() {
    Scenario s = makeUniformScenario(10, 20);
    for (int i = 0; i < 10; ++i) {
        Edge& e = s.edges[i];
        const double edgeFactor = 1.0 + 2.0 * ((i * 3) % 10) / 9.0;
        e.uplink = Distribution::shiftedExponential(0.2 * edgeFactor, 5.0 / edgeFactor);
        for (int j = 0; j < 20; ++j) {
            const double f = edgeFactor * (1.0 + 3.0 * ((j * 7) % 20) / 19.0);
            Distribution compute = Distribution::shiftedExponential(10.0 * f, 0.1 / f);
            if (i % 3 == 0) compute = compute.withStraggle(0.05, 5.0);
            if (i % 2 == 0 && j == 0) compute = compute.withFailure(0.01);
            e.workers[j].compute = compute;
            e.workers[j].uplink = Distribution::shiftedExponential(0.05, 20.0);
        }
    }
    return s;
}

/// Expected runtimes of every family on `scenario`, and seconds of selection and general.
void compareFamilies(const std::string& name, const Scenario& scenario,
                     std::vector<BenchFigure>& out) {
    const std::string key = "optim." + name + ".";
    SweepResult sweep;
    const double sweepSeconds = bestSeconds([&] { sweep = sweepHgc(scenario); }, 1);
    const OptimResult general = optimize(scenario, OptimFamily::General, sweep);
    const OptimResult selection = optimize(scenario, OptimFamily::Selection, sweep);
    const double uniform = general.bestUniform.expectedRuntime;
    auto gain = [&](double v) {
        if (!std::isfinite(uniform) || !std::isfinite(v)) return std::string();
        return ", " + std::to_string(static_cast<int>(std::lround(100.0 * (1.0 - v / uniform)))) +
               "% below uniform";
    };
    const auto& best = general.sweep.best;
    out.push_back(
        {key + "uncoded", general.uncoded.expectedRuntime, "time", "E[T] (inf: can fail)"});
    out.push_back({key + "best_uniform", uniform, "time",
                   "hgc s_e=" + std::to_string(best.edgeStragglers) +
                       ", s_w=" + std::to_string(best.workerStragglers)});
    out.push_back({key + "selection", selection.evaluation.expectedRuntime, "time",
                   std::to_string(selection.excluded.size()) + " nodes excluded" +
                       gain(selection.evaluation.expectedRuntime)});
    out.push_back(
        {key + "proportional", general.proportional->expectedRuntime, "time",
         "loads proportional to mean speed" + gain(general.proportional->expectedRuntime)});
    out.push_back({key + "general", general.evaluation.expectedRuntime, "time",
                   "allocation" + gain(general.evaluation.expectedRuntime)});
    out.push_back({key + "uniform_seconds", sweepSeconds, "s",
                   std::to_string(sweep.rows.size()) + " (s_e, s_w) pairs"});
    out.push_back(
        {key + "selection_seconds", sweepSeconds + selection.seconds, "s", "sweep included"});
    out.push_back({key + "general_seconds", sweepSeconds + general.seconds, "s",
                   "sweep included, " + std::to_string(general.evaluations) + " evaluations"});
}

std::vector<BenchFigure> run() {
    std::vector<BenchFigure> out;
    const auto dir = presetDirectory();
    for (const char* preset : kPresets) {
        const auto file = dir / (std::string(preset) + ".json");
        if (!std::filesystem::exists(file)) continue;
        compareFamilies(preset, loadScenarioFile(file.string()), out);
    }
    compareFamilies("heterogeneous_10x20", heterogeneousCluster(), out);

    // The speed targets, read off the runs above.
    for (const auto& f : std::vector<BenchFigure>(out)) {
        if (f.name == "optim.large-cluster.uniform_seconds")
            out.push_back({"optim.uniform_20x50_seconds", f.value, "s",
                           "large-cluster preset; target <= 2 s on 2 cores"});
        if (f.name == "optim.heterogeneous_10x20.general_seconds")
            out.push_back({"optim.general_10x20_seconds", f.value, "s",
                           "heterogeneous 10x20; target <= 10 s on 2 cores"});
    }
    return out;
}

BenchRegistration
    registration({"optim", "optimal allocation: the families side by side on the presets", run});

} // namespace
} // namespace hgc::cli
