// Gradient codes (SPEC §4): assignment, coefficients, decoding, verification.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

#include "coding/hierarchical_code.h"
#include "coding/partition_grid.h"
#include "coding/straggler_patterns.h"
#include "coding/verification.h"
#include "coding/wrap_around.h"
#include "model/scenario.h"
#include "util/errors.h"
#include "util/random.h"

using namespace hgc;
using namespace hgc::coding;

namespace {

/// Edges with the given (active) worker counts and default distributions.
Scenario scenarioWith(const std::vector<int>& workersPerEdge, const Scheme& scheme) {
    const int most = *std::max_element(workersPerEdge.begin(), workersPerEdge.end());
    Scenario s = makeUniformScenario(static_cast<int>(workersPerEdge.size()), most);
    for (std::size_t i = 0; i < workersPerEdge.size(); ++i)
        s.edges[i].workers.resize(workersPerEdge[i]);
    s.scheme = scheme;
    return s;
}

Scheme allocation(int edgeStragglers, std::vector<EdgeAllocation> edges) {
    Scheme s;
    s.type = SchemeType::Allocation;
    s.edgeStragglers = edgeStragglers;
    s.edges = std::move(edges);
    return s;
}

/// Per partition: the edges holding it, and per such edge how many of its workers hold it.
struct Holders {
    std::vector<std::set<int>> edges;
    std::vector<std::map<int, int>> workersInEdge;
    std::vector<int> workers;
};

void collectHolders(const HierarchicalCode& code, Holders& h) {
    h.edges.resize(code.partitions());
    h.workersInEdge.resize(code.partitions());
    h.workers.assign(code.partitions(), 0);
    for (const auto& w : code.workers()) {
        QCOMPARE_EQ(w.partitions.size(), w.coefficients.size());
        QVERIFY(std::is_sorted(w.partitions.begin(), w.partitions.end()));
        QVERIFY(std::adjacent_find(w.partitions.begin(), w.partitions.end()) == w.partitions.end());
        for (int k : w.partitions) {
            h.edges[k].insert(w.edge);
            ++h.workersInEdge[k][w.edge];
            ++h.workers[k];
        }
    }
}

void expectExhaustivePass(const HierarchicalCode& code, double limit = 1e-12) {
    const VerifyReport r = verify(code);
    QVERIFY(r.exhaustive);
    QCOMPARE(static_cast<double>(r.patternsChecked), r.tolerablePatterns);
    QCOMPARE(r.undecodable, 0);
    QVERIFY2(r.worstRelativeError <= limit, qPrintable(QString::number(r.worstRelativeError)));
}

bool sanitized() {
    return qEnvironmentVariableIsSet("HGC_SANITIZED");
}

} // namespace

class TestCoding : public QObject {
    Q_OBJECT
private slots:
    // Tandon et al. (2017), n = 3, s = 1: worker 1 sends g1/2 + g2, worker 2 g2 - g3,
    // worker 3 g1/2 + g3. Any two decode, with (2,-1), (1,1) and (1,2).
    void tandonExample() {
        Eigen::MatrixXd b(3, 3);
        b << 0.5, 1, 0, 0, 1, -1, 0.5, 0, 1;
        const LayerCode code = LayerCode::fromMatrix(b, 1);
        const std::vector<std::pair<int, std::vector<double>>> expected = {
            {2, {2, -1, 0}}, {1, {1, 0, 1}}, {0, {0, 1, 2}}};
        for (const auto& [straggler, weights] : expected) {
            const auto a = code.decode({straggler});
            QVERIFY(a);
            for (int j = 0; j < 3; ++j)
                QVERIFY(std::abs(a->weights[j] - weights[j]) < 1e-12);
            QVERIFY(a->residual < 1e-12);
        }
        Eigen::MatrixXd g(3, 5);
        g.setRandom();
        const Eigen::MatrixXd z = b * g;
        const auto a = code.decode({1});
        const Eigen::RowVectorXd decoded = a->weights[0] * z.row(0) + a->weights[2] * z.row(2);
        QVERIFY((decoded - g.colwise().sum()).norm() < 1e-12);
        QVERIFY(!code.decode({0, 2})); // two stragglers: beyond s = 1
        QVERIFY(!code.decode({7}));    // no such node
    }

