#include "train/trainer.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "train/scheme_runner.h"
#include "util/errors.h"

namespace hgc {
namespace {

void validate(const Dataset& data, const std::vector<TrainingScheme>& schemes,
              const TrainingOptions& o) {
    if (data.train.count < 1 || data.test.count < 1 || data.features < 1 || data.classes < 2)
        throw InputError(data.name,
                         "the data set needs training and test samples and at least 2 classes");
    if (schemes.empty()) throw InputError("schemes", "no scheme to train with");
    if (o.iterations < 0) throw InputError("iterations", "must be >= 0");
    if (!(o.step > 0) || !std::isfinite(o.step))
        throw InputError("step", "must be a finite number > 0");
    if (!(o.momentum >= 0 && o.momentum < 1)) throw InputError("momentum", "must be in [0, 1)");
    if (!(o.l2 >= 0) || !std::isfinite(o.l2))
        throw InputError("l2", "must be a finite number >= 0");
}

// Below this many feature values a step takes well under a millisecond and starting
// threads would cost more than it saves.
constexpr double kParallelWork = 2e5;

/// Calls work(0..count-1) on up to `threads` threads (the caller's included); rethrows
/// the first exception.
void forEachIndex(std::size_t count, int threads, const std::function<void(std::size_t)>& work) {
    if (threads <= 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i)
            work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto loop = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < count;) {
            try {
                work(i);
            } catch (...) {
                std::lock_guard lock(errorMutex);
                if (!error) error = std::current_exception();
            }
        }
    };
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads && static_cast<std::size_t>(t) < count; ++t)
        helpers.emplace_back(loop);
    loop();
    for (auto& h : helpers)
        h.join();
    if (error) std::rethrow_exception(error);
}

} // namespace

std::vector<TrainingRun> train(const Scenario& scenario, const Dataset& data,
                               const std::vector<TrainingScheme>& schemes,
                               const TrainingOptions& options, const TrainingObserver& observer) {
    validate(data, schemes, options);
    // Partitions are consecutive rows: the arrangement is an order of the rows, made once
    // here so that every scheme (coded or not) cuts the same arranged rows.
    std::optional<Dataset> arranged;
    if (options.partitioning != DataPartitioning::Iid)
        arranged = arrangedCopy(data, options.partitioning);
    const Dataset& rows = arranged ? *arranged : data;
    std::vector<std::unique_ptr<SchemeRunner>> runners;
    std::vector<TrainingRun> runs(schemes.size());
    for (std::size_t s = 0; s < schemes.size(); ++s) {
        runners.push_back(std::make_unique<SchemeRunner>(scenario, rows, schemes[s], options));
        runs[s].scheme = schemes[s];
    }
    auto emit = [&](std::size_t s, const TrainingRecord& r) {
        runs[s].records.push_back(r);
        if (observer.onRecord) observer.onRecord(static_cast<int>(s), r);
    };
    const double total =
        static_cast<double>(schemes.size()) * static_cast<double>(options.iterations + 1);
    double done = 0;
    for (std::size_t s = 0; s < schemes.size(); ++s) {
        observer.progress.check();
        emit(s, runners[s]->start());
        observer.progress.update(++done / total);
    }
    const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const double work = static_cast<double>(data.train.count) * data.features;
    const int threads = work < kParallelWork ? 1 : options.threads > 0 ? options.threads : hardware;
    std::vector<std::optional<TrainingRecord>> step(schemes.size());
    for (long long it = 0; it < options.iterations; ++it) {
        observer.progress.check();
        // The schemes are independent (own model, own code; the scenario and the data are
        // only read), so they step concurrently; the records are emitted in order after.
        forEachIndex(schemes.size(), threads, [&](std::size_t s) {
            if (!runs[s].failed) step[s] = runners[s]->advance(it);
        });
        for (std::size_t s = 0; s < schemes.size(); ++s) {
            if (!runs[s].failed) {
                if (step[s]) {
                    emit(s, *step[s]);
                } else {
                    runs[s].failed = true;
                    runs[s].failure = runners[s]->failure();
                }
            }
            observer.progress.update(++done / total);
        }
    }
    return runs;
}

} // namespace hgc
