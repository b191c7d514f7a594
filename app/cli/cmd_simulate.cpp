// hgc simulate: event traces of individual iterations (SPEC §8), the data the animation plays.
#include <cmath>
#include <cstdio>

#include "command.h"
#include "io/atomic_file.h"
#include "io/json_fwd.h"
#include "output.h"
#include "scenario_input.h"
#include "simulate/iteration_trace.h"

namespace hgc::cli {
namespace {

Json traceJson(const IterationTrace& t) {
    Json j;
    j["index"] = t.index;
    j["time"] = numberOrNull(t.time);
    j["failed"] = t.failed;
    j["waited_edges"] = t.waitedEdges;
    Json edges = Json::array();
    for (const auto& e : t.edges)
        edges.push_back({{"edge", e.edge},
                         {"needed", e.needed},
                         {"done", numberOrNull(e.done)},
                         {"arrive_master", numberOrNull(e.arriveMaster)},
                         {"uplink_failed", e.uplinkFailed},
                         {"waited_for", e.waitedFor},
                         {"waited_workers", e.waitedWorkers}});
    j["edges"] = edges;
    Json workers = Json::array();
    for (const auto& w : t.workers)
        workers.push_back({{"edge", w.edge},
                           {"worker", w.worker},
                           {"load", w.load},
                           {"compute_done", numberOrNull(w.computeDone)},
                           {"arrive_edge", numberOrNull(w.arriveEdge)},
                           {"straggled", w.straggled},
                           {"failed", w.failed},
                           {"waited_for", w.waitedFor}});
    j["workers"] = workers;
    Json events = Json::array();
    for (const auto& e : t.events)
        events.push_back({{"t", numberOrNull(e.t)},
                          {"kind", std::string(traceEventKindName(e.kind))},
                          {"edge", e.edge},
                          {"worker", e.worker}});
    j["events"] = events;
    return j;
}

int runSimulate(Args& args) {
    args.parse({"iterations", "seed", "trace"}, {"json"});
    const std::string file = args.positional(0, "the scenario FILE");
    args.expectPositionals(1);
    const Scenario scenario = loadScenarioArgument(file);
    const long long iterations = args.integer("iterations", 10, 1, 100000);
    const auto seed = static_cast<std::uint64_t>(
        args.integer("seed", static_cast<long long>(scenario.simulation.seed), 0,
                     std::numeric_limits<long long>::max()));
    const ResolvedScheme scheme = resolve(scenario);

    Json all = Json::array();
    std::vector<IterationTrace> traces;
    for (long long i = 0; i < iterations; ++i)
        traces.push_back(traceIteration(scenario, scheme, seed, i));
    const bool needJson = args.flag("json") || args.value("trace");
    if (needJson)
        for (const auto& t : traces)
            all.push_back(traceJson(t));
    Json out;
    out["scheme"] = toJson(scenario.scheme);
    out["seed"] = seed;
    out["iterations"] = all;
    if (auto path = args.value("trace")) writeFileAtomically(*path, out.dump(1) + "\n");
    if (args.flag("json")) {
        printJson(out);
        return 0;
    }
    std::printf("%s, %s, seed %llu\n", describeTopology(scenario).c_str(),
                describeScheme(scenario.scheme).c_str(), static_cast<unsigned long long>(seed));
    std::printf("  %5s %12s  %s\n", "iter", "time", "master decoded from edges");
    double sum = 0.0;
    long long finite = 0;
    for (const auto& t : traces) {
        std::string edges;
        for (int e : t.waitedEdges)
            edges += (edges.empty() ? "" : ", ") + std::to_string(e + 1);
        std::printf("  %5lld %12s  %s\n", t.index, formatValue(t.time).c_str(),
                    t.failed ? "(failed: too few answers)" : edges.c_str());
        if (!t.failed) sum += t.time, ++finite;
    }
    if (finite)
        std::printf("mean of the %lld finite iterations: %s\n", finite,
                    formatValue(sum / finite).c_str());
    return 0;
}

CommandRegistration registration(
    {"simulate",
     "event traces of single iterations (who computed, who straggled, who was waited for)",
     "usage: hgc simulate FILE [--iterations N] [--seed S] [--trace OUT.json] [--json]\n\n"
     "Simulates N iterations (default 10) of the file's scheme and prints each iteration's\n"
     "time and the edges the master decoded from. --trace writes (and --json prints) the\n"
     "full event lists: compute-done, arrive-edge, edge-done, arrive-master, master-done,\n"
     "failed; edge and worker indices count in the file's lists, inactive ones included.\n",
     runSimulate});

} // namespace
} // namespace hgc::cli
