#include "document/selection_values.h"

namespace hgc::ui {

CommonValue commonValue(const Scenario& scenario, const NodeRefs& nodes, NodeProperty property) {
    CommonValue result;
    for (const NodeRef& r : nodes) {
        if (r.edge < 0 || r.edge >= static_cast<int>(scenario.edges.size())) continue;
        const Edge& e = scenario.edges[r.edge];
        if (r.worker >= static_cast<int>(e.workers.size())) continue;
        const QVariant v = r.isWorker() ? propertyValue(e.workers[r.worker], property)
                                        : propertyValue(e, property);
        if (!v.isValid()) continue;
        if (result.holders == 0)
            result.value = v;
        else if (v != result.value)
            result.mixed = true;
        ++result.holders;
    }
    return result;
}

} // namespace hgc::ui
