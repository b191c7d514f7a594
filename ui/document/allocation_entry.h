#pragma once
// One number of an `allocation` scheme (SPEC §3) that a person edits by hand, and what the
// edit does to the rest of the scheme.
//
// Editing one number at a time must not break the allocation at every step, so the numbers
// that depend on the edited one move with it: a share f_i scales its edge's loads by f'/f
// (the edge keeps its split and its coverage), a tolerance s_i scales the edge's loads by
// (s_i'+1)/(s_i+1) (the redundancy s_i asks for), and s_e scales every active share, and
// with it its loads, by (s_e'+1)/(s_e+1). A load changes alone. Whether the result is still
// a valid allocation is core's resolve() to say.
#include <string>

#include "model/scenario.h"

namespace hgc::ui {

struct AllocationEntry {
    enum class Field { EdgeStragglers, Share, Tolerance, Load };
    Field field = Field::EdgeStragglers;
    int edge = -1;   // Share, Tolerance, Load: index in Scenario::edges
    int worker = -1; // Load: index in the edge's workers

    static AllocationEntry edgeStragglers() { return {Field::EdgeStragglers, -1, -1}; }
    static AllocationEntry share(int edge) { return {Field::Share, edge, -1}; }
    static AllocationEntry tolerance(int edge) { return {Field::Tolerance, edge, -1}; }
    static AllocationEntry load(int edge, int worker) { return {Field::Load, edge, worker}; }

    /// Where the number sits in a scenario file, e.g. "scheme.edges[1].loads[2]" (the path
    /// core's messages use).
    std::string path() const;
    bool isWholeNumber() const {
        return field == Field::EdgeStragglers || field == Field::Tolerance;
    }
    bool operator==(const AllocationEntry&) const = default;
};

/// Whether `entry` is a number of `scenario`'s allocation that matters: the scheme is an
/// allocation and the entry's edge (and worker) exists, is active and has active workers.
bool isEditable(const Scenario& scenario, const AllocationEntry& entry);

/// `scenario`'s allocation with `entry` set to `value` and the dependent numbers moved with
/// it (see above). Throws InputError naming entry.path() when the entry cannot be edited or
/// the value is not a number (not a whole number for s_e and s_i). The result is not checked
/// against the topology.
Scheme editedAllocation(const Scenario& scenario, const AllocationEntry& entry, double value);

} // namespace hgc::ui
