#include "charts/scheme_label.h"

namespace hgc::charts {

QString schemeLabel(const Scheme& scheme) {
    switch (scheme.type) {
    case SchemeType::Uncoded:
        return QStringLiteral("uncoded");
    case SchemeType::Gc:
        return QStringLiteral("gc (s=%1)").arg(scheme.stragglers);
    case SchemeType::Hgc:
        return QStringLiteral("hgc (s_e=%1, s_w=%2)")
            .arg(scheme.edgeStragglers)
            .arg(scheme.workerStragglers);
    case SchemeType::Allocation:
        return QStringLiteral("allocation (s_e=%1)").arg(scheme.edgeStragglers);
    }
    return {};
}

QString scenarioCaption(const Scenario& scenario) {
    const QString name =
        scenario.name.empty() ? QStringLiteral("scenario") : QString::fromStdString(scenario.name);
    return QStringLiteral("%1 — %2 edges, %3 workers")
        .arg(name)
        .arg(scenario.activeEdgeCount())
        .arg(scenario.activeWorkerCount());
}

} // namespace hgc::charts
