#pragma once
// The decoding coefficients an iteration actually used: the straggler pattern is read off the
// trace (the workers each edge did not wait for, the edges the master did not wait for) and
// decoded with the scenario's real gradient code (core/coding). Without the coding library,
// or for schemes too large to build interactively, it says why instead.
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "model/scenario.h"
#include "simulate/iteration_trace.h"

namespace hgc::ui {

/// The weights of one decode, indexed like ResolvedScheme (active edges, active workers).
struct UsedDecoding {
    bool flat = false;
    std::vector<std::vector<double>> edgeWeights; // two-layer: per edge, per worker
    std::vector<double> masterWeights;            // two-layer: per edge; gc: per worker
    double residual = 0.0;
};

class DecodingLookup {
public:
    /// Codes are built only up to this many workers: the build runs on the GUI thread.
    static constexpr int kMaxWorkers = 120;

    DecodingLookup();
    ~DecodingLookup();

    /// Builds the code of the scenario's scheme (cheap to call again with the same scheme).
    void setScenario(const Scenario& scenario);
    bool available() const;
    /// Why coefficients are not shown (empty when they are).
    const QString& note() const { return note_; }
    /// The decode of this iteration; std::nullopt when it failed or codes are unavailable.
    std::optional<UsedDecoding> decode(const ResolvedScheme& scheme,
                                       const IterationTrace& trace) const;

private:
    struct Code;
    std::unique_ptr<Code> code_;
    QString note_;
};

} // namespace hgc::ui
