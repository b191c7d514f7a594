#pragma once
// Names of schemes and scenarios as the charts' legends and captions print them.
#include <QString>

#include "model/scenario.h"

namespace hgc::charts {

/// "uncoded", "gc (s=3)", "hgc (s_e=1, s_w=2)", "allocation (s_e=1)".
QString schemeTitle(const Scheme& scheme);
/// "default — 4 edges, 26 workers" (active nodes only).
QString scenarioCaption(const Scenario& scenario);

} // namespace hgc::charts
