#include "optim/allocation_search.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <optional>

#include "optim/allocation_heuristics.h"
#include "optim/evaluation_order.h"
#include "util/parallel_for.h"

namespace hgc::optim {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kStartRows = 3;               // uniform rows whose tolerances seed the search
constexpr int kNeutralRows = 100;           // rows also tried as water-filled starting points
constexpr double kRiskStep = 0.25;          // first step of the risk coordinates
constexpr double kTiltStep = 0.4;           // first step of the (log) tilts
constexpr double kSmallestScale = 1.0 / 32; // steps stop halving here
constexpr int kToleranceMoves = 50;         // at most this many tolerance moves
constexpr double kDropTilt = 5.0;           // an edge tilted this much keeps ~1/150 of its share

struct Point {
    AllocationShape shape;
    Evaluation evaluation;
};

/// One parameter of a shape: a risk, an edge tilt or a worker tilt.
struct Coordinate {
    enum Kind { Risk, EdgeTilt, WorkerTilt } kind;
    int edge = 0;
    int worker = 0;
};

bool usable(const Edge& e) {
    return e.active && std::any_of(e.workers.begin(), e.workers.end(),
                                   [](const Worker& w) { return w.active; });
}

/// The shape moved by `delta` along `c`, or nothing when the move changes nothing (a risk
/// at its bound).
std::optional<AllocationShape> moved(const AllocationShape& shape, const Coordinate& c,
                                     double delta) {
    AllocationShape s = shape;
    switch (c.kind) {
    case Coordinate::Risk: {
        const double r = std::clamp(s.risk[c.edge] + delta, 0.0, 1.0);
        if (r == s.risk[c.edge]) return std::nullopt;
        s.risk[c.edge] = r;
        break;
    }
    case Coordinate::EdgeTilt:
        s.edgeTilt[c.edge] += delta;
        break;
    case Coordinate::WorkerTilt:
        s.workerTilt[c.edge][c.worker] += delta;
        break;
    }
    return s;
}

class Search {
public:
    Search(const Scenario& scenario, const OptimOptions& options, const Progress& progress)
        : scenario_(scenario), evaluator_(scenario, AnalyticOptions{options.searchAccuracy}),
          options_(options), progress_(progress), margin_(0.25 * options.searchAccuracy),
          start_(Clock::now()) {
        for (int i = 0; i < static_cast<int>(scenario.edges.size()); ++i)
            if (usable(scenario.edges[i])) edges_.push_back(i);
    }

    long long evaluations() const { return evaluations_; }
    bool better(const Evaluation& a, const Evaluation& b) const {
        return clearlyBetterEvaluation(a, b, margin_);
    }
    bool timeLeft() const {
        return std::chrono::duration<double>(Clock::now() - start_).count() < options_.maxSeconds;
    }

    std::vector<Evaluation> evaluate(const std::vector<Scheme>& schemes) {
        std::vector<Evaluation> out(schemes.size());
        parallelFor(schemes.size(), options_.threads, progress_, [&](std::size_t k) {
            out[k] = evaluator_.evaluate(resolve(scenario_, schemes[k]));
        });
        evaluations_ += static_cast<long long>(schemes.size());
        return out;
    }

    std::vector<Point> evaluateShapes(std::vector<AllocationShape> shapes) {
        std::vector<Scheme> schemes;
        for (const auto& s : shapes)
            schemes.push_back(waterFillAllocation(scenario_, s));
        const auto evaluations = evaluate(schemes);
        std::vector<Point> points;
        for (std::size_t k = 0; k < shapes.size(); ++k)
            points.push_back({std::move(shapes[k]), evaluations[k]});
        return points;
    }

    const Point& best(const std::vector<Point>& points) const {
        return *std::min_element(points.begin(), points.end(), [](const Point& a, const Point& b) {
            return betterEvaluation(a.evaluation, b.evaluation);
        });
    }

    std::vector<Coordinate> edgeCoordinates() const {
        std::vector<Coordinate> out;
        for (int i : edges_) {
            out.push_back({Coordinate::Risk, i, 0});
            // With one active edge its share is always 1: a tilt would change nothing.
            if (edges_.size() > 1) out.push_back({Coordinate::EdgeTilt, i, 0});
        }
        return out;
    }

    /// The worker tilts, one block per edge.
    std::vector<std::vector<Coordinate>> workerCoordinates() const {
        std::vector<std::vector<Coordinate>> out;
        for (int i : edges_) {
            const auto& workers = scenario_.edges[i].workers;
            if (scenario_.activeWorkerCount(i) < 2) continue;
            out.emplace_back();
            for (int j = 0; j < static_cast<int>(workers.size()); ++j)
                if (workers[j].active) out.back().push_back({Coordinate::WorkerTilt, i, j});
        }
        return out;
    }

