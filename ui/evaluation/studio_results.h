#pragma once
// What the results panel shows about the current scenario: the evaluation of its own
// scheme, the uncoded baseline (for the speed-up), and, when the sweep has finished, the
// best uniform hgc tolerances. Produced off the GUI thread by EvaluationRunner.
#include <QMetaType>
#include <QString>
#include <optional>
#include <vector>

#include "eval/evaluation.h"

namespace hgc::ui {

struct SweepPoint {
    int edgeStragglers = 0;
    int workerStragglers = 0;
    double loadPerWorker = 0.0;
    Evaluation evaluation;
};

struct StudioResults {
    quint64 generation = 0; // which edit these results belong to
    QString error;          // non-empty: the scenario could not be evaluated
    QString schemeLabel;
    Evaluation scheme;
    Evaluation uncoded;
    double maxLoad = 0.0;   // largest l_ij of the scheme
    double loadBound = 0.0; // (s_e+1)(s_w+1)/W for hgc, 1/W otherwise
    int masterMessages = 0;
    int workerCount = 0;
    double seconds = 0.0; // time the evaluation took

    // Filled by the second stage (the sweep); empty until then.
    bool sweepDone = false;
    std::vector<SweepPoint> sweep;
    std::optional<SweepPoint> best;
    double sweepSeconds = 0.0;

    /// E[T] of uncoded over E[T] of the scheme; nothing when either is not finite.
    std::optional<double> speedUp() const;
};

} // namespace hgc::ui

Q_DECLARE_METATYPE(hgc::ui::StudioResults)
