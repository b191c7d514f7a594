#pragma once
// Human names of node properties, for undo texts and the properties panel.
#include <QString>

#include "document/node_property.h"

namespace hgc::ui {

/// "name", "active", "compute rate", "uplink straggle probability", ...
/// Parameter names depend on the family, so Param0/Param1 read "compute parameter 1".
QString propertyLabel(NodeProperty property);

} // namespace hgc::ui
