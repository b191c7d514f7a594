#pragma once
// Tooltips of canvas nodes: the distributions in words and the load.
#include <QString>

#include "canvas/node_marks.h"

namespace hgc::ui {

QString workerTooltip(const Worker& worker, const NodeMarks& marks);
QString edgeTooltip(const Edge& edge, const NodeMarks& marks);

} // namespace hgc::ui
