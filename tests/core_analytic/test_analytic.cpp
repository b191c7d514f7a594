// The analytic evaluator against closed forms: order statistics of exponentials, sums with
// deterministic and exponential parts, failure probabilities as binomial tails, quantiles.
#include <QtTest>

#include <cmath>

#include "analytic/analytic.h"
#include "compare_relative.h"
#include "scenario_builders.h"
#include "util/errors.h"

using namespace hgc;
using namespace hgc::test;

namespace {

const Distribution kZero = Distribution::deterministic(0.0);

double binomialTail(int m, double q, int s) { // P(Bin(m, q) > s)
    double atMost = 0.0;
    for (int c = 0; c <= s; ++c)
        atMost += std::tgamma(m + 1.0) / (std::tgamma(c + 1.0) * std::tgamma(m - c + 1.0)) *
                  std::pow(q, c) * std::pow(1 - q, m - c);
    return 1.0 - atMost;
}

} // namespace

class TestAnalytic : public QObject {
    Q_OBJECT
private slots:
    void kthSmallestOfExponentials_data() {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("stragglers");
        QTest::addColumn<double>("rate");
        for (int s : {0, 1, 3, 7})
            QTest::addRow("m=8 s=%d", s) << 8 << s << 2.0;
        QTest::addRow("m=1") << 1 << 0 << 0.5;
        QTest::addRow("m=30 s=10") << 30 << 10 << 1.0;
        QTest::addRow("m=30 s=25") << 30 << 25 << 3.0;
    }
    void kthSmallestOfExponentials() {
        // One edge, s_w = s: the edge waits for the (m-s)-th of m i.i.d. l X, l X ~ Exp(rate/l).
        QFETCH(int, m);
        QFETCH(int, stragglers);
        QFETCH(double, rate);
        const Scenario sc =
            makeScenario({makeEdge(m, Distribution::exponential(rate), kZero, kZero)});
        const ResolvedScheme scheme = resolve(sc, Scheme::hgc(0, stragglers));
        const double load = (stragglers + 1.0) / m;
        const int k = m - stragglers;
        const double expected = (harmonic(m) - harmonic(m - k)) * load / rate;
        const Evaluation ev = evaluateAnalytic(sc, scheme);
        compareRelative(ev.expectedRuntime, expected, 1e-4);
        QCOMPARE(ev.failureProbability, 0.0);
        QCOMPARE(ev.conditionalRuntime, ev.expectedRuntime);
    }

