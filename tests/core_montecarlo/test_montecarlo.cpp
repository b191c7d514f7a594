// Tests of the Monte Carlo evaluator (SPEC §5): closed forms, exact order-statistic
// integrals, binomial failure tails, every sampler against its CDF and mean, and
// reproducibility across thread counts.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>

#include "exact_reference.h"
#include "model/scenario.h"
#include "montecarlo/batch_sampler.h"
#include "montecarlo/fast_kernels.h"
#include "montecarlo/kernel_level.h"
#include "montecarlo/montecarlo.h"
#include "montecarlo/order_statistic.h"
#include "montecarlo/wide_rng.h"
#include "util/errors.h"

using namespace hgc;
using hgc::test::atLeast;
using hgc::test::harmonic;
using hgc::test::integrateSurvival;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Fewer iterations under the sanitizers, which run everything ~20x slower.
long long iterations(long long plain) {
    return qEnvironmentVariableIsSet("HGC_SANITIZED") ? std::max(2000LL, plain / 20) : plain;
}

/// n edges of m workers with the given delays.
Scenario uniformScenario(int n, int m, const Distribution& compute,
                         const Distribution& workerUplink, const Distribution& edgeUplink) {
    Scenario s = makeUniformScenario(n, m);
    for (auto& edge : s.edges) {
        edge.uplink = edgeUplink;
        for (auto& worker : edge.workers) {
            worker.compute = compute;
            worker.uplink = workerUplink;
        }
    }
    return s;
}

Evaluation evaluate(const Scenario& s, long long n, std::uint64_t seed = 7, int threads = 0,
                    std::vector<double>* samples = nullptr) {
    MonteCarloOptions options;
    options.iterations = n;
    options.seed = seed;
    options.threads = threads;
    options.samples = samples;
    return evaluateMonteCarlo(s, resolve(s), options);
}

/// |estimate - exact| within 4 standard errors (plus rounding slack).
void expectMean(const Evaluation& e, double exact, const char* what) {
    const double deviation = std::abs(e.expectedRuntime - exact);
    QVERIFY2(std::isfinite(e.standardError) && e.standardError > 0, what);
    QVERIFY2(deviation <= 4 * e.standardError + 1e-12 * exact,
             qPrintable(QString("%1: mean %2, exact %3, %4 standard errors")
                            .arg(what)
                            .arg(e.expectedRuntime, 0, 'g', 10)
                            .arg(exact, 0, 'g', 10)
                            .arg(deviation / e.standardError)));
}