    void wrapAroundCutsConsecutivePieces() {
        const auto pieces = wrapAround({3, 3, 2, 4}, 6);
        const std::vector<std::vector<int>> expected = {{0, 1, 2}, {3, 4, 5}, {0, 1}, {2, 3, 4, 5}};
        QCOMPARE(pieces, expected);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wrapAround({7}, 6));
    }

    // The paper's bound met with equality: K = W, every worker holds (s_e+1)(s_w+1)
    // partitions, every partition is held by exactly s_e+1 edges and, inside each, by
    // exactly s_w+1 workers -- also with unequal edge sizes.
    void uniformHgcMeetsTheBound() {
        for (const auto& sizes :
             std::vector<std::vector<int>>{{4, 4, 4}, {3, 4, 5}, {2, 6, 3, 5}}) {
            const int se = 1, sw = 1;
            const Scenario s = scenarioWith(sizes, Scheme::hgc(se, sw));
            const auto code = HierarchicalCode::build(s);
            const int W = s.activeWorkerCount();
            QCOMPARE(code.partitions(), W);
            QCOMPARE(code.roundingExcess(), 0.0);
            for (const auto& w : code.workers())
                QCOMPARE(static_cast<int>(w.partitions.size()), (se + 1) * (sw + 1));
            Holders h;
            collectHolders(code, h);
            for (int k = 0; k < code.partitions(); ++k) {
                QCOMPARE(static_cast<int>(h.edges[k].size()), se + 1);
                QCOMPARE(h.workers[k], (se + 1) * (sw + 1));
                for (const auto& [edge, count] : h.workersInEdge[k])
                    QCOMPARE(count, sw + 1);
            }
            QVERIFY(std::abs(resolve(s).maxLoad() - loadLowerBound(se, sw, W)) < 1e-15);
            expectExhaustivePass(code);
        }
    }

    void everySchemeTypeDecodesEveryTolerablePattern_data() {
        QTest::addColumn<Scenario>("scenario");
        QTest::newRow("uncoded") << scenarioWith({2, 3}, Scheme::uncoded());
        QTest::newRow("hgc 2x3 s_e=1 s_w=2") << scenarioWith({3, 3}, Scheme::hgc(1, 2));
        QTest::newRow("hgc heterogeneous s_e=2 s_w=1")
            << scenarioWith({2, 3, 4, 3}, Scheme::hgc(2, 1));
        QTest::newRow("gc cyclic W=7 s=2") << scenarioWith({3, 4}, Scheme::gc(2));
        QTest::newRow("gc repetition W=6 s=2") << scenarioWith({2, 4}, Scheme::gc(2));
        QTest::newRow("gc W=9 s=4") << scenarioWith({4, 5}, Scheme::gc(4));
        Scenario inactive = scenarioWith({3, 4, 3, 2}, Scheme::hgc(1, 1));
        inactive.edges[1].workers[2].active = false;
        inactive.edges[3].active = false;
        inactive.edges[0].workers[0].active = false;
        QTest::newRow("hgc with inactive nodes") << inactive;
        QTest::newRow("allocation, unequal shares and loads")
            << scenarioWith({3, 4, 2}, allocation(1, {{0.8, 1, {0.6, 0.6, 0.4}},
                                                      {0.7, 2, {0.7, 0.7, 0.35, 0.35}},
                                                      {0.5, 0, {0.3, 0.2}}}));
        Scenario allocInactive =
            scenarioWith({4, 3, 3}, allocation(1, {{0.9, 1, {0.5, 0.45, 0.7, 0.62}},
                                                   {0.6, 1, {0.4, 0.45, 0.37}},
                                                   {1.0, 0, {0.5, 0.3, 0.25}}}));
        allocInactive.edges[0].workers[1].active = false; // its load is ignored
        QTest::newRow("allocation, off-grid loads, inactive worker") << allocInactive;
    }

    void everySchemeTypeDecodesEveryTolerablePattern() {
        QFETCH(Scenario, scenario);
        const ResolvedScheme r = resolve(scenario);
        for (auto method : {CoefficientMethod::Automatic, CoefficientMethod::NullSpace}) {
            const auto code = HierarchicalCode::build(scenario, {method, 7});
            QCOMPARE(static_cast<int>(code.workers().size()), r.workerCount);
            // Inactive nodes get nothing: only active workers appear, with their file indices.
            for (const auto& w : code.workers()) {
                QVERIFY(scenario.edges[w.scenarioEdge].active);
                QVERIFY(scenario.edges[w.scenarioEdge].workers[w.scenarioWorker].active);
                QVERIFY(!w.partitions.empty());
            }
            // Coverage: s_e+1 edges per partition and s_i+1 workers inside each of them
            // (gc: s+1 workers); nobody holds less than its load.
            Holders h;
            collectHolders(code, h);
            for (int k = 0; k < code.partitions(); ++k) {
                if (code.flat()) {
                    QVERIFY(h.workers[k] >= r.edgeTolerance + 1);
                    continue;
                }
                QVERIFY(static_cast<int>(h.edges[k].size()) >= r.edgeTolerance + 1);
                for (const auto& [edge, count] : h.workersInEdge[k])
                    QVERIFY(count >= r.edges[edge].tolerance + 1);
            }
            for (const auto& w : code.workers())
                QVERIFY(static_cast<double>(w.partitions.size()) / code.partitions() >=
                        r.edges[w.edge].loads[w.worker] - 1e-12);
            QVERIFY(code.roundingExcess() <= 0.2);
            expectExhaustivePass(code, 1e-11);
        }
    }

    void allocationRoundsOnAFinerGrid() {
        const Scenario s = scenarioWith({3, 4, 2}, allocation(1, {{0.8, 1, {0.6, 0.6, 0.4}},
                                                                  {0.7, 2, {0.7, 0.7, 0.35, 0.35}},
                                                                  {0.5, 0, {0.3, 0.2}}}));
        const auto grid = partitionGrid(resolve(s));
        // 0.35 K and 0.8 K are whole first at K = 20 (W = 9): nothing is rounded there.
        QCOMPARE(grid.partitions, 20);
        QCOMPARE(grid.edgePieces, (std::vector<int>{16, 14, 10}));
        QCOMPARE(grid.workerPieces[1], (std::vector<int>{14, 14, 7, 7}));
        QVERIFY(grid.roundingExcess < 1e-12);
    }

    void repetitionWhereItApplies() {
        // W = 6, s = 2: groups of 3 workers hold equal halves.
        const auto rep = HierarchicalCode::build(scenarioWith({2, 4}, Scheme::gc(2)));
        QCOMPARE(rep.edgeLayer().method(), CoefficientMethod::Repetition);
        for (const auto& w : rep.workers())
            for (double c : w.coefficients)
                QCOMPARE(c, 1.0);
        const auto d = rep.decode({{{0, 1}, {}}, {}});
        QVERIFY(d);
        for (double a : d->masterWeights)
            QVERIFY(a == 0.0 || a == 1.0);
        // W = 7, s = 2: it does not apply; the default falls back to the null space and
        // asking for repetition is refused with a message.
        const Scenario cyclic = scenarioWith({3, 4}, Scheme::gc(2));
        QCOMPARE(HierarchicalCode::build(cyclic).edgeLayer().method(),
                 CoefficientMethod::NullSpace);
        QVERIFY_THROWS_EXCEPTION(
            InputError, HierarchicalCode::build(cyclic, {CoefficientMethod::Repetition, 1}));
        // Uniform hgc on 2 x 2 with s_e = s_w = 1: both layers are repetitions.
        const auto both = HierarchicalCode::build(scenarioWith({2, 2}, Scheme::hgc(1, 1)));
        QCOMPARE(both.edgeLayer().method(), CoefficientMethod::Repetition);
        QCOMPARE(both.workerLayer(0).method(), CoefficientMethod::Repetition);
        expectExhaustivePass(both, 1e-15); // only the order of the additions differs
    }

    // One straggler too many is "not decodable", never a wrong gradient.
    void beyondToleranceIsNotDecodable() {
        const auto code = HierarchicalCode::build(scenarioWith({4, 4, 4}, Scheme::hgc(1, 1)));
        QVERIFY(code.decode({{{}, {0}, {3}}, {0}}));     // s_e edges + s_w per edge: fine
        QVERIFY(!code.decode({{{}, {0, 1}, {3}}, {0}})); // edge 1 cannot decode: 2 edges lost
        QVERIFY(!code.decode({{}, {0, 2}}));             // two edges fail
        const auto partial = code.decode({{{}, {0, 1}, {}}, {}}); // edge 1 lost, but s_e = 1
        QVERIFY(partial);
        QCOMPARE(partial->failedEdges, (std::vector<int>{1}));
        QVERIFY(partial->edgeWeights[1].empty());

        const auto gc = HierarchicalCode::build(scenarioWith({3, 4}, Scheme::gc(2)));
        QVERIFY(gc.decode({{{0}, {1}}, {}}));
        QVERIFY(!gc.decode({{{0}, {1, 2}}, {}}));
        QVERIFY(!gc.decode({{}, {1}})); // edge 1 relays 4 workers: 4 > s
        QVERIFY(!gc.run(Eigen::MatrixXd::Ones(gc.partitions(), 3), {{{0, 1, 2}, {}}, {}}));
    }

    // Messages of stragglers are never read: NaN there leaves the decoded sum exact.
    void decodingIgnoresStragglers() {
        const auto code = HierarchicalCode::build(scenarioWith({3, 4, 5}, Scheme::hgc(1, 1)));
        Rng rng(3);
        Eigen::MatrixXd g(code.partitions(), 8);
        for (Eigen::Index k = 0; k < g.size(); ++k)
            g.data()[k] = rng.normal();
        Eigen::MatrixXd messages = code.encode(g);
        const StragglerPattern p{{{2}, {0}, {}}, {2}};
        messages.row(code.workerIndex(0, 2)).setConstant(NAN);
        messages.row(code.workerIndex(1, 0)).setConstant(NAN);
        for (int j = 0; j < 5; ++j)
            messages.row(code.workerIndex(2, j)).setConstant(NAN);
        const auto d = code.decode(p);
        QVERIFY(d);
        const Eigen::RowVectorXd sum = code.decodeMessages(messages, *d);
        QVERIFY((sum - g.colwise().sum()).norm() <= 1e-12 * g.colwise().sum().norm());
        const auto out = code.run(g, p);
        QVERIFY(out);
        QVERIFY(out->relativeError < 1e-12);
        QVERIFY((out->sum - sum).norm() < 1e-12 * sum.norm());
        // The combined weight of a worker is the master's weight times the edge's.
        QCOMPARE(out->decoding.workerWeights[0][1], d->masterWeights[0] * d->edgeWeights[0][1]);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, code.encode(Eigen::MatrixXd::Ones(3, 2)));
    }

    void patternCountsMatchEnumeration() {
        const ResolvedScheme r = resolve(scenarioWith({3, 3}, Scheme::hgc(1, 1)));
        // No failed edge: (1+3)^2 = 16; one failed edge: 2 x 4 = 8.
        QCOMPARE(countTolerablePatterns(r), 24.0);
        std::set<std::pair<std::vector<std::vector<int>>, std::vector<int>>> seen;
        forEachTolerablePattern(r, [&](const StragglerPattern& p) {
            seen.insert({p.workers, p.edges});
            return true;
        });
        QCOMPARE(seen.size(), std::size_t{24});
        const ResolvedScheme flat = resolve(scenarioWith({3, 4}, Scheme::gc(2)));
        QCOMPARE(countTolerablePatterns(flat), 1.0 + 7 + 21);
    }

    // The numerical targets of issue 3: worst relative error <= 1e-9.
    void largeHgcMeetsTheTarget() {
        const auto code =
            HierarchicalCode::build(scenarioWith(std::vector<int>(10, 20), Scheme::hgc(3, 5)));
        VerifyOptions options;
        options.patterns = sanitized() ? 200 : 3000;
        const VerifyReport r = verify(code, options);
        QVERIFY(!r.exhaustive);
        QCOMPARE(r.patternsChecked, options.patterns);
        QCOMPARE(r.maxPartitionsPerWorker, 24);
        QCOMPARE(r.partitions, 200);
        QCOMPARE(r.undecodable, 0);
        QVERIFY2(r.worstRelativeError <= 1e-9, qPrintable(QString::number(r.worstRelativeError)));
    }

    void largeGcMeetsTheTarget() {
        const auto code =
            HierarchicalCode::build(scenarioWith(std::vector<int>(10, 20), Scheme::gc(20)));
        QCOMPARE(code.edgeLayer().method(), CoefficientMethod::NullSpace); // 21 does not divide 200
        VerifyOptions options;
        options.patterns = sanitized() ? 200 : 3000;
        const VerifyReport r = verify(code, options);
        QCOMPARE(r.maxPartitionsPerWorker, 21);
        QCOMPARE(r.undecodable, 0);
        QVERIFY2(r.worstRelativeError <= 1e-9, qPrintable(QString::number(r.worstRelativeError)));
        QVERIFY(r.worstResidual <= 1e-8);
    }
};

QTEST_APPLESS_MAIN(TestCoding)
#include "test_coding.moc"
