// hgc bench: runs every registered benchmark and prints its figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "bench.h"
#include "command.h"
#include "io/json_fwd.h"
#include "util/errors.h"

namespace hgc::cli {

std::vector<Benchmark>& benchmarks() {
    static std::vector<Benchmark> registry;
    return registry;
}

double bestSeconds(const std::function<void()>& work, int repeats) {
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        auto start = std::chrono::steady_clock::now();
        work();
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

namespace {

int runBench(Args& args) {
    args.parse({"only"}, {"json", "list"});
    args.expectPositionals(0);
    auto list = benchmarks();
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    if (args.flag("list")) {
        for (const auto& b : list)
            std::printf("%-14s %s\n", b.name.c_str(), b.summary.c_str());
        return 0;
    }
    const auto only = args.value("only");
    if (only &&
        std::none_of(list.begin(), list.end(), [&](const auto& b) { return b.name == *only; }))
        throw InputError("", "no benchmark named '" + *only + "' (see hgc bench --list)");
    const bool json = args.flag("json");
    Json out;
    Json figures = Json::array();
    for (const auto& b : list) {
        if (only && b.name != *only) continue;
        if (!json) std::printf("== %s: %s\n", b.name.c_str(), b.summary.c_str());
        for (const auto& f : b.run()) {
            if (json)
                figures.push_back({{"benchmark", b.name},
                                   {"name", f.name},
                                   {"value", numberOrNull(f.value)},
                                   {"unit", f.unit},
                                   {"note", f.note}});
            else
                std::printf("  %-46s %14.6g %-8s %s\n", f.name.c_str(), f.value, f.unit.c_str(),
                            f.note.c_str());
            std::fflush(stdout);
        }
    }
    if (json) {
        out["figures"] = figures;
        std::cout << out.dump(2) << "\n";
    }
    return 0;
}

CommandRegistration
    registration({"bench", "run the performance suite (each figure with its unit)",
                  "usage: hgc bench [--only NAME] [--list] [--json]\n\n"
                  "Runs the performance benchmarks and prints each figure with its unit and\n"
                  "target. --only runs one benchmark, --list names them.\n",
                  runBench});

} // namespace
} // namespace hgc::cli
