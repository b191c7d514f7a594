#pragma once
// Keeps a scenario's scheme valid when its topology changes. Deleting workers can make
// hgc's s_w too large, deactivating an edge can make s_e too large; instead of refusing the
// edit, the edit's own undo command carries the adjusted scheme, and the user is told.
#include <optional>
#include <string>

#include "model/scenario.h"

namespace hgc::ui {

/// If scenario.scheme does not resolve on scenario's topology, replaces it by the closest
/// valid scheme of the same type (tolerances clamped into range), else by a uniform hgc,
/// else by uncoded. Returns a sentence describing the change, or nothing when the scheme
/// was already valid. Assumes the topology itself is valid.
std::optional<std::string> fitSchemeToTopology(Scenario& scenario);

/// The allocation scheme equal to uniform hgc(s_e, s_w) on this topology: shares
/// (s_e+1) m_i / W, tolerances s_w, loads (s_e+1)(s_w+1)/W. A starting point for editing
/// an allocation by hand. Entries of inactive nodes get the same values (they are ignored).
Scheme allocationFromHgc(const Scenario& scenario, int edgeStragglers, int workerStragglers);

} // namespace hgc::ui
