#include "charts/scheme_label.h"

namespace hgc::charts {

QString schemeTitle(const Scheme& scheme) {
    return QString::fromStdString(hgc::schemeLabel(scheme));
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
