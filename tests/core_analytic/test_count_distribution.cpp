// The count DP of the analytic evaluator (count_distribution.h) against exhaustive
// enumeration: every subset of the items, its probability a product, summed by size.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <vector>

#include "analytic/count_distribution.h"
#include "util/random.h"

using namespace hgc;
using namespace hgc::analytic;

namespace {

/// P(exactly c counted) at one point, by enumerating the 2^n subsets of the expanded items.
std::vector<double> enumerateCounts(const std::vector<double>& counted) {
    const int n = static_cast<int>(counted.size());
    std::vector<double> pmf(n + 1, 0.0);
    for (unsigned mask = 0; mask < (1u << n); ++mask) {
        double p = 1.0;
        int c = 0;
        for (int j = 0; j < n; ++j) {
            const bool in = (mask >> j) & 1u;
            p *= in ? counted[j] : 1.0 - counted[j];
            c += in;
        }
        pmf[c] += p;
    }
    return pmf;
}

struct Case {
    std::vector<std::vector<double>> cdfs; // per item, `points` values
    std::vector<int> multiplicities;
    std::vector<CountItem> items;
    int total = 0;
};

/// Items with random CDF values (some exactly 0 or 1) at `points` points.
Case randomCase(Rng& rng, int itemCount, int points) {
    Case c;
    for (int i = 0; i < itemCount; ++i) {
        std::vector<double> f(points);
        for (auto& v : f) {
            const double u = rng.uniform();
            v = u < 0.1 ? 0.0 : u > 0.9 ? 1.0 : rng.uniform();
        }
        c.cdfs.push_back(std::move(f));
        c.multiplicities.push_back(1 + static_cast<int>(rng.uniform() * 3.0));
        c.total += c.multiplicities.back();
    }
    for (int i = 0; i < itemCount; ++i)
        c.items.push_back({c.cdfs[i].data(), c.multiplicities[i]});
    return c;
}

/// The probabilities of being counted at point k, items expanded by multiplicity.
std::vector<double> countedAt(const Case& c, int k, Counting mode) {
    std::vector<double> q;
    for (std::size_t i = 0; i < c.cdfs.size(); ++i)
        for (int r = 0; r < c.multiplicities[i]; ++r)
            q.push_back(mode == Counting::Exceeded ? 1.0 - c.cdfs[i][k] : c.cdfs[i][k]);
    return q;
}

} // namespace

class TestCountDistribution : public QObject {
    Q_OBJECT
private slots:
    void countDistributionEqualsEnumeration() {
        // Item counts odd and even (the DP folds items in pairs), point counts that are and
        // are not multiples of the DP's block, caps below and at the item count.
        Rng rng(7, 1);
        for (int itemCount : {1, 2, 3, 5, 6})
            for (int points : {1, 3, 8, 13})
                for (Counting mode : {Counting::Exceeded, Counting::Arrived}) {
                    const Case c = randomCase(rng, itemCount, points);
                    std::vector<std::vector<double>> expected; // per point, up to 2^18 subsets
                    for (int k = 0; k < points; ++k)
                        expected.push_back(enumerateCounts(countedAt(c, k, mode)));
                    for (int cap : {0, 1, c.total / 2, c.total}) {
                        std::vector<double> pmf;
                        countDistribution(c.items, mode, cap, points, pmf);
                        QCOMPARE(static_cast<int>(pmf.size()), (cap + 1) * points);
                        for (int k = 0; k < points; ++k) {
                            for (int n = 0; n <= cap; ++n)
                                QVERIFY2(std::abs(pmf[n * points + k] - expected[k][n]) <= 1e-12,
                                         qPrintable(QString("items %1 points %2 cap %3 k %4 n %5")
                                                        .arg(itemCount)
                                                        .arg(points)
                                                        .arg(cap)
                                                        .arg(k)
                                                        .arg(n)));
                        }
                    }
                }
    }

    void kthSmallestEqualsEnumeration() {
        // Monotone CDFs (as the evaluator's are) on 21 points plus the limit at t = inf.
        Rng rng(7, 2);
        for (int itemCount : {1, 4, 7}) {
            const int points = 22;
            Case c;
            for (int i = 0; i < itemCount; ++i) {
                std::vector<double> f(points, 0.0);
                const int start = static_cast<int>(rng.uniform() * 8.0);
                const double limit = rng.uniform() < 0.3 ? 0.9 : 1.0;
                double v = 0.0;
                for (int k = start; k < points - 1; ++k)
                    f[k] = v = std::min(limit, v + limit * rng.uniform() * 0.3);
                f[points - 1] = limit;
                c.cdfs.push_back(std::move(f));
                c.multiplicities.push_back(1 + static_cast<int>(rng.uniform() * 2.0));
                c.total += c.multiplicities.back();
            }
            for (int i = 0; i < itemCount; ++i)
                c.items.push_back({c.cdfs[i].data(), c.multiplicities[i]});
            for (int waitFor = 1; waitFor <= c.total; ++waitFor) {
                std::vector<double> out(points);
                kthSmallestCdf(c.items, c.total, waitFor, points, out.data());
                for (int k = 0; k < points; ++k) {
                    // At least waitFor arrived.
                    const auto arrived = enumerateCounts(countedAt(c, k, Counting::Arrived));
                    double expected = 0.0;
                    for (int n = waitFor; n <= c.total; ++n)
                        expected += arrived[n];
                    QVERIFY2(std::abs(out[k] - expected) <= 1e-12,
                             qPrintable(QString("items %1 waitFor %2 k %3: %4 vs %5")
                                            .arg(itemCount)
                                            .arg(waitFor)
                                            .arg(k)
                                            .arg(out[k], 0, 'g', 17)
                                            .arg(expected, 0, 'g', 17)));
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestCountDistribution)
#include "test_count_distribution.moc"