    /// One step of the coordinate search on `coordinates` (allocation_search.h, step 3):
    /// every +-step move evaluated side by side; the best, or all improving ones together
    /// when that is better. Returns false when no move improves.
    bool step(Point& point, const std::vector<Coordinate>& coordinates, double scale) {
        std::vector<AllocationShape> shapes;
        std::vector<std::pair<int, double>> moves; // coordinate index, delta
        for (int k = 0; k < static_cast<int>(coordinates.size()); ++k) {
            const double size =
                (coordinates[k].kind == Coordinate::Risk ? kRiskStep : kTiltStep) * scale;
            for (double delta : {size, -size})
                if (auto s = moved(point.shape, coordinates[k], delta)) {
                    shapes.push_back(std::move(*s));
                    moves.push_back({k, delta});
                }
        }
        auto points = evaluateShapes(shapes);
        std::vector<int> improving(coordinates.size(),
                                   -1); // the best improving move per coordinate
        int bestMove = -1;
        for (int m = 0; m < static_cast<int>(points.size()); ++m) {
            if (!better(points[m].evaluation, point.evaluation)) continue;
            int& slot = improving[moves[m].first];
            if (slot < 0 || betterEvaluation(points[m].evaluation, points[slot].evaluation))
                slot = m;
            if (bestMove < 0 || betterEvaluation(points[m].evaluation, points[bestMove].evaluation))
                bestMove = m;
        }
        if (bestMove < 0) return false;
        Point next = std::move(points[bestMove]);
        if (std::count_if(improving.begin(), improving.end(), [](int m) { return m >= 0; }) > 1) {
            // All improving moves at once: a finite-difference descent step.
            AllocationShape joint = point.shape;
            for (int k = 0; k < static_cast<int>(coordinates.size()); ++k)
                if (improving[k] >= 0)
                    if (auto s = moved(joint, coordinates[k], moves[improving[k]].second))
                        joint = std::move(*s);
            auto combined = evaluateShapes({joint});
            if (betterEvaluation(combined[0].evaluation, next.evaluation))
                next = std::move(combined[0]);
        }
        point = std::move(next);
        return true;
    }

    /// Coordinate search from `point` over `blocks` of coordinates taken in turn, steps
    /// starting at `scale` times the first steps and halved after a cycle over every block
    /// without improvement; at most `maxMoves` accepted moves, and no new block once the
    /// time budget is spent.
    Point refine(Point point, const std::vector<std::vector<Coordinate>>& blocks, int maxMoves,
                 double scale, const std::function<void(double)>& onCycle) {
        int moves = 0;
        while (scale >= kSmallestScale && moves < maxMoves) {
            bool improved = false;
            for (const auto& block : blocks) {
                if (block.empty()) continue;
                if (moves >= maxMoves || !timeLeft()) return point;
                if (step(point, block, scale)) improved = true, ++moves;
            }
            if (!improved) scale /= 2.0;
            if (onCycle) onCycle(scale);
        }
        return point;
    }

    /// Whether tolerances (s_e, s_i) leave P(T = inf) > 0: more than s_e edges can fail, an
    /// edge failing when its uplink can or when more than s_i of its workers can. Exact,
    /// since failures are independent; it spares the search evaluating hopeless schemes
    /// (which are also the slowest to evaluate).
    bool canFail(const AllocationShape& shape) const {
        int failingEdges = 0;
        for (int i : edges_) {
            const Edge& e = scenario_.edges[i];
            int failingWorkers = 0;
            for (const Worker& w : e.workers)
                if (w.active &&
                    (w.compute.failureProbability > 0.0 || w.uplink.failureProbability > 0.0))
                    ++failingWorkers;
            if (e.uplink.failureProbability > 0.0 || failingWorkers > shape.tolerances[i])
                ++failingEdges;
        }
        return failingEdges > shape.edgeStragglers;
    }

    /// Tolerance neighbours of a shape (allocation_search.h, step 2); when the shape cannot
    /// fail, only those that cannot fail either.
    std::vector<AllocationShape> toleranceNeighbours(const AllocationShape& shape) const {
        std::vector<AllocationShape> out;
        const int n = static_cast<int>(edges_.size());
        for (int d : {1, -1}) {
            const int se = shape.edgeStragglers + d;
            if (se >= 0 && se <= n - 1) {
                out.push_back(shape);
                out.back().edgeStragglers = se;
            }
            // One edge straggler fewer while one edge all but drops out: what node selection
            // does by excluding the edge, reached in one move instead of many small tilts.
            if (d < 0 && se >= 0 && n > 1)
                for (int i : edges_) {
                    out.push_back(shape);
                    out.back().edgeStragglers = se;
                    out.back().edgeTilt[i] += kDropTilt;
                }
            AllocationShape all = shape;
            bool allValid = true;
            for (int i : edges_) {
                const int s = shape.tolerances[i] + d;
                const bool valid = s >= 0 && s <= scenario_.activeWorkerCount(i) - 1;
                allValid = allValid && valid;
                all.tolerances[i] = s;
                if (!valid) continue;
                out.push_back(shape);
                out.back().tolerances[i] = s;
            }
            if (allValid && n > 1) out.push_back(all);
        }
        if (!canFail(shape))
            std::erase_if(out, [&](const AllocationShape& s) { return canFail(s); });
        return out;
    }

