#include "optim/node_selection.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>

#include "optim/allocation_heuristics.h"
#include "optim/evaluation_order.h"
#include "util/parallel_for.h"

namespace hgc::optim {
namespace {

constexpr int kAllWorkersUpTo = 24;         // clusters this small: try removing every worker
constexpr int kWeakestPerEdge = 1;          // otherwise the weakest worker of each edge
constexpr std::size_t kFullSweepPairs = 64; // more valid pairs: search near the current best

bool usable(const Edge& e) {
    return e.active && std::any_of(e.workers.begin(), e.workers.end(),
                                   [](const Worker& w) { return w.active; });
}

struct Candidate {
    NodeRef node;
    Scenario scenario;
    std::vector<std::pair<int, int>> pairs;
    std::vector<SweepRow> rows;
    std::unique_ptr<AnalyticEvaluator> evaluator;
};

std::vector<NodeRef> candidateRemovals(const Scenario& s) {
    std::vector<NodeRef> out;
    int usableEdges = 0;
    for (const Edge& e : s.edges)
        usableEdges += usable(e) ? 1 : 0;
    const bool everyWorker = s.activeWorkerCount() <= kAllWorkersUpTo;
    for (int i = 0; i < static_cast<int>(s.edges.size()); ++i) {
        if (!usable(s.edges[i])) continue;
        if (usableEdges > 1) out.push_back({i, -1});
        if (s.activeWorkerCount(i) < 2) continue;
        auto workers = workersWeakestFirst(s, i);
        if (!everyWorker && static_cast<int>(workers.size()) > kWeakestPerEdge)
            workers.resize(kWeakestPerEdge);
        for (int j : workers)
            out.push_back({i, j});
    }
    return out;
}

/// The valid pairs to try on a candidate node set.
std::vector<std::pair<int, int>> pairsToTry(const Scenario& s, const SweepRow& current) {
    auto pairs = validHgcPairs(s);
    if (pairs.size() <= kFullSweepPairs) return pairs;
    std::erase_if(pairs, [&](const std::pair<int, int>& p) {
        return std::abs(p.first - current.edgeStragglers) > 1 ||
               std::abs(p.second - current.workerStragglers) > 1;
    });
    if (pairs.empty()) pairs.push_back({0, 0});
    return pairs;
}

} // namespace

SelectionResult selectNodes(const Scenario& scenario, const SweepResult& sweep,
                            const OptimOptions& options, const Progress& progress, double from,
                            double to) {
    const auto start = std::chrono::steady_clock::now();
    auto timeLeft = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() <
               options.maxSeconds;
    };
    SelectionResult result;
    result.scenario = scenario;
    result.best = sweep.best;
    for (int round = 0; timeLeft(); ++round) {
        progress.update(from + (to - from) * (1.0 - 1.0 / (round + 1)));
        std::vector<Candidate> candidates;
        for (const NodeRef& node : candidateRemovals(result.scenario)) {
            Candidate c;
            c.node = node;
            c.scenario = result.scenario;
            if (node.worker < 0)
                c.scenario.edges[node.edge].active = false;
            else
                c.scenario.edges[node.edge].workers[node.worker].active = false;
            c.pairs = pairsToTry(c.scenario, result.best);
            c.rows.resize(c.pairs.size());
            c.evaluator = std::make_unique<AnalyticEvaluator>(c.scenario, options.analytic);
            candidates.push_back(std::move(c));
        }
        if (candidates.empty()) break;
        // One flat job list over (candidate, pair), so that both cores stay busy.
        std::vector<std::pair<int, int>> jobs;
        for (int c = 0; c < static_cast<int>(candidates.size()); ++c)
            for (int p = 0; p < static_cast<int>(candidates[c].pairs.size()); ++p)
                jobs.push_back({c, p});
        parallelFor(jobs.size(), options.threads, progress, [&](std::size_t k) {
            Candidate& c = candidates[jobs[k].first];
            const auto [se, sw] = c.pairs[jobs[k].second];
            const ResolvedScheme scheme = resolve(c.scenario, Scheme::hgc(se, sw));
            SweepRow& row = c.rows[jobs[k].second];
            row.edgeStragglers = se;
            row.workerStragglers = sw;
            row.loadPerWorker = scheme.maxLoad();
            row.evaluation = c.evaluator->evaluate(scheme);
        });
        result.evaluations += static_cast<long long>(jobs.size());
        int chosen = -1;
        SweepRow chosenRow;
        for (int c = 0; c < static_cast<int>(candidates.size()); ++c) {
            const SweepRow& row = bestRow(candidates[c].rows);
            if (chosen < 0 || betterEvaluation(row.evaluation, chosenRow.evaluation))
                chosen = c, chosenRow = row;
        }
        if (!clearlyBetterEvaluation(chosenRow.evaluation, result.best.evaluation,
                                     options.minRelativeGain))
            break;
        result.scenario = std::move(candidates[chosen].scenario);
        result.best = chosenRow;
        result.excluded.push_back(candidates[chosen].node);
    }
    result.scenario.scheme = Scheme::hgc(result.best.edgeStragglers, result.best.workerStragglers);
    return result;
}

} // namespace hgc::optim
