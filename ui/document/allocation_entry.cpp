#include "document/allocation_entry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "util/errors.h"

namespace hgc::ui {

namespace {

bool usableEdge(const Scenario& s, int edge) {
    return edge >= 0 && edge < static_cast<int>(s.edges.size()) && s.edges[edge].active &&
           s.activeWorkerCount(edge) > 0;
}

void scaleLoads(EdgeAllocation& a, const Edge& edge, double factor) {
    for (std::size_t j = 0; j < a.loads.size() && j < edge.workers.size(); ++j)
        if (edge.workers[j].active) a.loads[j] *= factor;
}

std::string shortNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

} // namespace

std::string AllocationEntry::path() const {
    const std::string edgePath = "scheme.edges[" + std::to_string(edge) + "]";
    switch (field) {
    case Field::EdgeStragglers:
        return "scheme.edge_stragglers";
    case Field::Share:
        return edgePath + ".share";
    case Field::Tolerance:
        return edgePath + ".stragglers";
    case Field::Load:
        return edgePath + ".loads[" + std::to_string(worker) + "]";
    }
    return "scheme";
}

bool isEditable(const Scenario& s, const AllocationEntry& entry) {
    if (s.scheme.type != SchemeType::Allocation || s.scheme.edges.size() != s.edges.size())
        return false;
    if (entry.field == AllocationEntry::Field::EdgeStragglers) return true;
    if (!usableEdge(s, entry.edge)) return false;
    if (entry.field != AllocationEntry::Field::Load) return true;
    const Edge& e = s.edges[entry.edge];
    return entry.worker >= 0 && entry.worker < static_cast<int>(e.workers.size()) &&
           entry.worker < static_cast<int>(s.scheme.edges[entry.edge].loads.size()) &&
           e.workers[entry.worker].active;
}

Scheme editedAllocation(const Scenario& s, const AllocationEntry& entry, double value) {
    if (s.scheme.type != SchemeType::Allocation)
        throw InputError("scheme", "is " + schemeLabel(s.scheme) + ", not an allocation");
    if (!isEditable(s, entry))
        throw InputError(entry.path(), "belongs to an inactive or missing node; it is ignored");
    if (!std::isfinite(value))
        throw InputError(entry.path(), "must be a number (got " + shortNumber(value) + ")");
    if (entry.isWholeNumber() && value != std::floor(value))
        throw InputError(entry.path(), "must be a whole number (got " + shortNumber(value) + ")");
    // Far outside any topology, and still refused by resolve() with this value's message.
    const int whole = static_cast<int>(std::clamp(value, -1e6, 1e6));

    Scheme scheme = s.scheme;
    switch (entry.field) {
    case AllocationEntry::Field::EdgeStragglers: {
        const double factor = (whole + 1.0) / (scheme.edgeStragglers + 1.0);
        scheme.edgeStragglers = whole;
        if (whole < 0) break; // resolve() names the negative s_e; nothing to scale by
        for (int i = 0; i < static_cast<int>(s.edges.size()); ++i) {
            if (!usableEdge(s, i)) continue;
            scheme.edges[i].share *= factor;
            scaleLoads(scheme.edges[i], s.edges[i], factor);
        }
        break;
    }
    case AllocationEntry::Field::Share: {
        EdgeAllocation& a = scheme.edges[entry.edge];
        if (a.share > 0.0 && value > 0.0) scaleLoads(a, s.edges[entry.edge], value / a.share);
        a.share = value;
        break;
    }
    case AllocationEntry::Field::Tolerance: {
        EdgeAllocation& a = scheme.edges[entry.edge];
        if (whole >= 0) scaleLoads(a, s.edges[entry.edge], (whole + 1.0) / (a.stragglers + 1.0));
        a.stragglers = whole;
        break;
    }
    case AllocationEntry::Field::Load:
        scheme.edges[entry.edge].loads[entry.worker] = value;
        break;
    }
    return scheme;
}

} // namespace hgc::ui
