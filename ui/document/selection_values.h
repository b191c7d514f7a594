#pragma once
// What a property looks like across a selection: absent (no selected node has it), one
// common value, or mixed. The properties panel shows it; a multi-selection edit sets all.
#include <QVariant>

#include "document/node_property.h"
#include "document/node_ref.h"

namespace hgc::ui {

struct CommonValue {
    int holders = 0;    // selected nodes that have the property
    bool mixed = false; // they disagree
    QVariant value;     // the common value (or the first one when mixed)
};

CommonValue commonValue(const Scenario& scenario, const NodeRefs& nodes, NodeProperty property);

} // namespace hgc::ui