/// A proportion p-hat of n trials within 4 binomial standard errors of p.
void expectProportion(double estimate, double p, long long n, const QString& what) {
    const double se = std::sqrt(std::max(p * (1 - p), 1e-12) / n);
    QVERIFY2(std::abs(estimate - p) <= 4 * se + 1e-12,
             qPrintable(QString("%1: %2 vs %3 (se %4)").arg(what).arg(estimate).arg(p).arg(se)));
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool identical(const Evaluation& a, const Evaluation& b) {
    return sameBits(a.expectedRuntime, b.expectedRuntime) &&
           sameBits(a.conditionalRuntime, b.conditionalRuntime) &&
           sameBits(a.failureProbability, b.failureProbability) &&
           sameBits(a.standardError, b.standardError) &&
           sameBits(a.quantiles.p50, b.quantiles.p50) &&
           sameBits(a.quantiles.p95, b.quantiles.p95) &&
           sameBits(a.quantiles.p99, b.quantiles.p99) && a.iterations == b.iterations;
}

/// The distributions of SPEC §2: every family, and modifiers on several of them.
std::vector<Distribution> distributionCases() {
    return {
        Distribution::deterministic(2.5),
        Distribution::uniform(1.0, 3.0),
        Distribution::exponential(0.5),
        Distribution::shiftedExponential(2.0, 1.5),
        Distribution::pareto(1.0, 3.5),
        Distribution::lognormal(0.2, 0.6),
        Distribution::shiftedExponential(2.0, 1.5).withStraggle(0.2, 4.0),
        Distribution::uniform(1.0, 3.0).withFailure(0.1),
        Distribution::pareto(1.0, 3.5).withStraggle(0.1, 3.0).withFailure(0.05),
        Distribution::deterministic(1.0).withStraggle(0.3, 2.0).withFailure(0.1),
        Distribution::lognormal(0.2, 0.6).withStraggle(1.0, 2.0),
        Distribution::exponential(2.0).withFailure(0.25),
    };
}

/// Checks samples of `d` (+inf for failures): failure share, finite mean, and the
/// empirical CDF at three points against Distribution::cdf.
void checkSamples(const Distribution& d, const std::vector<double>& samples) {
    const QString name = QString::fromStdString(describe(d));
    const long long n = static_cast<long long>(samples.size());
    long long failures = 0;
    double sum = 0.0;
    for (double x : samples)
        failures += std::isinf(x), sum += std::isinf(x) ? 0.0 : x;
    const long long finite = n - failures;
    expectProportion(static_cast<double>(failures) / n, d.failureProbability, n,
                     name + " failures");
    const double mean = sum / finite;
    double squares = 0.0;
    for (double x : samples)
        if (!std::isinf(x)) squares += (x - mean) * (x - mean);
    const double se = std::sqrt(squares / (finite - 1) / finite);
    QVERIFY2(
        std::abs(mean - d.finiteMean()) <= 4 * se + 1e-12 * d.finiteMean(),
        qPrintable(
            QString("%1: mean %2 vs %3 (se %4)").arg(name).arg(mean).arg(d.finiteMean()).arg(se)));
    if (d.failureProbability > 0) QCOMPARE(d.mean(), kInf);
    for (double tail : {0.9, 0.5, 0.1}) {
        const double t = d.upperQuantile(tail);
        const long long below =
            std::count_if(samples.begin(), samples.end(), [&](double x) { return x <= t; });
        expectProportion(static_cast<double>(below) / n, d.cdf(t), n,
                         name + QString(" cdf(%1)").arg(t));
    }
}

} // namespace

class TestMonteCarlo : public QObject {
    Q_OBJECT

private slots:
    // --- order statistics -------------------------------------------------------------
    void kthSmallestMatchesSorting() {
        Rng rng(3);
        for (int n = 1; n <= 40; ++n)
            for (int k = 1; k <= n; ++k)
                for (int trial = 0; trial < 3; ++trial) {
                    std::vector<double> v(n);
                    // Ties and failures included.
                    for (auto& x : v)
                        x = rng.uniform() < 0.1 ? kInf : std::floor(rng.uniform() * 10);
                    std::vector<double> sorted = v;
                    std::sort(sorted.begin(), sorted.end());
                    QCOMPARE(mc::kthSmallest(v.data(), n, k), sorted[k - 1]);
                }
    }

    // --- the fast samplers --------------------------------------------------------------
    void fastExponentialMatchesLogarithm() {
        Rng rng(11);
        double worst = 0.0;
        for (int i = 0; i < 200000; ++i) {
            const std::uint64_t bits = i < 2 ? (i == 0 ? 0 : ~0ULL) : rng.next();
            const double u = 1.0 - static_cast<double>(bits >> 12) * 0x1.0p-52; // (0, 1], exact
            const double exact = -std::log(u);
            const double fast = mc::exponentialFromBits(bits);
            if (exact == 0.0) {
                QCOMPARE(fast, 0.0);
                continue;
            }
            worst = std::max(worst, std::abs(fast - exact) / exact);
        }
        QVERIFY2(worst < 4e-16, qPrintable(QString("relative error %1").arg(worst)));
        QCOMPARE(mc::exponentialFromBits(~0ULL), 52 * std::log(2.0));
    }

    void wideRngStreamIgnoresChunking() {
        Rng a(5, 9), b(5, 9);
        mc::WideRng wa(a), wb(b);
        std::vector<std::uint64_t> whole(1000), pieces(1000);
        wa.fill(whole.data(), whole.size());
        std::size_t at = 0;
        for (std::size_t chunk : {1, 7, 8, 3, 100, 13, 868}) {
            wb.fill(pieces.data() + at, chunk);
            at += chunk;
        }
        QCOMPARE(at, whole.size());
        QVERIFY(whole == pieces);
        QVERIFY(std::adjacent_find(whole.begin(), whole.end()) == whole.end()); // not stuck
    }

