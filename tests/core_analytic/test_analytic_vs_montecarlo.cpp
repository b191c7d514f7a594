// The analytic evaluator against the Monte Carlo one on heterogeneous scenarios: every
// distribution family, both modifiers, every scheme type. Both estimate the same E[T | T <
// inf] and P(T = inf); they must agree within 4 Monte Carlo standard errors.
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "analytic/analytic.h"
#include "montecarlo/montecarlo.h"
#include "scenario_builders.h"

using namespace hgc;
using namespace hgc::test;

namespace {

Worker worker(const Distribution& compute, const Distribution& uplink) {
    Worker w;
    w.name = "w";
    w.compute = compute;
    w.uplink = uplink;
    return w;
}

/// Three edges of 3, 4 and 2 workers; all six families appear as compute, worker uplink
/// and edge uplink delays, some with straggling. With `failing`, some nodes also fail.
Scenario heterogeneous(bool failing) {
    using D = Distribution;
    const double q = failing ? 1.0 : 0.0;
    Edge e0;
    e0.uplink = D::shiftedExponential(0.2, 5);
    e0.workers = {worker(D::shiftedExponential(2, 1).withStraggle(0.1, 3), D::deterministic(0.1)),
                  worker(D::uniform(1, 4).withFailure(0.05 * q), D::exponential(5)),
                  worker(D::lognormal(0.5, 0.3), D::uniform(0.05, 0.2))};
    Edge e1;
    e1.uplink = D::uniform(0.1, 0.6).withFailure(0.03 * q);
    e1.workers = {
        worker(D::pareto(1.5, 3.5), D::lognormal(-2, 0.5)),
        worker(D::exponential(0.8).withStraggle(0.2, 2), D::deterministic(0.05)),
        worker(D::deterministic(2.0).withStraggle(0.1, 4), D::pareto(0.1, 4).withFailure(0.04 * q)),
        worker(D::shiftedExponential(1, 2), D::exponential(10).withStraggle(0.3, 2))};
    Edge e2;
    e2.uplink = D::deterministic(0.3).withStraggle(0.2, 5);
    e2.workers = {worker(D::exponential(1), D::deterministic(0.2)),
                  worker(D::lognormal(0.2, 0.5), D::deterministic(0.2))};
    return makeScenario({e0, e1, e2});
}

/// Every uplink random, most of them long against the grid step: exponential ones with
/// straggling and failures (binned exactly, convolved by recursion), wide uniform and
/// lognormal ones (dense kernels, convolved by FFT), a Pareto edge uplink.
Scenario randomUplinks(bool failing) {
    using D = Distribution;
    const double q = failing ? 1.0 : 0.0;
    Edge e0;
    e0.uplink = D::exponential(0.8).withStraggle(0.2, 3);
    e0.workers = {worker(D::shiftedExponential(1, 1), D::exponential(0.5).withFailure(0.05 * q)),
                  worker(D::uniform(0.5, 2), D::shiftedExponential(0.5, 1.5).withStraggle(0.3, 4)),
                  worker(D::exponential(1.2), D::uniform(0.2, 3.5))};
    Edge e1;
    e1.uplink = D::uniform(0.1, 2.5).withFailure(0.04 * q);
    e1.workers = {worker(D::lognormal(0.3, 0.4), D::exponential(2).withStraggle(0.1, 5)),
                  worker(D::pareto(1.0, 3.5), D::lognormal(-0.5, 0.8)),
                  worker(D::shiftedExponential(0.5, 2), D::exponential(0.7))};
    Edge e2;
    e2.uplink = D::pareto(0.3, 3.0);
    e2.workers = {worker(D::exponential(1), D::exponential(1)),
                  worker(D::exponential(1), D::exponential(1)),
                  worker(D::deterministic(1.5), D::shiftedExponential(0.2, 0.9))};
    return makeScenario({e0, e1, e2});
}

Scheme unequalAllocation() {
    Scheme s;
    s.type = SchemeType::Allocation;
    s.edgeStragglers = 1;
    s.edges = {{0.7, 1, {0.7, 0.4, 0.3}}, {0.8, 2, {0.8, 0.7, 0.5, 0.4}}, {0.5, 0, {0.3, 0.2}}};
    return s;
}

} // namespace

