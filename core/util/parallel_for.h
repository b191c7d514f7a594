#pragma once
// Runs independent jobs on a few threads (the sweep evaluates its rows, the optimisers their
// candidate schemes, side by side). The first exception of any job stops the others and is
// rethrown; cancellation is polled between jobs.
#include <cstddef>
#include <functional>

#include "util/progress.h"

namespace hgc {

/// Number of threads to use for `requested` (0: one per hardware thread).
int threadCount(int requested);

/// Calls job(k) for k in [0, count) on up to `threads` threads (the caller's included).
/// Throws hgc::Cancelled when `progress` asks to stop.
void parallelFor(std::size_t count, int threads, const Progress& progress,
                 const std::function<void(std::size_t)>& job);

} // namespace hgc
