#pragma once
// The automatic tree layout of the canvas: the master on top, the edges in a row below
// it, each edge's workers in rows of at most kWorkersPerRow under their edge. A node with a
// position in the file keeps it; a worker without one is placed relative to where its edge
// actually is, so that dragging an edge takes its automatically placed workers along.
#include <QPointF>
#include <vector>

#include "model/scenario.h"

namespace hgc::ui {

struct TreeLayout {
    QPointF master;
    std::vector<QPointF> edges;
    std::vector<std::vector<QPointF>> workers; // [edge][worker]
};

inline constexpr int kWorkersPerRow = 8;
inline constexpr double kWorkerSpacing = 72.0;
inline constexpr double kLevelGap = 130.0;

TreeLayout computeTreeLayout(const Scenario& scenario);

/// Where worker `index` of `count` goes when its edge is at `edgePosition`.
QPointF autoWorkerPosition(QPointF edgePosition, int index, int count);

} // namespace hgc::ui
