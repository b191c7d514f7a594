// Random uplinks in the analytic evaluator: the exact binning of exponential delays and its
// recursive convolution, the FFT convolution of long kernels, both against direct sums;
// and whole evaluations against hypoexponential closed forms, integrated here
// independently of the evaluator's grid.
#include <QtTest>

#include <cmath>
#include <functional>
#include <vector>

#include "analytic/analytic.h"
#include "analytic/delay_grid.h"
#include "analytic/fft_convolution.h"
#include "analytic/iteration_cdf.h"
#include "compare_relative.h"
#include "scenario_builders.h"
#include "util/random.h"

using namespace hgc;
using namespace hgc::analytic;
using namespace hgc::test;

namespace {

const Distribution kZero = Distribution::deterministic(0.0);

/// Every weight of `b` (head and tails) up to `length`.
std::vector<double> expandWeights(const BinnedDelay& b, int length) {
    std::vector<double> w(length, 0.0);
    for (int j = 0; j < length && j < static_cast<int>(b.weights.size()); ++j)
        w[j] = b.weights[j];
    for (const auto& t : b.tails)
        for (int j = t.first; j < length; ++j)
            w[j] += t.weight * std::pow(t.ratio, j - t.first);
    return w;
}

/// The definition of convolve(): sum_j w_j g[k + offset - j], g[i < 0] = below, and the
/// mass missing from w (failure) also worth `below`.
std::vector<double> directConvolution(const std::vector<double>& g, int offset, double below,
                                      const std::vector<double>& w, int count) {
    std::vector<double> out(count);
    double total = 0.0;
    for (double x : w)
        total += x;
    for (int k = 0; k < count; ++k) {
        double sum = below * (1.0 - total);
        for (std::size_t j = 0; j < w.size(); ++j) {
            const long long i = k + offset - static_cast<long long>(j);
            sum += w[j] * (i < 0 ? below : g[i]);
        }
        out[k] = sum;
    }
    return out;
}

/// A CDF-like array: increasing from 0 towards 1 with kinks.
std::vector<double> someCdf(int n) {
    std::vector<double> g(n);
    Rng rng(5, 1);
    double v = 0.0;
    for (int i = 0; i < n; ++i) {
        v += rng.uniform() * (1.0 - v) * 0.05;
        g[i] = v;
    }
    return g;
}

/// Composite Simpson of f on [a, b] with n (even) intervals.
double simpson(const std::function<double(double)>& f, double a, double b, int n) {
    const double h = (b - a) / n;
    double sum = f(a) + f(b);
    for (int i = 1; i < n; ++i)
        sum += f(a + i * h) * (i % 2 ? 4.0 : 2.0);
    return sum * h / 3.0;
}

/// P(Y <= t) for Y = Exp(a) + Exp(b), the textbook hypoexponential forms.
double hypoexponentialCdf(double a, double b, double t) {
    if (t <= 0) return 0.0;
    if (a == b) return 1.0 - std::exp(-a * t) * (1.0 + a * t);
    return 1.0 - (b * std::exp(-a * t) - a * std::exp(-b * t)) / (b - a);
}

/// E[k-th smallest of m i.i.d. Y] = integral of P(fewer than k have arrived by t).
double kthSmallestMean(const std::function<double(double)>& cdf, int m, int k, double end) {
    auto notYet = [&](double t) {
        const double F = cdf(t);
        double p = 0.0;
        for (int c = 0; c < k; ++c)
            p += std::tgamma(m + 1.0) / (std::tgamma(c + 1.0) * std::tgamma(m - c + 1.0)) *
                 std::pow(F, c) * std::pow(1 - F, m - c);
        return p;
    };
    return simpson(notYet, 0.0, end, 200000);
}

/// Three edges carrying the same four workers (random uplinks, two of them identical); the
/// first two edge uplinks start at 0, the third at 0.3. With `disguised`, the workers of
/// edges 1 and 2 write their exponentials as shifted ones with shift 0: the same numbers,
/// but not equal delays, so nothing can be shared.
Scenario repeatedWorkers(bool disguised) {
    auto exp = [](double rate, bool disguise) {
        return disguise ? Distribution::shiftedExponential(0.0, rate)
                        : Distribution::exponential(rate);
    };
    const Distribution edgeUplinks[3] = {Distribution::exponential(1.0),
                                         Distribution::exponential(0.5).withStraggle(0.1, 2),
                                         Distribution::shiftedExponential(0.3, 2.0)};
    std::vector<Edge> edges;
    for (int i = 0; i < 3; ++i) {
        const bool d = disguised && i > 0;
        Edge e = makeEdge(4, exp(1.5, d), exp(2.0, d), edgeUplinks[i]);
        e.workers[2].compute = Distribution::uniform(0.2, 1.0);
        e.workers[3].uplink = exp(0.7, d).withStraggle(0.2, 3.0);
        edges.push_back(e);
    }
    return makeScenario(edges);
}

} // namespace

