#pragma once
// `hgc bench`: the performance suite. Each area registers its benchmarks from its own
// bench_*.cpp; a benchmark returns figures, each with its unit.
#include <functional>
#include <string>
#include <vector>

namespace hgc::cli {

struct BenchFigure {
    std::string name; // "montecarlo.worker_samples_per_second"
    double value = 0.0;
    std::string unit; // "1/s", "ms", "x"
    std::string note; // what was measured, the target
};

struct Benchmark {
    std::string name; // "montecarlo"
    std::string summary;
    std::function<std::vector<BenchFigure>()> run;
};

std::vector<Benchmark>& benchmarks();

struct BenchRegistration {
    explicit BenchRegistration(Benchmark b) { benchmarks().push_back(std::move(b)); }
};

/// Seconds taken by `work`, best of `repeats` runs (the least disturbed one).
double bestSeconds(const std::function<void()>& work, int repeats = 3);

} // namespace hgc::cli