class TestAnalyticVsMonteCarlo : public QObject {
    Q_OBJECT
private slots:
    void agreeOnHeterogeneousScenarios_data() {
        QTest::addColumn<bool>("randomUplinks");
        QTest::addColumn<bool>("failing");
        QTest::addColumn<Scheme>("scheme");
        for (bool random : {false, true})
            for (bool failing : {false, true}) {
                const char* f = random ? (failing ? "random uplinks failing" : "random uplinks")
                                       : (failing ? "failing" : "plain");
                QTest::addRow("%s uncoded", f) << random << failing << Scheme::uncoded();
                QTest::addRow("%s hgc(1,1)", f) << random << failing << Scheme::hgc(1, 1);
                QTest::addRow("%s hgc(0,1)", f) << random << failing << Scheme::hgc(0, 1);
                if (!random) // its loads fit the first scenario's edge sizes only
                    QTest::addRow("%s allocation", f) << random << failing << unequalAllocation();
                QTest::addRow("%s gc(3)", f) << random << failing << Scheme::gc(3);
                QTest::addRow("%s gc(6)", f) << random << failing << Scheme::gc(6);
            }
    }
    void agreeOnHeterogeneousScenarios() {
        QFETCH(bool, randomUplinks);
        QFETCH(bool, failing);
        QFETCH(Scheme, scheme);
        const Scenario sc = randomUplinks ? ::randomUplinks(failing) : heterogeneous(failing);
        const ResolvedScheme resolved = resolve(sc, scheme);
        const Evaluation a = evaluateAnalytic(sc, resolved);
        MonteCarloOptions mc;
        mc.iterations = qEnvironmentVariableIsSet("HGC_SANITIZED") ? 20000 : 400000;
        mc.seed = 7;
        std::vector<double> samples;
        mc.samples = &samples;
        const Evaluation m = evaluateMonteCarlo(sc, resolved, mc);
        QCOMPARE(samples.size(), std::size_t(mc.iterations));
        const double n = static_cast<double>(m.iterations);
        qInfo("analytic %.6f fail %.6f  |  Monte Carlo %.6f +- %.6f fail %.6f",
              a.conditionalRuntime, a.failureProbability, m.conditionalRuntime, m.standardError,
              m.failureProbability);
        QVERIFY(std::abs(a.conditionalRuntime - m.conditionalRuntime) <= 4 * m.standardError);
        const double pSe = std::sqrt(a.failureProbability * (1 - a.failureProbability) / n);
        QVERIFY(std::abs(a.failureProbability - m.failureProbability) <= 4 * pSe + 1e-12);
        // Whether the scheme can fail at all is exact on both sides (some schemes tolerate
        // every failure the scenario can produce).
        QCOMPARE(a.failureProbability > 0, m.failureProbability > 0);
        QCOMPARE(std::isinf(a.expectedRuntime), a.failureProbability > 0);
        if (!failing) QCOMPARE(a.failureProbability, 0.0);
        // Quantiles: the empirical p-quantile q scatters by about sqrt(p(1-p)/n) / density,
        // which is large where T is rarely seen (next to a failure mass, with the sanitizers'
        // small n). So either the two agree within 2%, or the fraction of the samples at or
        // below the analytic quantile is p within 4 binomial standard errors. Inside the
        // failure mass a quantile is +inf: then the finite probability must be within its
        // scatter of p.
        auto consistent = [&](double p, double qa, double qm) {
            const double spread = 4 * std::sqrt(p * (1 - p) / n);
            if (std::isinf(qa) != std::isinf(qm))
                return std::abs(1 - a.failureProbability - p) <= spread;
            if (std::isinf(qa) || std::abs(qa / qm - 1) < 0.02) return true;
            const double below =
                std::count_if(samples.begin(), samples.end(), [qa](double t) { return t <= qa; });
            return std::abs(below / samples.size() - p) <= spread;
        };
        QVERIFY(consistent(0.5, a.quantiles.p50, m.quantiles.p50));
        QVERIFY(consistent(0.95, a.quantiles.p95, m.quantiles.p95));
        QVERIFY(consistent(0.99, a.quantiles.p99, m.quantiles.p99));
    }
};

QTEST_APPLESS_MAIN(TestAnalyticVsMonteCarlo)
#include "test_analytic_vs_montecarlo.moc"