class TestAnalyticRandomUplinks : public QObject {
    Q_OBJECT
private slots:
    void exponentialBinningIsTheHatIntegral_data() {
        QTest::addColumn<Distribution>("d");
        QTest::addColumn<double>("h");
        // The finest step costs millions of CDF evaluations: not under the sanitizers.
        const bool sanitized = qEnvironmentVariableIsSet("HGC_SANITIZED");
        for (double h : {0.01, 0.3, 2.0}) {
            if (sanitized && h < 0.1) continue;
            QTest::addRow("exp h=%g", h) << Distribution::exponential(1.5) << h;
            QTest::addRow("shifted straggling failing h=%g", h)
                << Distribution::shiftedExponential(1.3, 0.8).withStraggle(0.3, 2.5).withFailure(
                       0.1)
                << h;
            QTest::addRow("exp straggling h=%g", h)
                << Distribution::exponential(4.0).withStraggle(0.2, 3.0) << h;
        }
    }
    void exponentialBinningIsTheHatIntegral() {
        // weight_j = I_j - I_{j-1}, I_j the mean of F(shift + x) over [j h, (j+1) h]: the hat
        // integral by parts, here by fine quadrature of the CDF.
        QFETCH(Distribution, d);
        QFETCH(double, h);
        const BinnedDelay b = binDelay(d, h, 1 << 20);
        QVERIFY(!b.tails.empty());
        QCOMPARE(b.shift, d.baseLowerBound());
        const int length = static_cast<int>(std::ceil(120.0 / h)) + 4; // tails below 1e-15
        const auto w = expandWeights(b, length);
        double previous = 0.0, total = 0.0;
        for (int j = 0; j < length; ++j) {
            const double I =
                simpson([&](double x) { return d.cdf(b.shift + x); }, j * h, (j + 1) * h, 400) / h;
            const double expected = I - previous;
            previous = I;
            if (!(std::abs(w[j] - expected) <= 1e-9))
                QFAIL(qPrintable(
                    QString("weight %1: %2, expected %3").arg(j).arg(w[j]).arg(expected)));
            total += w[j];
        }
        QVERIFY(std::abs(total - (1.0 - d.failureProbability)) < 1e-9);
        QCOMPARE(b.finiteMass, 1.0 - d.failureProbability);
    }

