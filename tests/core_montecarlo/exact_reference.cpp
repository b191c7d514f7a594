#include "exact_reference.h"

#include <cmath>

namespace hgc::test {

double harmonic(int n) {
    double h = 0.0;
    for (int i = 1; i <= n; ++i)
        h += 1.0 / i;
    return h;
}

double atLeast(int k, const std::vector<double>& p) {
    // count[c] = P(exactly c of the events so far happened).
    std::vector<double> count(p.size() + 1, 0.0);
    count[0] = 1.0;
    for (std::size_t j = 0; j < p.size(); ++j) {
        for (std::size_t c = j + 1; c > 0; --c)
            count[c] = count[c] * (1 - p[j]) + count[c - 1] * p[j];
        count[0] *= 1 - p[j];
    }
    double sum = 0.0;
    for (std::size_t c = k; c < count.size(); ++c)
        sum += count[c];
    return sum;
}

double integrateSurvival(const std::function<double(double)>& cdf, double upper, int intervals) {
    const double h = upper / intervals;
    double sum = (1 - cdf(0.0)) + (1 - cdf(upper));
    for (int i = 1; i < intervals; ++i)
        sum += (i % 2 ? 4 : 2) * (1 - cdf(i * h));
    return sum * h / 3;
}

double binomialTailAbove(int m, int s, double q) {
    double tail = 0.0;
    for (int x = s + 1; x <= m; ++x)
        tail += std::tgamma(m + 1.0) / (std::tgamma(x + 1.0) * std::tgamma(m - x + 1.0)) *
                std::pow(q, x) * std::pow(1 - q, m - x);
    return tail;
}

} // namespace hgc::test
