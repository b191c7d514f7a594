#pragma once
// The current moment in plain words: what each edge needs and has, who straggles and is not
// waited for, who failed, which edges the master decodes from, and, when the codes are
// available, the decoding coefficients actually used. A pure function of the run and the
// state, so the text can be tested.
#include <QString>
#include <optional>

#include "animation/decoding_lookup.h"
#include "animation/iteration_state.h"
#include "animation/scheme_run.h"

namespace hgc::ui {

struct ExplanationInput {
    const Scenario* scenario = nullptr;
    const SchemeRun* run = nullptr;
    const IterationState* state = nullptr;
    long long iteration = 0;
    const UsedDecoding* decoding = nullptr; // null: no coefficients
    QString decodingNote;                   // why there are none, if so
    int maxEdges = 8;                       // edges described in full; the rest summarised
};

/// HTML (paragraphs and lists only, for a QTextBrowser).
QString explainMoment(const ExplanationInput& input);

/// A node's display name from the scenario ("w2.3", "edge 2").
QString workerName(const Scenario& scenario, int edge, int worker);
QString edgeName(const Scenario& scenario, int edge);

} // namespace hgc::ui