    void recursiveConvolutionIsTheDirectSum_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<double>("below");
        QTest::addColumn<double>("h");
        for (int offset : {0, 5, 300})
            for (double below : {0.0, 1.0})
                for (double h : {0.05, 0.7})
                    QTest::addRow("offset %d below %g h %g", offset, below, h)
                        << offset << below << h;
    }
    void recursiveConvolutionIsTheDirectSum() {
        QFETCH(int, offset);
        QFETCH(double, below);
        QFETCH(double, h);
        const Distribution d =
            Distribution::shiftedExponential(2.0, 0.9).withStraggle(0.25, 2.0).withFailure(0.05);
        const BinnedDelay b = binDelay(d, h, 1 << 20);
        const int count = 400;
        const auto g = someCdf(count + offset);
        std::vector<double> out(count);
        convolve(g.data(), offset, below, b, out.data(), count);
        const auto w = expandWeights(b, b.reach() + count + offset);
        const auto expected = directConvolution(g, offset, below, w, count);
        for (int k = 0; k < count; ++k)
            if (!(std::abs(out[k] - expected[k]) <= 1e-12))
                QFAIL(qPrintable(
                    QString("out[%1] = %2, expected %3").arg(k).arg(out[k]).arg(expected[k])));
    }

    void fftConvolutionIsTheDirectSum() {
        // A uniform delay over many cells: a dense kernel, convolved by FFT.
        const double h = 0.01;
        const Distribution d = Distribution::uniform(0.5, 4.0).withFailure(0.1);
        const BinnedDelay b = binDelay(d, h, 1 << 20);
        QVERIFY(b.weights.size() > 300);
        for (int offset : {0, 40})
            for (double below : {0.0, 1.0}) {
                const int count = 1000;
                const auto g = someCdf(count + offset);
                std::vector<double> out(count);
                convolve(g.data(), offset, below, b, out.data(), count);
                const auto expected = directConvolution(g, offset, below, b.weights, count);
                for (int k = 0; k < count; ++k)
                    if (!(std::abs(out[k] - expected[k]) <= 1e-13))
                        QFAIL(qPrintable(QString("offset %1 below %2: out[%3] = %4, expected %5")
                                             .arg(offset)
                                             .arg(below)
                                             .arg(k)
                                             .arg(out[k])
                                             .arg(expected[k])));
            }
        // And the bare FFT product against the definition, sizes not powers of two.
        const std::vector<double> a = someCdf(37), c = someCdf(501);
        std::vector<double> product(300);
        fftConvolution(a.data(), 37, c.data(), 501, product.data(), 300);
        for (int i = 0; i < 300; ++i) {
            double sum = 0.0;
            for (int j = 0; j < 37 && j <= i; ++j)
                sum += a[j] * c[i - j];
            QVERIFY(std::abs(product[i] - sum) < 1e-13);
        }
    }

    void kthOfHypoexponentials_data() {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("stragglers");
        QTest::addColumn<double>("computeRate");
        QTest::addColumn<double>("uplinkRate");
        QTest::addRow("one worker, unequal rates") << 1 << 0 << 1.0 << 3.0;
        QTest::addRow("one worker, equal rates") << 1 << 0 << 2.0 << 2.0;
        QTest::addRow("max of 6, unequal") << 6 << 0 << 6.0 << 0.7;
        QTest::addRow("4th of 6, equal") << 6 << 2 << 2.0 << 4.0; // l = 1/2: l X ~ Exp(4)
        QTest::addRow("2nd of 6, unequal") << 6 << 4 << 1.5 << 9.0;
    }
    void kthOfHypoexponentials() {
        // One edge, hgc(0, s): Y = l X + U ~ Exp(rate / l) + Exp(mu); T the (m-s)-th smallest.
        QFETCH(int, m);
        QFETCH(int, stragglers);
        QFETCH(double, computeRate);
        QFETCH(double, uplinkRate);
        const Scenario sc = makeScenario({makeEdge(m, Distribution::exponential(computeRate),
                                                   Distribution::exponential(uplinkRate), kZero)});
        const double load = (stragglers + 1.0) / m;
        const double a = computeRate / load, b = uplinkRate;
        auto F = [&](double t) { return hypoexponentialCdf(a, b, t); };
        const double end = 60.0 / std::min(a, b);
        const double expected = kthSmallestMean(F, m, m - stragglers, end);
        if (m == 1) compareRelative(expected, 1 / a + 1 / b, 1e-9); // the integration itself
        const Evaluation ev = evaluateAnalytic(sc, resolve(sc, Scheme::hgc(0, stragglers)));
        compareRelative(ev.expectedRuntime, expected, 1e-4);
        if (m == 1) {
            // The median: F(p50) = 1/2.
            QVERIFY(std::abs(F(ev.quantiles.p50) - 0.5) < 1e-4);
            QVERIFY(std::abs(F(ev.quantiles.p99) - 0.99) < 1e-4);
        }
    }

    void threeExponentialStages() {
        // One worker: T = X + U + V, three exponentials of distinct rates (the edge uplink's
        // convolution runs as a recursion too). Its CDF curve against the closed form.
        const double r[3] = {1.0, 2.5, 0.6};
        const Scenario sc = makeScenario(
            {makeEdge(1, Distribution::exponential(r[0]), Distribution::exponential(r[1]),
                      Distribution::exponential(r[2]))});
        const ResolvedScheme scheme = resolve(sc, Scheme::uncoded());
        auto F = [&](double t) {
            double survival = 0.0;
            for (int i = 0; i < 3; ++i) {
                double c = 1.0;
                for (int j = 0; j < 3; ++j)
                    if (j != i) c *= r[j] / (r[j] - r[i]);
                survival += c * std::exp(-r[i] * t);
            }
            return 1.0 - survival;
        };
        compareRelative(evaluateAnalytic(sc, scheme).expectedRuntime,
                        1 / r[0] + 1 / r[1] + 1 / r[2], 1e-4);
        const CdfCurve curve = analyticCdf(sc, scheme);
        QVERIFY(curve.times.size() > 100);
        double worst = 0.0;
        for (std::size_t k = 0; k < curve.times.size(); ++k)
            worst = std::max(worst, std::abs(curve.cdf[k] - F(curve.times[k])));
        QVERIFY2(worst < 1e-4, qPrintable(QString("largest CDF error %1").arg(worst)));
    }

    void gcWithRandomUplinksAddsTheEdgeMean() {
        // gc on one edge: T = V + (W-s)-th smallest of the Y_j, so E[T] = E[V] + E[k-th of Y]
        // (the flat path: counts of late workers averaged over V by the recursion).
        const int m = 8, s = 3;
        const double rate = 1.0, mu = 2.0, vRate = 0.5;
        const Scenario sc = makeScenario(
            {makeEdge(m, Distribution::exponential(rate), Distribution::exponential(mu),
                      Distribution::exponential(vRate))});
        const double load = (s + 1.0) / m;
        auto F = [&](double t) { return hypoexponentialCdf(rate / load, mu, t); };
        const double expected = 1 / vRate + kthSmallestMean(F, m, m - s, 60.0 / mu);
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::gc(s))).expectedRuntime, expected,
                        1e-4);
    }

    void sharedWorkerCdfsAreBitIdentical_data() {
        QTest::addColumn<Scheme>("scheme");
        QTest::addRow("hgc(1,1)") << Scheme::hgc(1, 1);
        QTest::addRow("uncoded") << Scheme::uncoded();
        QTest::addRow("gc(4)") << Scheme::gc(4);
    }
    void sharedWorkerCdfsAreBitIdentical() {
        // Workers repeated across edges share one CDF per grid; the result must be the very
        // same bits as computing each edge's own copy.
        QFETCH(Scheme, scheme);
        const Scenario shared = repeatedWorkers(false), separate = repeatedWorkers(true);
        const ResolvedScheme a = resolve(shared, scheme), b = resolve(separate, scheme);
        // Edges 0 and 1 start at the same time: their three distinct workers are shared.
        QCOMPARE(IterationCdf(shared, a).sharedWorkerCdfs(), 3);
        QCOMPARE(IterationCdf(separate, b).sharedWorkerCdfs(), 0);
        const AnalyticResult x = AnalyticEvaluator(shared).evaluateWithCdf(a);
        const AnalyticResult y = AnalyticEvaluator(separate).evaluateWithCdf(b);
        QVERIFY(x.evaluation.expectedRuntime == y.evaluation.expectedRuntime);
        QVERIFY(x.evaluation.quantiles.p50 == y.evaluation.quantiles.p50);
        QVERIFY(x.evaluation.quantiles.p99 == y.evaluation.quantiles.p99);
        QVERIFY(x.cdf.cdf == y.cdf.cdf);
        QVERIFY(x.cdf.times == y.cdf.times);
    }

    void maxOfParetoEdgeUplinks_data() {
        QTest::addColumn<int>("edges");
        QTest::addRow("20 edges") << 20;
        QTest::addRow("5 edges") << 5;
    }
    void maxOfParetoEdgeUplinks() {
        // Uncoded, one deterministic worker per edge: T = c + max of n Pareto(x, a), whose
        // mean is x n! Gamma(1 - 1/a) / Gamma(n + 1 - 1/a). The power-law tail (exponent
        // 2.2) is extrapolated beyond the grid; growing the range until that tail was
        // negligible used to exhaust the grid (errors of 2-20%). The deterministic compute
        // makes the CDF of T jump, so the body converges at O(h) only, and the 2^17-interval
        // cap over this range leaves about 1e-3.
        QFETCH(int, edges);
        const double x = 0.5, a = 2.2, c = 0.5;
        Scenario sc = makeScenario({});
        for (int i = 0; i < edges; ++i)
            sc.edges.push_back(
                makeEdge(1, Distribution::deterministic(c), kZero, Distribution::pareto(x, a)));
        const double n = edges;
        const double expected = c / n + x * std::exp(std::lgamma(n + 1) + std::lgamma(1 - 1 / a) -
                                                     std::lgamma(n + 1 - 1 / a));
        compareRelative(evaluateAnalytic(sc, resolve(sc, Scheme::uncoded())).expectedRuntime,
                        expected, 2e-3);
    }

    void failingRandomUplinks() {
        // A failing exponential uplink: P(T = inf) = q for one worker, E[T | T < inf] the
        // hypoexponential mean.
        const double q = 0.2;
        const Scenario sc =
            makeScenario({makeEdge(1, Distribution::exponential(1.0),
                                   Distribution::exponential(2.0).withFailure(q), kZero)});
        const Evaluation ev = evaluateAnalytic(sc, resolve(sc, Scheme::uncoded()));
        QVERIFY(std::abs(ev.failureProbability - q) < 1e-12);
        QVERIFY(std::isinf(ev.expectedRuntime));
        compareRelative(ev.conditionalRuntime, 1.0 + 0.5, 1e-4);
    }
};

QTEST_APPLESS_MAIN(TestAnalyticRandomUplinks)
#include "test_analytic_random_uplinks.moc"