    void distributionSamplerMatchesCdf_data() { distributionCasesTable(); }
    void distributionSamplerMatchesCdf() {
        QFETCH(int, index);
        const Distribution d = distributionCases()[index];
        Rng rng(21, index);
        std::vector<double> samples(iterations(200000));
        for (auto& x : samples)
            x = d.sample(rng);
        checkSamples(d, samples);
    }

    void batchSamplerMatchesCdf_data() { distributionCasesTable(); }
    void batchSamplerMatchesCdf() {
        // The evaluator's fast path: nodes scaled by a load (0.5 keeps the check exact).
        QFETCH(int, index);
        const Distribution d = distributionCases()[index];
        const int nodes = 13;
        mc::BatchSampler sampler(std::vector<Distribution>(nodes, d),
                                 std::vector<double>(nodes, 0.5));
        mc::RandomSource random(22, index);
        std::vector<double> out(nodes), samples;
        std::vector<std::uint64_t> scratch(nodes);
        while (samples.size() < static_cast<std::size_t>(iterations(200000))) {
            sampler.sample(random, out.data(), scratch.data());
            for (double x : out)
                samples.push_back(x / 0.5);
        }
        checkSamples(d, samples);
    }

    void batchSamplerKeepsMixedNodesApart() {
        // Every node of a mixed list follows its own distribution.
        const auto cases = distributionCases();
        std::vector<Distribution> list;
        for (int j = 0; j < 30; ++j)
            list.push_back(cases[(j * 7) % cases.size()]);
        mc::BatchSampler sampler(list, std::vector<double>(list.size(), 1.0));
        mc::RandomSource random(23, 0);
        std::vector<double> out(list.size());
        std::vector<std::uint64_t> scratch(list.size());
        std::vector<std::vector<double>> perNode(list.size());
        for (long long i = 0; i < iterations(40000); ++i) {
            sampler.sample(random, out.data(), scratch.data());
            for (std::size_t j = 0; j < list.size(); ++j)
                perNode[j].push_back(out[j]);
        }
        for (std::size_t j = 0; j < list.size(); ++j)
            checkSamples(list[j], perNode[j]);
    }

    // --- iteration times against exact values ---------------------------------------------
    void kthOfExponentialsClosedForm_data() {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("stragglers");
        QTest::newRow("max of 10") << 10 << 0;
        QTest::newRow("8th of 10") << 10 << 2;
        QTest::newRow("min of 10") << 10 << 9;
        QTest::newRow("2nd of 10") << 10 << 8;
        QTest::newRow("15th of 30 (nth_element)") << 30 << 15;
    }
    void kthOfExponentialsClosedForm() {
        // One edge, no delays but compute: T = k-th smallest of m i.i.d. l X, X ~ Exp(rate),
        // and l X ~ Exp(rate / l): E[T] = l (H_m - H_{m-k}) / rate.
        QFETCH(int, m);
        QFETCH(int, stragglers);
        const double rate = 0.7;
        Scenario s =
            uniformScenario(1, m, Distribution::exponential(rate), Distribution::deterministic(0),
                            Distribution::deterministic(0));
        s.scheme = Scheme::hgc(0, stragglers);
        const double load = (stragglers + 1.0) / m;
        const int k = m - stragglers;
        const Evaluation e = evaluate(s, iterations(200000));
        expectMean(e, load * (harmonic(m) - harmonic(m - k)) / rate, "k-th of exponentials");
        QCOMPARE(e.failureProbability, 0.0);
        QCOMPARE(e.conditionalRuntime, e.expectedRuntime);
    }

    void shiftedExponentialsWithUplinks() {
        // Shifts and deterministic uplinks add: E[T] = l shift + u + v + l (H_m - H_{m-k}) / rate.
        const int m = 12, sw = 3;
        const double shift = 10, rate = 0.1, up = 0.05, edgeUp = 0.3;
        Scenario s =
            uniformScenario(1, m, Distribution::shiftedExponential(shift, rate),
                            Distribution::deterministic(up), Distribution::deterministic(edgeUp));
        s.scheme = Scheme::hgc(0, sw);
        const double l = (sw + 1.0) / m;
        const Evaluation e = evaluate(s, iterations(200000));
        expectMean(e, l * shift + up + edgeUp + l * (harmonic(m) - harmonic(sw)) / rate, "shifted");
    }

