// hgc optimize: the best scheme of a family (SPEC §6, §8), printed or saved as a scenario.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "command.h"
#include "io/json_fwd.h"
#include "io/scenario_json.h"
#include "optim/optimize.h"
#include "output.h"
#include "scenario_input.h"
#include "util/errors.h"

namespace hgc::cli {
namespace {

std::string nodeName(const Scenario& s, const NodeRef& node) {
    const Edge& e = s.edges[node.edge];
    if (node.worker < 0)
        return "edge " + std::to_string(node.edge + 1) + " \"" + e.name + "\" (whole edge)";
    return "worker " + std::to_string(node.worker + 1) + " \"" + e.workers[node.worker].name +
           "\" of edge " + std::to_string(node.edge + 1);
}

/// The active nodes: [{"edge": i, "workers": [j, ...]}], indices in the file's lists.
Json activeJson(const Scenario& s) {
    Json out = Json::array();
    for (int i = 0; i < static_cast<int>(s.edges.size()); ++i) {
        if (!s.edges[i].active) continue;
        Json workers = Json::array();
        for (int j = 0; j < static_cast<int>(s.edges[i].workers.size()); ++j)
            if (s.edges[i].workers[j].active) workers.push_back(j);
        if (!workers.empty()) out.push_back({{"edge", i}, {"workers", workers}});
    }
    return out;
}

Json resultJson(const OptimResult& r) {
    Json j;
    j["family"] = std::string(optimFamilyName(r.family));
    j["expected_runtime"] = numberOrNull(r.evaluation.expectedRuntime);
    j["failure_probability"] = r.evaluation.failureProbability;
    j["conditional_expected_runtime"] = numberOrNull(r.evaluation.conditionalRuntime);
    j["quantiles"] = quantilesJson(r.evaluation.quantiles);
    j["scheme"] = toJson(r.scheme);
    Json baseline;
    baseline["uncoded"] = numberOrNull(r.uncoded.expectedRuntime);
    baseline["best_uniform"] = numberOrNull(r.bestUniform.expectedRuntime);
    baseline["best_uniform_scheme"] =
        toJson(Scheme::hgc(r.sweep.best.edgeStragglers, r.sweep.best.workerStragglers));
    if (r.proportional) baseline["proportional"] = numberOrNull(r.proportional->expectedRuntime);
    j["baseline"] = baseline;
    j["active"] = activeJson(r.scenario);
    Json excluded = Json::array();
    for (const NodeRef& n : r.excluded)
        excluded.push_back(
            {{"edge", n.edge}, {"worker", n.worker < 0 ? Json(nullptr) : Json(n.worker)}});
    j["excluded"] = excluded;
    j["evaluations"] = r.evaluations;
    j["seconds"] = r.seconds;
    return j;
}

std::string gainText(double base, double value) {
    if (!(base > 0.0) || !std::isfinite(base) || !std::isfinite(value)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "  (%.1f%% lower, %.2fx faster)", 100.0 * (1.0 - value / base),
                  base / value);
    return buf;
}

void printAllocation(const Scenario& s, const Scheme& scheme) {
    std::printf("  %-24s %8s %9s %7s  %s\n", "edge", "share", "tolerance", "workers",
                "loads (min..max)");
    for (int i = 0; i < static_cast<int>(s.edges.size()); ++i) {
        const Edge& e = s.edges[i];
        if (!e.active || s.activeWorkerCount(i) == 0) continue;
        const EdgeAllocation& a = scheme.edges[i];
        double low = 1e300, high = 0.0;
        for (int j = 0; j < static_cast<int>(e.workers.size()); ++j)
            if (e.workers[j].active)
                low = std::min(low, a.loads[j]), high = std::max(high, a.loads[j]);
        std::printf("  %-24s %8.4f %9d %7d  %s..%s\n", e.name.c_str(), a.share, a.stragglers,
                    s.activeWorkerCount(i), formatValue(low).c_str(), formatValue(high).c_str());
    }
}

int runOptimize(Args& args) {
    args.parse({"family", "out", "threads", "max-seconds"}, {"json"});
    const std::string file = args.positional(0, "the scenario FILE");
    args.expectPositionals(1);
    const Scenario scenario = loadScenarioArgument(file);
    const OptimFamily family =
        optimFamilyByName(args.choice("family", "general", {"uniform", "selection", "general"}));
    OptimOptions options;
    options.threads = static_cast<int>(args.integer("threads", 0, 0, 256));
    options.maxSeconds = args.number("max-seconds", options.maxSeconds);
    if (!(options.maxSeconds > 0.0)) throw InputError("--max-seconds", "must be > 0");
    const OptimResult r = optimize(scenario, family, options);
    if (auto out = args.value("out")) saveScenarioFile(r.scenario, *out);
    if (args.flag("json")) {
        printJson(resultJson(r));
        return 0;
    }
    const auto& best = r.sweep.best;
    std::printf("%s: %s, family %s, %.3g s, %lld evaluations\n", file.c_str(),
                describeTopology(scenario).c_str(), std::string(optimFamilyName(family)).c_str(),
                r.seconds, r.evaluations);
    std::printf("  optimised            E[T] = %s",
                formatValue(r.evaluation.expectedRuntime).c_str());
    if (r.evaluation.failureProbability > 0.0)
        std::printf("  (failure probability %s, E[T | T < inf] = %s)",
                    formatValue(r.evaluation.failureProbability).c_str(),
                    formatValue(r.evaluation.conditionalRuntime).c_str());
    std::printf("\n  uncoded              E[T] = %s%s\n",
                formatValue(r.uncoded.expectedRuntime).c_str(),
                gainText(r.uncoded.expectedRuntime, r.evaluation.expectedRuntime).c_str());
    std::printf("  best uniform hgc     E[T] = %s  s_e=%d, s_w=%d%s\n",
                formatValue(r.bestUniform.expectedRuntime).c_str(), best.edgeStragglers,
                best.workerStragglers,
                gainText(r.bestUniform.expectedRuntime, r.evaluation.expectedRuntime).c_str());
    if (r.proportional)
        std::printf(
            "  proportional loads   E[T] = %s%s\n",
            formatValue(r.proportional->expectedRuntime).c_str(),
            gainText(r.proportional->expectedRuntime, r.evaluation.expectedRuntime).c_str());
    std::printf("  scheme: %s\n", describeScheme(r.scheme).c_str());
    if (family == OptimFamily::Selection) {
        if (r.excluded.empty()) std::printf("  excluded: nothing (every removal made it slower)\n");
        for (const NodeRef& n : r.excluded)
            std::printf("  excluded: %s\n", nodeName(scenario, n).c_str());
    }
    if (r.scheme.type == SchemeType::Allocation) printAllocation(r.scenario, r.scheme);
    if (auto out = args.value("out")) std::printf("  written to %s\n", out->c_str());
    return 0;
}

CommandRegistration registration(
    {"optimize", "the best scheme of a family: uniform hgc, node selection or a general allocation",
     "usage: hgc optimize FILE [--family uniform|selection|general] [--out FILE] [--threads T]\n   "
     "                 [--max-seconds S] [--json]\n\n"
     "Minimises the analytic expected iteration time E[T] (SPEC §6):\n"
     "  uniform    the best hgc (s_e, s_w) of the uniform sweep\n"
     "  selection  excludes edges or workers greedily while the best hgc gets faster\n"
     "  general    (default) per-edge tolerances and shares, per-worker loads\n"
     "--out writes the scenario with the optimised scheme (and, for selection, the\n"
     "excluded nodes inactive); every other command can load it. --max-seconds bounds\n"
     "the selection and general searches after the sweep (default 4). --json prints the keys\n"
     "family, expected_runtime, scheme, baseline {uncoded, best_uniform}, active, seconds.\n",
     runOptimize});

} // namespace
} // namespace hgc::cli
