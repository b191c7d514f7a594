#pragma once
// The schemes an animation plays side by side: the scenario's own scheme first, then
// uncoded, and for hgc the single-layer gc with the same load per worker. Every run is
// traced with the same seed and iteration index, so all of them see the same random draws.
#include <QString>
#include <vector>

#include "model/scenario.h"
#include "simulate/iteration_trace.h"

namespace hgc::ui {

struct SchemeRun {
    QString label; // "hgc (s_e=1, s_w=1)", "uncoded", "gc (s=3)"
    ResolvedScheme scheme;
    IterationTrace trace;
};

/// A short label for a scheme.
QString schemeRunLabel(const Scheme& scheme);

/// The scenario's scheme and its comparisons, resolved, without traces. Throws InputError
/// when the scenario's own scheme does not fit; comparisons that do not fit are left out.
std::vector<SchemeRun> comparedRuns(const Scenario& scenario);

/// Traces iteration `index` of every run with the scenario's seed.
void traceRuns(const Scenario& scenario, long long index, std::vector<SchemeRun>& runs);

} // namespace hgc::ui
