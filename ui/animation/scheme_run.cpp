#include "animation/scheme_run.h"

#include "util/errors.h"

namespace hgc::ui {

QString schemeRunLabel(const Scheme& scheme) {
    return QString::fromStdString(schemeLabel(scheme));
}

std::vector<SchemeRun> comparedRuns(const Scenario& scenario) {
    std::vector<SchemeRun> runs;
    runs.push_back({schemeRunLabel(scenario.scheme), resolve(scenario), {}});
    auto tryAdd = [&](const Scheme& scheme) {
        try {
            runs.push_back({schemeRunLabel(scheme), resolve(scenario, scheme), {}});
        } catch (const InputError&) {
            // A comparison that does not fit this topology is simply not shown.
        }
    };
    if (scenario.scheme.type != SchemeType::Uncoded) tryAdd(Scheme::uncoded());
    if (scenario.scheme.type == SchemeType::Hgc) {
        // gc with s + 1 = (s_e + 1)(s_w + 1) has the same load per worker as the hgc scheme.
        const int s =
            (scenario.scheme.edgeStragglers + 1) * (scenario.scheme.workerStragglers + 1) - 1;
        if (s > 0) tryAdd(Scheme::gc(s));
    }
    return runs;
}

void traceRuns(const Scenario& scenario, long long index, std::vector<SchemeRun>& runs) {
    for (SchemeRun& run : runs)
        run.trace = traceIteration(scenario, run.scheme, scenario.simulation.seed, index);
}

} // namespace hgc::ui
