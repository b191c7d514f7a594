#include "util/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace hgc {

int threadCount(int requested) {
    if (requested > 0) return requested;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void parallelFor(std::size_t count, int threads, const Progress& progress,
                 const std::function<void(std::size_t)>& job) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&] {
        for (;;) {
            if (stop.load() || progress.cancelled()) return;
            const std::size_t k = next.fetch_add(1);
            if (k >= count) return;
            try {
                job(k);
            } catch (...) {
                std::lock_guard lock(failureMutex);
                if (!failure) failure = std::current_exception();
                stop = true;
                return;
            }
        }
    };
    const std::size_t wanted = std::min<std::size_t>(threadCount(threads), count);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < wanted; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    if (failure) std::rethrow_exception(failure);
    progress.check();
}

} // namespace hgc