    void shiftedExponentialsWithDeterministicUplinks() {
        // Y = l (c + Exp(rate)) + u, E = A + v: every part but the order statistic is a shift.
        const int m = 12, sw = 2;
        const double shift = 3.0, rate = 0.5, u = 0.25, v = 1.5;
        const Scenario sc = makeScenario(
            {makeEdge(m, Distribution::shiftedExponential(shift, rate),
                      Distribution::deterministic(u), Distribution::deterministic(v))});
        const double load = (sw + 1.0) / m;
        const double expected = load * shift + (harmonic(m) - harmonic(sw)) * load / rate + u + v;
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::hgc(0, sw))).expectedRuntime,
                        expected, 1e-4);
    }

    void exponentialEdgeUplinkIsAConvolution() {
        // One worker per edge, uncoded with one edge: T = X + V, both exponential.
        const Scenario sc = makeScenario(
            {makeEdge(1, Distribution::exponential(2.0), Distribution::exponential(4.0),
                      Distribution::shiftedExponential(0.5, 1.0))});
        const double expected = 0.5 + 1.0 / 2.0 + 1.0 / 4.0 + 1.0;
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::uncoded())).expectedRuntime,
                        expected, 1e-4);
    }

    void maxOfTwoShiftedExponentials() {
        // Two edges of one worker each, uncoded: T = max(X1, X2 + d) with X ~ Exp(2 lambda)
        // (load 1/2). E[max] = E[X1] + E[X2 + d] - E[min], E[min] = (1 - e^{-r d})/r + e^{-r
        // d}/(2r).
        const double lambda = 1.0, d = 0.7, r = 2.0 * lambda;
        const Scenario sc =
            makeScenario({makeEdge(1, Distribution::exponential(lambda), kZero, kZero),
                          makeEdge(1, Distribution::exponential(lambda), kZero,
                                   Distribution::deterministic(d))});
        const double eMin = (1 - std::exp(-r * d)) / r + std::exp(-r * d) / (2 * r);
        const double expected = 1 / r + (d + 1 / r) - eMin;
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::uncoded())).expectedRuntime,
                        expected, 1e-4);
    }

    void twoLayerDeterministicByHand() {
        // Edge i: workers deterministic c_ij, uplinks u, edge uplink v_i. hgc(1, 1) on 3 edges
        // of 3 workers: load 4/9; edge i waits for its 2nd fastest; master for the 2nd edge.
        std::vector<Edge> edges;
        const double c[3][3] = {{9, 18, 27}, {4.5, 45, 9}, {36, 9, 13.5}};
        const double v[3] = {1.0, 3.0, 0.5};
        for (int i = 0; i < 3; ++i) {
            Edge e = makeEdge(3, kZero, Distribution::deterministic(0.1),
                              Distribution::deterministic(v[i]));
            for (int j = 0; j < 3; ++j)
                e.workers[j].compute = Distribution::deterministic(c[i][j]);
            edges.push_back(e);
        }
        const Scenario sc = makeScenario(edges);
        // Loads 4/9: edge 0 second of {4, 8, 12} = 8 -> E = 8.1 + 1 = 9.1; edge 1 second of
        // {2, 20, 4} = 4 -> 7.1; edge 2 second of {16, 4, 6} = 6 -> 6.6. Master: second = 7.1.
        const Evaluation ev = evaluateAnalytic(sc, resolve(sc, Scheme::hgc(1, 1)));
        compareRelative(ev.expectedRuntime, 7.1, 1e-4);
        compareRelative(ev.quantiles.p50, 7.1, 1e-4);
    }

    void uncodedDeterministicByHand() {
        std::vector<Edge> edges;
        edges.push_back(
            makeEdge(2, Distribution::deterministic(4), Distribution::deterministic(0.5), kZero));
        edges.push_back(
            makeEdge(2, Distribution::deterministic(8), kZero, Distribution::deterministic(0.25)));
        const Scenario sc = makeScenario(edges);
        // W = 4, load 1/4: edge 0: 1 + 0.5 = 1.5; edge 1: 2 + 0.25 = 2.25.
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::uncoded())).expectedRuntime, 2.25,
                        1e-4);
    }

    void aSingleValuedIterationTime() {
        // Every delay fixed and one path: T takes one value, so its distribution has no
        // width at all (the grid once shrank to nothing and returned NaN).
        for (int workers : {1, 3}) {
            std::vector<Edge> edges{makeEdge(workers, Distribution::deterministic(10),
                                             Distribution::deterministic(0.01),
                                             Distribution::deterministic(0.5))};
            const Scenario sc = makeScenario(edges);
            const Evaluation ev = evaluateAnalytic(sc, resolve(sc, Scheme::uncoded()));
            const double expected = 10.0 / workers + 0.51;
            compareRelative(ev.expectedRuntime, expected, 1e-6);
            compareRelative(ev.quantiles.p50, expected, 1e-6);
            compareRelative(ev.quantiles.p99, expected, 1e-6);
            QCOMPARE(ev.failureProbability, 0.0);
        }
    }

    void gcSharesTheEdgeUplink() {
        // gc on one edge: T = V + (W-s)-th smallest of the l X_j (all messages wait the same
        // V). Treating the W messages as independent would give a different (larger) value.
        const int m = 10, s = 3;
        const double rate = 1.0, vRate = 0.5;
        const Scenario sc = makeScenario({makeEdge(m, Distribution::exponential(rate), kZero,
                                                   Distribution::exponential(vRate))});
        const double load = (s + 1.0) / m;
        const double expected = 1.0 / vRate + (harmonic(m) - harmonic(s)) * load / rate;
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::gc(s))).expectedRuntime, expected,
                        1e-4);
    }

    void gcAcrossEdgesWithPointUplinks() {
        // Point edge uplinks equal to 0: gc is the (W-s)-th of W i.i.d. messages.
        const int s = 5;
        const Scenario sc =
            makeScenario({makeEdge(4, Distribution::exponential(1.0), kZero, kZero),
                          makeEdge(6, Distribution::exponential(1.0), kZero, kZero)});
        const double load = (s + 1.0) / 10;
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::gc(s))).expectedRuntime,
                        (harmonic(10) - harmonic(s)) * load, 1e-4);
    }

    void failureProbabilityIsABinomialTail() {
        const int m = 6, n = 4, sw = 2, se = 1;
        const double q = 0.15, qEdge = 0.05;
        const Distribution compute = Distribution::exponential(1.0).withFailure(q);
        // One edge: fails when more than s_w of its m workers fail.
        const Scenario one = makeScenario({makeEdge(m, compute, kZero, kZero)});
        const Evaluation a = evaluateAnalytic(one, resolve(one, Scheme::hgc(0, sw)));
        compareRelative(a.failureProbability, binomialTail(m, q, sw), 1e-9);
        QVERIFY(std::isinf(a.expectedRuntime));
        QVERIFY(std::isfinite(a.conditionalRuntime));
        // Two layers: an edge fails with p_e = 1 - (1 - tail)(1 - q_edge); the master fails
        // when more than s_e edges do.
        std::vector<Edge> edges(
            n, makeEdge(m, compute, kZero, Distribution::exponential(3.0).withFailure(qEdge)));
        const Scenario two = makeScenario(edges);
        const double pe = 1 - (1 - binomialTail(m, q, sw)) * (1 - qEdge);
        const Evaluation b = evaluateAnalytic(two, resolve(two, Scheme::hgc(se, sw)));
        compareRelative(b.failureProbability, binomialTail(n, pe, se), 1e-9);
    }

    void quantilesOfOneExponential() {
        const double rate = 0.8;
        const Scenario sc =
            makeScenario({makeEdge(1, Distribution::exponential(rate), kZero, kZero)});
        const Evaluation ev = evaluateAnalytic(sc, resolve(sc, Scheme::uncoded()));
        compareRelative(ev.quantiles.p50, -std::log(0.5) / rate, 1e-4);
        compareRelative(ev.quantiles.p95, -std::log(0.05) / rate, 1e-4);
        compareRelative(ev.quantiles.p99, -std::log(0.01) / rate, 1e-4);
    }

    void quantilesInTheFailureMassAreInfinite() {
        const Scenario sc = makeScenario(
            {makeEdge(1, Distribution::exponential(1.0).withFailure(0.02), kZero, kZero)});
        const Evaluation ev = evaluateAnalytic(sc, resolve(sc, Scheme::uncoded()));
        compareRelative(ev.quantiles.p95, -std::log(1 - 0.95 / 0.98), 1e-4);
        QVERIFY(std::isinf(ev.quantiles.p99));
        compareRelative(ev.conditionalRuntime, 1.0, 1e-4);
    }

    void paretoWithInfiniteMean() {
        // A single Pareto worker with shape 0.8 has no mean; the 2nd of 3 of them has
        // tail exponent 2 x 0.8 > 1 and a finite one.
        const Distribution heavy = Distribution::pareto(1.0, 0.8);
        const Scenario one = makeScenario({makeEdge(1, heavy, kZero, kZero)});
        const Evaluation single = evaluateAnalytic(one, resolve(one, Scheme::uncoded()));
        QVERIFY(std::isinf(single.expectedRuntime));
        QCOMPARE(single.failureProbability, 0.0);
        compareRelative(single.quantiles.p50, std::pow(2.0, 1 / 0.8), 1e-3); // (1 - p)^(-1/shape)
        compareRelative(single.quantiles.p95, std::pow(20.0, 1 / 0.8), 1e-3);
        const Scenario three = makeScenario({makeEdge(3, heavy, kZero, kZero)});
        QVERIFY(std::isfinite(
            evaluateAnalytic(three, resolve(three, Scheme::hgc(0, 1))).expectedRuntime));
    }

    void paretoOrderStatisticClosedForm() {
        // Min of m Pareto(scale 1, shape a) is Pareto(1, m a): mean m a / (m a - 1). Here the
        // edge waits for the first of 3 workers (s_w = 2), load 1: E = 3a/(3a - 1).
        const double a = 1.5;
        const Scenario sc = makeScenario({makeEdge(3, Distribution::pareto(1.0, a), kZero, kZero)});
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::hgc(0, 2))).expectedRuntime,
                        3 * a / (3 * a - 1), 1e-4);
    }

    void evaluatorClassMatchesTheFunction() {
        const Scenario sc = makeUniformScenario(3, 4);
        const AnalyticEvaluator evaluator(sc);
        const ResolvedScheme scheme = resolve(sc, Scheme::hgc(1, 1));
        QCOMPARE(evaluator.evaluate(scheme).expectedRuntime,
                 evaluateAnalytic(sc, scheme).expectedRuntime);
        const AnalyticResult withCdf = evaluator.evaluateWithCdf(scheme);
        QVERIFY(withCdf.cdf.times.size() >= 100);
        QVERIFY(std::is_sorted(withCdf.cdf.cdf.begin(), withCdf.cdf.cdf.end()));
        QVERIFY(withCdf.cdf.cdf.back() > 0.999);
    }

    void refusesBadOptionsAndForeignSchemes() {
        const Scenario sc = makeUniformScenario(2, 2);
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 evaluateAnalytic(sc, resolve(sc), AnalyticOptions{0.0}));
        const Scenario bigger = makeUniformScenario(4, 2);
        QVERIFY_THROWS_EXCEPTION(InputError, evaluateAnalytic(sc, resolve(bigger)));
    }
};

QTEST_APPLESS_MAIN(TestAnalytic)
#include "test_analytic.moc"