    void uplinksAreNotScaledByTheLoad() {
        // Instant compute, exponential worker uplinks: T = k-th of m Exp(rate), no load.
        const int m = 9, sw = 4;
        const double rate = 3.0;
        Scenario s =
            uniformScenario(1, m, Distribution::deterministic(0), Distribution::exponential(rate),
                            Distribution::deterministic(0));
        s.scheme = Scheme::hgc(0, sw);
        expectMean(evaluate(s, iterations(200000)), (harmonic(m) - harmonic(sw)) / rate, "uplinks");
    }

    void stragglersBeforeConstantUplinks() {
        // Compute l c, times f with probability p; constant uplink u (added after the
        // slowdown, never scaled by it). The edge waits for k of m: it is slow exactly
        // when fewer than k workers are fast.
        const int m = 6, sw = 2, k = m - sw;
        const double c = 3.0, p = 0.3, f = 4.0, u = 0.5;
        Scenario s =
            uniformScenario(1, m, Distribution::deterministic(c).withStraggle(p, f),
                            Distribution::deterministic(u), Distribution::deterministic(0));
        s.scheme = Scheme::hgc(0, sw);
        const double l = (sw + 1.0) / m;
        const double slow = 1 - atLeast(k, std::vector<double>(m, 1 - p));
        expectMean(evaluate(s, iterations(200000)), u + l * c + l * c * (f - 1) * slow, "straggle");
    }

    void edgeLayerClosedForm() {
        // Instant workers, exponential edge uplinks: T = u + k_e-th smallest of n Exp(rate).
        const int n = 6, se = 2;
        const double rate = 2.0, up = 0.25;
        Scenario s =
            uniformScenario(n, 2, Distribution::deterministic(0), Distribution::deterministic(up),
                            Distribution::exponential(rate));
        s.scheme = Scheme::hgc(se, 1);
        const Evaluation e = evaluate(s, iterations(200000));
        expectMean(e, up + (harmonic(n) - harmonic(se)) / rate, "edge layer");
    }

    void twoLayerMatchesExactIntegral() {
        // hgc(1,1) on 4 edges x 3 workers, exponential compute, edge i delayed by 0.1 i:
        // A_i = 2nd of 3 Exp(rate/l), E_i = A_i + 0.1 i, T = 3rd of the 4 E_i.
        const double rate = 1.0;
        Scenario s =
            uniformScenario(4, 3, Distribution::exponential(rate), Distribution::deterministic(0),
                            Distribution::deterministic(0));
        for (int i = 0; i < 4; ++i)
            s.edges[i].uplink = Distribution::deterministic(0.1 * i);
        s.scheme = Scheme::hgc(1, 1);
        const double l = 4.0 / 12;
        auto cdf = [&](double t) {
            std::vector<double> edges;
            for (int i = 0; i < 4; ++i) {
                const double x = t - 0.1 * i;
                const double p = x <= 0 ? 0.0 : -std::expm1(-rate / l * x);
                edges.push_back(atLeast(2, {p, p, p}));
            }
            return atLeast(3, edges);
        };
        const Evaluation e = evaluate(s, iterations(200000));
        expectMean(e, integrateSurvival(cdf, 30.0), "two-layer");
        // Quantiles by inversion of the same CDF, within a few of its standard errors.
        for (auto [p, q] : {std::pair{0.5, e.quantiles.p50}, std::pair{0.95, e.quantiles.p95}})
            expectProportion(cdf(q), p, e.iterations, QString("cdf at p%1").arg(100 * p));
    }

    void allocationWithUnequalLoads() {
        // One edge, loads 0.7, 0.7, 0.8, one straggler: T = 2nd of Exp(1/l_j).
        Scenario s =
            uniformScenario(1, 3, Distribution::exponential(1.0), Distribution::deterministic(0),
                            Distribution::deterministic(0));
        s.scheme.type = SchemeType::Allocation;
        s.scheme.edgeStragglers = 0;
        s.scheme.edges = {EdgeAllocation{1.0, 1, {0.7, 0.7, 0.8}}};
        auto cdf = [](double t) {
            std::vector<double> p;
            for (double l : {0.7, 0.7, 0.8})
                p.push_back(-std::expm1(-t / l));
            return atLeast(2, p);
        };
        expectMean(evaluate(s, iterations(200000)), integrateSurvival(cdf, 40.0), "allocation");
    }

