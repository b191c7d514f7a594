#include "animation/decoding_lookup.h"

#include <QObject>
#include <algorithm>
#include <exception>

#include "coding/hierarchical_code.h"

namespace hgc::ui {

struct DecodingLookup::Code {
    Scheme scheme;
    Scenario topology;
    std::optional<coding::HierarchicalCode> code;
};

DecodingLookup::DecodingLookup() = default;
DecodingLookup::~DecodingLookup() = default;

bool DecodingLookup::available() const {
    return code_ && code_->code.has_value();
}

void DecodingLookup::setScenario(const Scenario& scenario) {
    if (code_ && code_->code && code_->topology == scenario) return;
    code_ = std::make_unique<Code>();
    code_->topology = scenario;
    note_.clear();
    const int workers = scenario.activeWorkerCount();
    if (workers > kMaxWorkers) {
        note_ =
            QObject::tr("Decoding coefficients are shown for up to %1 workers.").arg(kMaxWorkers);
        return;
    }
    try {
        code_->code = coding::HierarchicalCode::build(
            scenario, {coding::CoefficientMethod::Automatic, scenario.simulation.seed});
    } catch (const std::exception& e) {
        note_ = QObject::tr("No decoding coefficients: %1").arg(QString::fromUtf8(e.what()));
    }
}

std::optional<UsedDecoding> DecodingLookup::decode(const ResolvedScheme& scheme,
                                                   const IterationTrace& trace) const {
    if (!available() || trace.failed) return std::nullopt;
    // The pattern: every worker its edge (gc: the master) did not wait for, every edge the
    // master did not wait for. Edges left out do not matter, so their workers are not listed.
    coding::StragglerPattern pattern;
    pattern.workers.resize(scheme.edges.size());
    std::size_t first = 0;
    for (std::size_t i = 0; i < scheme.edges.size(); ++i) {
        const std::size_t count = scheme.edges[i].workers.size();
        const bool edgeUsed = scheme.flat || trace.edges[i].waitedFor;
        if (!edgeUsed) pattern.edges.push_back(static_cast<int>(i));
        for (std::size_t k = 0; k < count && edgeUsed; ++k)
            if (!trace.workers[first + k].waitedFor)
                pattern.workers[i].push_back(static_cast<int>(k));
        first += count;
    }
    const auto decoding = code_->code->decode(pattern);
    if (!decoding) return std::nullopt;
    UsedDecoding used;
    used.flat = decoding->flat;
    used.edgeWeights = decoding->edgeWeights;
    used.masterWeights = decoding->masterWeights;
    used.residual = decoding->residual;
    return used;
}

} // namespace hgc::ui
