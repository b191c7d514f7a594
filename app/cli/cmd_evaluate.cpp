// hgc evaluate: the expected iteration time of the file's scheme, analytically, by Monte
// Carlo, or both side by side (SPEC §5, §8).
#include <cmath>
#include <cstdio>
#include <limits>

#include "analytic/analytic.h"
#include "command.h"
#include "montecarlo/montecarlo.h"
#include "output.h"
#include "scenario_input.h"

namespace hgc::cli {
namespace {

void printEvaluation(const char* label, const Evaluation& e) {
    std::printf("%-22s %s", label, formatValue(e.expectedRuntime).c_str());
    if (e.failureProbability > 0)
        std::printf("   (fails with probability %s; mean of the finite iterations %s)",
                    formatValue(e.failureProbability).c_str(),
                    formatValue(e.conditionalRuntime).c_str());
    std::printf("\n%-22s %s / %s / %s\n", "  p50 / p95 / p99", formatValue(e.quantiles.p50).c_str(),
                formatValue(e.quantiles.p95).c_str(), formatValue(e.quantiles.p99).c_str());
}

int runEvaluate(Args& args) {
    args.parse({"method", "iterations", "seed", "threads"}, {"json"});
    const std::string file = args.positional(0, "the scenario FILE");
    args.expectPositionals(1);
    const std::string method =
        args.choice("method", "analytic", {"analytic", "montecarlo", "both"});
    Scenario scenario = loadScenarioArgument(file);
    MonteCarloOptions mc;
    mc.iterations = args.integer("iterations", scenario.simulation.iterations, 1, 1'000'000'000);
    mc.seed = static_cast<std::uint64_t>(
        args.integer("seed", static_cast<long long>(scenario.simulation.seed), 0,
                     std::numeric_limits<long long>::max()));
    mc.threads = static_cast<int>(args.integer("threads", 0, 0, 256));

    const ResolvedScheme scheme = resolve(scenario);
    const ResolvedScheme uncoded = resolve(scenario, Scheme::uncoded());
    const bool analytic = method != "montecarlo", montecarlo = method != "analytic";
    Evaluation exact, simulated;
    if (analytic) exact = evaluateAnalytic(scenario, scheme);
    if (montecarlo) simulated = evaluateMonteCarlo(scenario, scheme, mc);
    const Evaluation& headline = analytic ? exact : simulated;
    // The speed-up is measured by the same method as the headline figure.
    const double uncodedTime = analytic ? evaluateAnalytic(scenario, uncoded).expectedRuntime
                                        : evaluateMonteCarlo(scenario, uncoded, mc).expectedRuntime;
    const double speedup = uncodedTime / headline.expectedRuntime;

    if (args.flag("json")) {
        Json out;
        out["scenario"] = scenario.name;
        out["scheme"] = toJson(scenario.scheme);
        out["method"] = method;
        Json e = evaluationJson(headline);
        for (auto it = e.begin(); it != e.end(); ++it)
            out[it.key()] = it.value();
        out["load_per_worker"] = scheme.maxLoad();
        out["master_messages"] = scheme.masterMessages();
        out["uncoded_expected_runtime"] = numberOrNull(uncodedTime);
        out["speedup_over_uncoded"] = numberOrNull(speedup);
        if (montecarlo) {
            out["montecarlo"] = {{"mean", numberOrNull(simulated.conditionalRuntime)},
                                 {"stderr", simulated.standardError},
                                 {"iterations", simulated.iterations},
                                 {"seconds", simulated.seconds},
                                 {"failure_probability", simulated.failureProbability},
                                 {"quantiles", quantilesJson(simulated.quantiles)},
                                 {"seed", mc.seed}};
        }
        if (analytic && montecarlo && simulated.standardError > 0)
            out["difference_in_standard_errors"] =
                numberOrNull((simulated.conditionalRuntime - exact.conditionalRuntime) /
                             simulated.standardError);
        printJson(out);
        return 0;
    }
    std::printf("%s: %s\n", scenario.name.empty() ? file.c_str() : scenario.name.c_str(),
                describeTopology(scenario).c_str());
    std::printf("scheme: %s; load per worker %s", describeScheme(scenario.scheme).c_str(),
                formatValue(scheme.maxLoad()).c_str());
    if (scenario.scheme.type == SchemeType::Hgc)
        std::printf(
            " (the bound (s_e+1)(s_w+1)/W = %s)",
            formatValue(loadLowerBound(scenario.scheme.edgeStragglers,
                                       scenario.scheme.workerStragglers, scheme.workerCount))
                .c_str());
    if (scheme.flat)
        std::printf("; master waits for %d of %d worker messages\n", scheme.masterWaitFor,
                    scheme.workerCount);
    else
        std::printf("; master waits for %d of %zu edges\n", scheme.masterWaitFor,
                    scheme.edges.size());
    if (analytic) printEvaluation("expected time (exact)", exact);
    if (montecarlo) {
        printEvaluation("expected time (MC)", simulated);
        std::printf("%-22s ±%s (1 s.e.), %lld iterations, seed %llu, %.3g s\n", "",
                    formatValue(simulated.standardError).c_str(), simulated.iterations,
                    static_cast<unsigned long long>(mc.seed), simulated.seconds);
    }
    if (analytic && montecarlo && simulated.standardError > 0)
        std::printf("%-22s the two differ by %.2f standard errors\n", "agreement",
                    (simulated.conditionalRuntime - exact.conditionalRuntime) /
                        simulated.standardError);
    std::printf("%-22s %s (uncoded: %s)\n", "speed-up over uncoded", formatValue(speedup).c_str(),
                formatValue(uncodedTime).c_str());
    return 0;
}

CommandRegistration registration(
    {"evaluate", "expected iteration time of the file's scheme (analytic, Monte Carlo, or both)",
     "usage: hgc evaluate FILE [--method analytic|montecarlo|both] [--iterations N] [--seed S]\n"
     "                    [--threads T] [--json]\n\n"
     "Evaluates the scheme of the scenario FILE: the expected time of one iteration, its\n"
     "quantiles and failure probability, the load per worker and the messages the master\n"
     "receives. --method both prints the exact (numerical) value and the Monte Carlo\n"
     "estimate side by side. --iterations and --seed default to the file's simulation\n"
     "settings; the Monte Carlo result for a seed does not depend on --threads.\n\n"
     "example: hgc evaluate resources/scenarios/default.json --method both\n",
     runEvaluate});

} // namespace
} // namespace hgc::cli