    void gcMatchesExactIntegral() {
        // gc(2) on 2 edges x 3 workers: l = 3/6, every message waits its edge's uplink
        // (0 or 0.5) and the worker's (0.1); the master takes the 4th of 6 arrivals.
        Scenario s =
            uniformScenario(2, 3, Distribution::exponential(1.0), Distribution::deterministic(0.1),
                            Distribution::deterministic(0.0));
        s.edges[1].uplink = Distribution::deterministic(0.5);
        s.scheme = Scheme::gc(2);
        auto cdf = [](double t) {
            std::vector<double> p;
            for (double delay : {0.1, 0.1, 0.1, 0.6, 0.6, 0.6})
                p.push_back(t <= delay ? 0.0 : -std::expm1(-2.0 * (t - delay)));
            return atLeast(4, p);
        };
        expectMean(evaluate(s, iterations(200000)), integrateSurvival(cdf, 30.0), "gc");
    }

    // --- failures --------------------------------------------------------------------------
    void workerFailuresFollowBinomialTail() {
        // The edge fails when more than s_w of its m workers fail.
        const int m = 5, sw = 1;
        const double q = 0.2;
        Scenario s =
            uniformScenario(1, m, Distribution::exponential(1.0).withFailure(q),
                            Distribution::deterministic(0), Distribution::deterministic(0));
        s.scheme = Scheme::hgc(0, sw);
        const long long n = iterations(100000);
        const Evaluation e = evaluate(s, n);
        const double exact = test::binomialTailAbove(m, sw, q); // 0.26272
        expectProportion(e.failureProbability, exact, n, "worker failures");
        QCOMPARE(e.expectedRuntime, kInf);
        QVERIFY(std::isfinite(e.conditionalRuntime));
        QVERIFY(std::isfinite(e.quantiles.p50)); // 50% < 1 - 0.263
        QCOMPARE(e.quantiles.p95, kInf);
        QCOMPARE(e.quantiles.p99, kInf);
    }

    void edgeFailuresFollowBinomialTail() {
        // Edge uplinks fail with q; the master tolerates s_e = 1 of 4: fails when >= 2 fail.
        const double q = 0.15;
        Scenario s =
            uniformScenario(4, 2, Distribution::exponential(1.0), Distribution::deterministic(0),
                            Distribution::deterministic(0.1).withFailure(q));
        s.scheme = Scheme::hgc(1, 0);
        const long long n = iterations(100000);
        expectProportion(evaluate(s, n).failureProbability, test::binomialTailAbove(4, 1, q), n,
                         "edge failures");
    }

    // --- the evaluator's contract --------------------------------------------------------------
    void quantilesFollowTheDocumentedDefinition() {
        Scenario s =
            uniformScenario(2, 3, Distribution::exponential(1.0).withFailure(0.05),
                            Distribution::deterministic(0), Distribution::deterministic(0));
        s.scheme = Scheme::hgc(0, 1);
        std::vector<double> samples;
        const long long n = 3001; // p N is not a whole number
        const Evaluation e = evaluate(s, n, 3, 0, &samples);
        QCOMPARE(static_cast<long long>(samples.size()), n);
        std::sort(samples.begin(), samples.end());
        auto rank = [&](double p) {
            return samples[static_cast<std::size_t>(std::ceil(p * n)) - 1];
        };
        QCOMPARE(e.quantiles.p50, rank(0.50));
        QCOMPARE(e.quantiles.p95, rank(0.95));
        QCOMPARE(e.quantiles.p99, rank(0.99));
        const long long failures = std::count(samples.begin(), samples.end(), kInf);
        QCOMPARE(e.failureProbability, static_cast<double>(failures) / n);
    }

