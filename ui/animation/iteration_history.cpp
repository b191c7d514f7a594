#include "animation/iteration_history.h"

#include <algorithm>
#include <cmath>

namespace hgc::ui {

void IterationHistory::reset(std::vector<QString> labels) {
    labels_ = std::move(labels);
    indices_.clear();
    times_.assign(labels_.size(), {});
}

void IterationHistory::record(long long index, const std::vector<double>& times) {
    indices_.push_back(index);
    for (std::size_t r = 0; r < times_.size() && r < times.size(); ++r)
        times_[r].push_back(times[r]);
}

double IterationHistory::mean(int run) const {
    double sum = 0.0;
    int n = 0;
    for (double t : times_.at(run))
        if (std::isfinite(t)) {
            sum += t;
            ++n;
        }
    return n > 0 ? sum / n : 0.0;
}

int IterationHistory::failures(int run) const {
    const auto& v = times_.at(run);
    return static_cast<int>(
        std::count_if(v.begin(), v.end(), [](double t) { return !std::isfinite(t); }));
}

double IterationHistory::maxFiniteTime() const {
    double high = 0.0;
    for (const auto& v : times_)
        for (double t : v)
            if (std::isfinite(t)) high = std::max(high, t);
    return high;
}

std::vector<int> histogramCounts(const std::vector<double>& values, double high, int bins) {
    std::vector<int> counts(std::max(bins, 1), 0);
    if (!(high > 0.0)) return counts;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        const int b = std::clamp(static_cast<int>(v / high * bins), 0, bins - 1);
        ++counts[b];
    }
    return counts;
}

} // namespace hgc::ui
