#include "evaluation/studio_results.h"

#include <cmath>

namespace hgc::ui {

std::optional<double> StudioResults::speedUp() const {
    if (!std::isfinite(scheme.expectedRuntime) || !std::isfinite(uncoded.expectedRuntime) ||
        scheme.expectedRuntime <= 0.0)
        return std::nullopt;
    return uncoded.expectedRuntime / scheme.expectedRuntime;
}

} // namespace hgc::ui