    void report(double fraction) const { progress_.update(fraction); }

    const Scenario& scenario() const { return scenario_; }

private:
    const Scenario& scenario_;
    AnalyticEvaluator evaluator_;
    const OptimOptions& options_;
    const Progress& progress_;
    double margin_;
    Clock::time_point start_;
    std::vector<int> edges_;
    std::atomic<long long> evaluations_{0};
};

/// The sweep's rows from the best, at most `count` of them.
std::vector<SweepRow> bestRows(const SweepResult& sweep, int count) {
    std::vector<SweepRow> rows = sweep.rows;
    std::stable_sort(rows.begin(), rows.end(), [](const SweepRow& a, const SweepRow& b) {
        return betterEvaluation(a.evaluation, b.evaluation);
    });
    if (static_cast<int>(rows.size()) > count) rows.resize(count);
    return rows;
}

} // namespace

AllocationSearchResult searchAllocation(const Scenario& scenario, const SweepResult& sweep,
                                        const OptimOptions& options, const Progress& progress,
                                        double from, double to) {
    Search search(scenario, options, progress);
    auto at = [&](double f) { search.report(from + (to - from) * f); };
    const auto rows = bestRows(sweep, kStartRows);
    AllocationSearchResult result;

    // 1. Starting points, and the proportional baseline at the same tolerances.
    std::vector<AllocationShape> starts;
    std::vector<Scheme> proportional;
    for (const SweepRow& row : rows) {
        const std::vector<int> tolerances(scenario.edges.size(), row.workerStragglers);
        for (double risk : {0.0, 0.5, 1.0})
            starts.push_back(neutralShape(scenario, row.edgeStragglers, tolerances, risk));
        proportional.push_back(
            proportionalAllocation(scenario, row.edgeStragglers, row.workerStragglers));
    }
    const auto proportionalEvaluations = search.evaluate(proportional);
    int bestProportional = 0;
    for (int k = 1; k < static_cast<int>(proportional.size()); ++k)
        if (betterEvaluation(proportionalEvaluations[k], proportionalEvaluations[bestProportional]))
            bestProportional = k;
    result.proportionalScheme = proportional[bestProportional];
    result.proportional = proportionalEvaluations[bestProportional];
    // Every other (s_e, s_w) too, water-filled at risk 1/2: unequal shares can make a
    // row good that is poor for uniform hgc (a slow edge then costs little).
    const auto others = bestRows(sweep, kNeutralRows);
    for (std::size_t k = rows.size(); k < others.size(); ++k) {
        const std::vector<int> tolerances(scenario.edges.size(), others[k].workerStragglers);
        AllocationShape shape = neutralShape(scenario, others[k].edgeStragglers, tolerances, 0.5);
        // Schemes that can fail are hopeless (and slow to evaluate) when some row cannot.
        if (!std::isfinite(sweep.best.evaluation.expectedRuntime) || !search.canFail(shape))
            starts.push_back(std::move(shape));
    }
    Point point = search.best(search.evaluateShapes(starts));
    at(0.1);

    // 2. Tolerance moves, each new point briefly refined on the edge parameters.
    const std::vector<std::vector<Coordinate>> edgeCoordinates{search.edgeCoordinates()};
    for (int move = 0; move < kToleranceMoves && search.timeLeft(); ++move) {
        const auto neighbours = search.evaluateShapes(search.toleranceNeighbours(point.shape));
        if (neighbours.empty()) break;
        const Point& candidate = search.best(neighbours);
        if (!search.better(candidate.evaluation, point.evaluation)) break;
        point = search.refine(candidate, edgeCoordinates, 2, 0.5, {});
        at(0.1 + 0.3 * (move + 1) / kToleranceMoves);
    }
    at(0.4);

    // 3. Continuous refinement: edge parameters, then per-worker tilts.
    auto phase = [&](double a, double b) {
        return [=, &at](double scale) {
            at(a + (b - a) * std::log2(1.0 / scale) / std::log2(1.0 / kSmallestScale));
        };
    };
    point = search.refine(point, edgeCoordinates, 1000, 1.0, phase(0.4, 0.7));
    at(0.7);
    point = search.refine(point, search.workerCoordinates(), 1000, 0.5, phase(0.7, 1.0));
    at(1.0);

    result.scheme = waterFillAllocation(scenario, point.shape);
    result.evaluation = point.evaluation;
    result.evaluations = search.evaluations();
    return result;
}

} // namespace hgc::optim
