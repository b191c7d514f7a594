// IterationCdf reuses the edges' arrival CDFs of the previous grid when the next one has
// twice its resolution on the same range (every worker uplink a point): the result must
// be what a fresh evaluation on the fine grid gives.
#include <QtTest>

#include <cmath>
#include <vector>

#include "analytic/iteration_cdf.h"
#include "model/scheme.h"
#include "scenario_builders.h"
#include "util/random.h"

using namespace hgc;
using namespace hgc::analytic;
using namespace hgc::test;

namespace {

/// Three edges of five heterogeneous workers (shifted exponential compute, some
/// straggling or failing), exponential edge uplinks; worker uplinks from `workerUplink`.
Scenario heterogeneous(const Distribution& workerUplink) {
    Rng rng(11, 3);
    std::vector<Edge> edges;
    for (int i = 0; i < 3; ++i) {
        Edge e = makeEdge(5, Distribution::exponential(1.0), workerUplink,
                          Distribution::shiftedExponential(0.3, 2.0 + i));
        for (auto& w : e.workers) {
            w.compute = Distribution::shiftedExponential(1.0 + rng.uniform(), 0.5 + rng.uniform());
            if (rng.uniform() < 0.3) {
                w.compute.straggleProbability = 0.2;
                w.compute.straggleSlowdown = 3.0;
            }
            if (rng.uniform() < 0.2) w.compute.failureProbability = 0.05;
        }
        edges.push_back(std::move(e));
    }
    return makeScenario(std::move(edges));
}

double maxDifference(const std::vector<double>& a, const std::vector<double>& b) {
    double worst = a.size() == b.size() ? 0.0 : INFINITY;
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k)
        worst = std::max(worst, std::abs(a[k] - b[k]));
    return worst;
}

} // namespace

class TestIterationCdfRefinement : public QObject {
    Q_OBJECT
private slots:
    void refinedGridEqualsFreshEvaluation_data() {
        QTest::addColumn<int>("edgeStragglers");
        QTest::addColumn<int>("workerStragglers");
        QTest::addRow("hgc(0,0)") << 0 << 0;
        QTest::addRow("hgc(1,2)") << 1 << 2;
        QTest::addRow("hgc(2,4)") << 2 << 4;
    }
    void refinedGridEqualsFreshEvaluation() {
        QFETCH(int, edgeStragglers);
        QFETCH(int, workerStragglers);
        const Scenario sc = heterogeneous(Distribution::deterministic(0.05));
        const ResolvedScheme scheme = resolve(sc, Scheme::hgc(edgeStragglers, workerStragglers));
        const IterationCdf refined(sc, scheme);
        const double low = refined.lowerBound(), width = refined.upperGuess(1e-7) - low;
        std::vector<double> out, fresh;
        for (int n : {32, 64, 128, 256}) { // each grid the previous one refined
            const Grid grid{low, width / n, n + 1};
            refined.evaluate(grid, out);
            QCOMPARE(refined.reusedLastGrid(), n > 32);
            IterationCdf(sc, scheme).evaluate(grid, fresh);
            QVERIFY2(maxDifference(out, fresh) <= 1e-13, qPrintable(QString::number(n)));
        }
        // A longer range shares no points with the last grid: computed afresh.
        const Grid longer{low, 2.0 * width / 512, 513};
        refined.evaluate(longer, out);
        QVERIFY(!refined.reusedLastGrid());
        IterationCdf(sc, scheme).evaluate(longer, fresh);
        QVERIFY(maxDifference(out, fresh) <= 1e-13);
    }

    void randomWorkerUplinksAreNotReused() {
        // A convolution on a grid is not its values on a coarser one: no reuse.
        const Scenario sc = heterogeneous(Distribution::exponential(8.0));
        const ResolvedScheme scheme = resolve(sc, Scheme::hgc(1, 2));
        const IterationCdf model(sc, scheme);
        const double low = model.lowerBound(), width = model.upperGuess(1e-7) - low;
        std::vector<double> out;
        model.evaluate(Grid{low, width / 64, 65}, out);
        model.evaluate(Grid{low, width / 128, 129}, out);
        QVERIFY(!model.reusedLastGrid());
    }
};

QTEST_APPLESS_MAIN(TestIterationCdfRefinement)
#include "test_iteration_cdf_refinement.moc"
