#pragma once
// The iteration times of every played run, in the order the iterations were played, for the
// history chart, the histogram and the means. Failed iterations (T = +inf) are counted apart.
#include <QString>
#include <vector>

namespace hgc::ui {

class IterationHistory {
public:
    void reset(std::vector<QString> labels);
    /// One time per run, aligned with labels().
    void record(long long index, const std::vector<double>& times);

    const std::vector<QString>& labels() const { return labels_; }
    int runCount() const { return static_cast<int>(labels_.size()); }
    int size() const { return static_cast<int>(indices_.size()); }
    const std::vector<long long>& indices() const { return indices_; }
    const std::vector<double>& times(int run) const { return times_.at(run); }
    /// Mean of the finite times (0 when there are none).
    double mean(int run) const;
    int failures(int run) const;
    /// Largest finite time over every run (0 when none).
    double maxFiniteTime() const;

private:
    std::vector<QString> labels_;
    std::vector<long long> indices_;
    std::vector<std::vector<double>> times_;
};

/// Counts of the finite values in `bins` equal bins over [0, high].
std::vector<int> histogramCounts(const std::vector<double>& values, double high, int bins);

} // namespace hgc::ui