    void sameSeedSameResultWhateverTheThreads() {
        // Mixed families and modifiers, a partial last block.
        Scenario s = uniformScenario(
            3, 4, Distribution::shiftedExponential(1, 2).withStraggle(0.1, 3),
            Distribution::uniform(0.01, 0.02), Distribution::lognormal(-2, 0.5).withFailure(0.1));
        s.edges[1].workers[2].compute = Distribution::pareto(1, 2.5).withFailure(0.02);
        s.edges[2].workers[0].uplink = Distribution::deterministic(0.03).withFailure(0.01);
        s.scheme = Scheme::hgc(1, 1);
        const long long n = 5 * kMonteCarloBlockIterations + 17;
        std::vector<double> one, two, three;
        const Evaluation e1 = evaluate(s, n, 99, 1, &one);
        const Evaluation e2 = evaluate(s, n, 99, 2, &two);
        const Evaluation e3 = evaluate(s, n, 99, 3, &three);
        QVERIFY(identical(e1, e2));
        QVERIFY(identical(e1, e3));
        QVERIFY(one == two && one == three);
        QVERIFY(e1.failureProbability > 0 && e1.failureProbability < 0.05);
        const Evaluation other = evaluate(s, n, 100, 2);
        QVERIFY(!identical(e1, other));
        s.scheme = Scheme::gc(3);
        QVERIFY(identical(evaluate(s, n, 5, 1), evaluate(s, n, 5, 2)));
    }

    void instructionSetsGiveIdenticalResults() {
        // The plain, AVX2 and AVX-512 copies of the kernels (those this processor runs).
        Scenario s = uniformScenario(
            2, 9, Distribution::shiftedExponential(1, 2).withStraggle(0.2, 3),
            Distribution::uniform(0.01, 0.02).withFailure(0.3), Distribution::exponential(4));
        s.scheme = Scheme::hgc(1, 2);
        std::vector<double> best, lower;
        const Evaluation reference = evaluate(s, 3000, 4, 1, &best);
        for (int level = 0; level < static_cast<int>(mc::supportedKernelLevel()); ++level) {
            mc::limitKernelLevel(static_cast<mc::KernelLevel>(level));
            const Evaluation e = evaluate(s, 3000, 4, 1, &lower);
            mc::limitKernelLevel(mc::KernelLevel::Avx512);
            QVERIFY2(identical(e, reference) && lower == best,
                     qPrintable(QString("level %1").arg(level)));
        }
        QVERIFY(reference.failureProbability > 0);
    }

    void progressReachesOneAndCancellationThrows() {
        Scenario s =
            uniformScenario(2, 3, Distribution::exponential(1.0), Distribution::deterministic(0),
                            Distribution::deterministic(0));
        MonteCarloOptions options;
        options.iterations = 10 * kMonteCarloBlockIterations;
        std::vector<double> reported;
        options.progress.report = [&](double f) { reported.push_back(f); };
        evaluateMonteCarlo(s, resolve(s), options);
        QCOMPARE(reported.size(), std::size_t{10});
        QVERIFY(std::is_sorted(reported.begin(), reported.end()));
        QCOMPARE(reported.back(), 1.0);

        std::atomic<bool> cancel{false};
        options.progress.cancel = &cancel;
        options.progress.report = [&](double) { cancel = true; };
        QVERIFY_THROWS_EXCEPTION(Cancelled, evaluateMonteCarlo(s, resolve(s), options));
        cancel = true; // already cancelled before the start
        QVERIFY_THROWS_EXCEPTION(Cancelled, evaluateMonteCarlo(s, resolve(s), options));
    }

    void badOptionsAreRefused() {
        Scenario s = makeUniformScenario(1, 2);
        MonteCarloOptions options;
        options.iterations = 0;
        QVERIFY_THROWS_EXCEPTION(InputError, evaluateMonteCarlo(s, resolve(s), options));
        options.iterations = kMonteCarloMaxIterations + 1;
        QVERIFY_THROWS_EXCEPTION(InputError, evaluateMonteCarlo(s, resolve(s), options));
        options.iterations = 10;
        options.threads = -1;
        QVERIFY_THROWS_EXCEPTION(InputError, evaluateMonteCarlo(s, resolve(s), options));
        options.threads = 0;
        ResolvedScheme broken = resolve(s);
        broken.edges[0].workers[0] = 7; // no such worker
        QVERIFY_THROWS_EXCEPTION(InputError, evaluateMonteCarlo(s, broken, options));
    }

private:
    void distributionCasesTable() {
        QTest::addColumn<int>("index");
        const auto cases = distributionCases();
        for (int i = 0; i < static_cast<int>(cases.size()); ++i)
            QTest::newRow(describe(cases[i]).c_str()) << i;
    }
};

QTEST_APPLESS_MAIN(TestMonteCarlo)
#include "test_montecarlo.moc"
