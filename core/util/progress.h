#pragma once
// Progress reporting and cooperative cancellation for long computations.
// The GUI runs core work on a worker thread, shows `fraction` and flips `cancel`;
// the core polls it at safe points and throws hgc::Cancelled.
#include <atomic>
#include <functional>

#include "util/errors.h"

namespace hgc {

struct Progress {
    /// Called with the fraction done in [0, 1]; may be called from any worker thread.
    std::function<void(double fraction)> report;
    /// Set to true from anywhere to stop the work at the next check.
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void check() const {
        if (cancelled()) throw Cancelled();
    }
    void update(double fraction) const {
        check();
        if (report) report(fraction);
    }
};

} // namespace hgc
