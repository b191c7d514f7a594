// hgc scheme: the real gradient code of a scenario's scheme (SPEC §4, §8): who holds which
// partitions with which coefficients, and with --verify the proof by decoding.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include "coding/hierarchical_code.h"
#include "coding/verification.h"
#include "command.h"
#include "io/json_fwd.h"
#include "scenario_input.h"
#include "util/errors.h"

namespace hgc::cli {
namespace {

using coding::CoefficientMethod;
using coding::HierarchicalCode;

// Text output stays readable for big systems: at most this many edges, workers per edge
// and coefficients per row are printed (--json has everything).
constexpr int kShownEdges = 12;
constexpr int kShownWorkers = 12;
constexpr int kShownCoefficients = 6;

std::string methodName(CoefficientMethod m) {
    switch (m) {
    case CoefficientMethod::Repetition:
        return "repetition";
    case CoefficientMethod::NullSpace:
        return "random";
    case CoefficientMethod::Explicit:
        return "explicit";
    default:
        return "automatic";
    }
}

std::string format(const char* spec, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, spec, v);
    return buf;
}

/// "0-23, 180-199" for a sorted list, cut after about 40 characters.
std::string ranges(const std::vector<int>& sorted) {
    std::string out;
    for (std::size_t t = 0; t < sorted.size();) {
        std::size_t end = t;
        while (end + 1 < sorted.size() && sorted[end + 1] == sorted[end] + 1)
            ++end;
        if (!out.empty()) out += ",";
        out += std::to_string(sorted[t]);
        if (end > t) out += "-" + std::to_string(sorted[end]);
        t = end + 1;
        if (out.size() > 40 && t < sorted.size()) return out + ",...";
    }
    return out;
}

std::string coefficients(const std::vector<double>& values) {
    std::string out;
    for (std::size_t t = 0; t < values.size() && t < kShownCoefficients; ++t)
        out += (t ? " " : "") + format("%.4g", values[t]);
    if (values.size() > kShownCoefficients) out += " ... (" + std::to_string(values.size()) + ")";
    return out;
}

std::string schemeSummary(const Scenario& s, const HierarchicalCode& code) {
    const auto& r = code.scheme();
    std::string out = std::string(schemeTypeName(r.type));
    if (r.type == SchemeType::Hgc)
        out += " (s_e=" + std::to_string(s.scheme.edgeStragglers) +
               ", s_w=" + std::to_string(s.scheme.workerStragglers) + ")";
    else if (r.type == SchemeType::Gc)
        out += " (s=" + std::to_string(r.edgeTolerance) + ")";
    else if (r.type == SchemeType::Allocation)
        out += " (s_e=" + std::to_string(r.edgeTolerance) + ")";
    return out + " on " + std::to_string(code.edgeCount()) + " active edges, " +
           std::to_string(code.totalWorkers()) + " active workers";
}

void printAssignment(const Scenario& s, const HierarchicalCode& code) {
    const auto& r = code.scheme();
    std::printf("scheme %s\n", schemeSummary(s, code).c_str());
    std::printf("partitions K = %d; at most %d per worker (load %.4g", code.partitions(),
                code.maxPartitionsPerWorker(),
                static_cast<double>(code.maxPartitionsPerWorker()) / code.partitions());
    if (r.type == SchemeType::Hgc || r.type == SchemeType::Uncoded)
        std::printf(", lower bound %.4g", loadLowerBound(s.scheme.edgeStragglers,
                                                         s.scheme.workerStragglers, r.workerCount));
    std::printf(")\n");
    if (code.roundingExcess() > 0.0)
        std::printf("rounding to the grid raised some load by up to %.2f%%\n",
                    100.0 * code.roundingExcess());
    std::printf("coefficients: %s %s; largest |coefficient| %.4g\n",
                code.flat() ? "flat layer" : "edge layer",
                methodName(code.edgeLayer().method()).c_str(), code.maxAbsCoefficient());
    for (int i = 0; i < code.edgeCount() && i < kShownEdges; ++i) {
        const auto& e = r.edges[i];
        const auto& edge = s.edges[e.edge];
        std::printf("\nedge %d \"%s\": ", e.edge, edge.name.c_str());
        if (code.flat()) {
            std::printf("relays %zu workers\n", e.workers.size());
        } else {
            std::vector<double> be;
            for (const auto& entry : code.edgeLayer().row(i))
                be.push_back(entry.coefficient);
            auto sorted = code.edgePartitions(i);
            std::sort(sorted.begin(), sorted.end());
            std::printf("share %.4g, tolerates %d of %zu workers (%s), %zu partitions %s\n",
                        e.share, e.tolerance, e.workers.size(),
                        methodName(code.workerLayer(i).method()).c_str(), sorted.size(),
                        ranges(sorted).c_str());
            std::printf("  B^e row: %s\n", coefficients(be).c_str());
        }
        std::printf("  %-14s %-44s %s\n", "worker", "partitions", "coefficients");
        for (int j = 0; j < code.workerCount(i) && j < kShownWorkers; ++j) {
            const auto& w = code.worker(i, j);
            std::printf("  %-14s %-44s %s\n", edge.workers[w.scenarioWorker].name.c_str(),
                        ranges(w.partitions).c_str(), coefficients(w.coefficients).c_str());
        }
        if (code.workerCount(i) > kShownWorkers)
            std::printf("  ... %d more workers (--json lists all)\n",
                        code.workerCount(i) - kShownWorkers);
    }
    if (code.edgeCount() > kShownEdges)
        std::printf("\n... %d more edges (--json lists all)\n", code.edgeCount() - kShownEdges);
}

Json assignmentJson(const Scenario& s, const HierarchicalCode& code) {
    const auto& r = code.scheme();
    Json out;
    out["scheme"] = std::string(schemeTypeName(r.type));
    out["partitions"] = code.partitions();
    out["max_partitions_per_worker"] = code.maxPartitionsPerWorker();
    out["rounding_excess"] = code.roundingExcess();
    out["max_coefficient"] = code.maxAbsCoefficient();
    out["edge_layer_coefficients"] =
        code.flat() ? Json(nullptr) : Json(methodName(code.edgeLayer().method()));
    if (code.flat()) out["flat_coefficients"] = methodName(code.edgeLayer().method());
    Json edges = Json::array();
    for (int i = 0; i < code.edgeCount(); ++i) {
        const auto& e = r.edges[i];
        Json je;
        je["edge"] = e.edge;
        je["name"] = s.edges[e.edge].name;
        je["tolerance"] = e.tolerance;
        je["wait_for"] = e.waitFor;
        auto sorted = code.edgePartitions(i);
        std::sort(sorted.begin(), sorted.end());
        je["partitions"] = sorted;
        if (!code.flat()) {
            je["share"] = e.share;
            je["worker_coefficients"] = methodName(code.workerLayer(i).method());
            Json be = Json::array();
            for (const auto& entry : code.edgeLayer().row(i))
                be.push_back({entry.column, entry.coefficient});
            je["edge_coefficients"] = be; // [partition, B^e_ik] pairs
        }
        Json workers = Json::array();
        for (int j = 0; j < code.workerCount(i); ++j) {
            const auto& w = code.worker(i, j);
            workers.push_back({{"worker", w.scenarioWorker},
                               {"name", s.edges[e.edge].workers[w.scenarioWorker].name},
                               {"load", e.loads[j]},
                               {"partitions", w.partitions},
                               {"coefficients", w.coefficients}});
        }
        je["workers"] = workers;
        edges.push_back(je);
    }
    out["edges"] = edges;
    return out;
}

/// A pattern in file indices: {"edges": [...], "workers": [[edge, worker], ...]}.
Json patternJson(const HierarchicalCode& code, const coding::StragglerPattern& p) {
    const auto& r = code.scheme();
    Json edges = Json::array(), workers = Json::array();
    for (int i : p.edges)
        edges.push_back(r.edges[i].edge);
    for (std::size_t i = 0; i < p.workers.size(); ++i)
        for (int j : p.workers[i])
            workers.push_back({r.edges[i].edge, r.edges[i].workers[j]});
    return {{"edges", edges}, {"workers", workers}};
}

int runScheme(Args& args) {
    args.parse({"patterns", "coefficients", "seed"}, {"verify", "json"});
    const std::string file = args.positional(0, "scenario FILE");
    args.expectPositionals(1);
    const Scenario scenario = loadScenarioArgument(file);
    coding::CodeOptions options;
    const std::string method =
        args.choice("coefficients", "auto", {"auto", "random", "repetition"});
    options.coefficients = method == "random"       ? CoefficientMethod::NullSpace
                           : method == "repetition" ? CoefficientMethod::Repetition
                                                    : CoefficientMethod::Automatic;
    options.seed = static_cast<std::uint64_t>(
        args.integer("seed", static_cast<long long>(scenario.simulation.seed), 0, (1LL << 62)));
    const long long patterns = args.integer("patterns", 2000, 1, 1'000'000'000);
    const bool json = args.flag("json");

    const auto started = std::chrono::steady_clock::now();
    const HierarchicalCode code = HierarchicalCode::build(scenario, options);
    const double buildSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    Json out = json ? assignmentJson(scenario, code) : Json();
    if (json)
        out["build_seconds"] = buildSeconds;
    else
        printAssignment(scenario, code);
    if (!args.flag("verify")) {
        if (json) std::cout << out.dump(2) << "\n";
        return 0;
    }

    coding::VerifyOptions vo;
    vo.patterns = patterns;
    vo.seed = options.seed;
    const auto verifyStart = std::chrono::steady_clock::now();
    const coding::VerifyReport report = coding::verify(code, vo);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - verifyStart).count();
    if (json) {
        out["patterns_checked"] = report.patternsChecked;
        out["exhaustive"] = report.exhaustive;
        out["tolerable_patterns"] = report.tolerablePatterns;
        out["worst_relative_error"] = numberOrNull(report.worstRelativeError);
        out["error_limit"] = report.errorLimit;
        out["passed"] = report.passed();
        out["undecodable_patterns"] = report.undecodable;
        out["worst_residual"] = numberOrNull(report.worstResidual);
        out["worst_condition_number"] = numberOrNull(report.worstCondition);
        out["max_decoding_weight"] = numberOrNull(report.maxDecodingWeight);
        out["gradient_dimension"] = vo.dimension;
        out["worst_pattern"] = patternJson(code, report.worstPattern);
        out["verify_seconds"] = seconds;
        std::cout << out.dump(2) << "\n";
    } else {
        std::printf(
            "\nverify: %lld patterns (%s of %.4g within tolerance), gradients of dimension %d\n",
            report.patternsChecked,
            report.exhaustive ? "all" : "hard-looking ones, then random, out",
            report.tolerablePatterns, vo.dimension);
        std::printf("  worst relative error   %.3g (limit %.0e)  %s\n", report.worstRelativeError,
                    report.errorLimit, report.passed() ? "PASS" : "FAIL");
        if (report.undecodable > 0)
            std::printf("  NOT DECODABLE          %lld patterns within tolerance\n",
                        report.undecodable);
        std::printf("  worst residual         %.3g   (max_k |a^T B - 1|)\n", report.worstResidual);
        std::printf("  worst condition number %.3g\n", report.worstCondition);
        std::printf("  largest decoding weight %.3g, largest coefficient %.3g\n",
                    report.maxDecodingWeight, report.maxCoefficient);
        std::printf("  build %.3f s, verify %.3f s\n", buildSeconds, seconds);
    }
    return report.passed() ? 0 : 1;
}

CommandRegistration registration(
    {"scheme", "the real gradient code: who holds which partitions, and proof by decoding",
     "usage: hgc scheme FILE [--verify] [--patterns N] [--coefficients auto|random|repetition] "
     "[--seed S] [--json]\n\n"
     "Builds the encoding matrices of the file's scheme (SPEC §4): McNaughton wrap-around\n"
     "assignment of K partitions to edges and workers, and coefficients either by fractional\n"
     "repetition (0/1; only where nodes fall into groups of s+1 with equal data) or by the\n"
     "null-space construction ('random': real coefficients, H a Chebyshev-polynomial basis\n"
     "for small tolerances, else the best of several random draws). 'auto' (the default)\n"
     "takes repetition where it applies, per layer. The seed defaults to the file's\n"
     "simulation seed.\n\n"
     "--verify encodes random gradients (dimension 16) and decodes them under every straggler\n"
     "pattern within tolerance when there are at most 100000, otherwise under N of them\n"
     "(--patterns, default 2000): hard-looking ones first (all stragglers at one edge, the\n"
     "largest edges failing, consecutive blocks), then random ones. It reports the worst\n"
     "relative error |sum g - decoded| / |sum g|.\n\n"
     "Exit status: 0; 1 when --verify finds a pattern within tolerance that does not decode\n"
     "or a relative error above 1e-9; 2 on bad input.\n"
     "--json keys: partitions, max_partitions_per_worker, edges (per worker partitions and\n"
     "coefficients), and with --verify patterns_checked, worst_relative_error, passed, ...\n",
     runScheme});

} // namespace
} // namespace hgc::cli
