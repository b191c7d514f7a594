#include "animation/decoding_lookup.h"

#include <QObject>
#include <algorithm>
#include <exception>

#ifdef HGC_HAVE_CODING
#include "coding/hierarchical_code.h"
#endif

namespace hgc::ui {

#ifdef HGC_HAVE_CODING
struct DecodingLookup::Code {
    Scheme scheme;
    Scenario topology;
    std::optional<coding::HierarchicalCode> code;
};
#else
struct DecodingLookup::Code {};
#endif

DecodingLookup::DecodingLookup() = default;
DecodingLookup::~DecodingLookup() = default;

bool DecodingLookup::available() const {
#ifdef HGC_HAVE_CODING
    return code_ && code_->code.has_value();
#else
    return false;
#endif
}

void DecodingLookup::setScenario(const Scenario& scenario) {
#ifdef HGC_HAVE_CODING
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
#else
    (void)scenario;
    note_ = QObject::tr("Decoding coefficients need the gradient codes, which this build lacks.");
#endif
}

std::optional<UsedDecoding> DecodingLookup::decode(const ResolvedScheme& scheme,
                                                   const IterationTrace& trace) const {
#ifdef HGC_HAVE_CODING
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
#else
    (void)scheme;
    (void)trace;
    return std::nullopt;
#endif
}

} // namespace hgc::ui
