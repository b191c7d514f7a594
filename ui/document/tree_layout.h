#pragma once
// The automatic tree layout of the canvas: the master on top, the edges in a row below
// it, each edge's workers in rows under their edge. A node with a
// position in the file keeps it; a worker without one is placed relative to where its edge
// actually is, so that dragging an edge takes its automatically placed workers along.
// Rows hold about sqrt(2 m) workers for the largest edge's m (3 to 10), so that the tree
// stays roughly as wide as it is tall; odd rows are offset by half a step so that the links
// to a lower row pass between the workers of the row above.
#include <QPointF>
#include <vector>

#include "model/scenario.h"

namespace hgc::ui {

struct TreeLayout {
    int workersPerRow = 4;
    QPointF master;
    std::vector<QPointF> edges;
    std::vector<std::vector<QPointF>> workers; // [edge][worker]
};

inline constexpr double kWorkerSpacing = 72.0;
inline constexpr double kLevelGap = 130.0;

TreeLayout computeTreeLayout(const Scenario& scenario);

/// Workers per row for this scenario.
int workersPerRow(const Scenario& scenario);

/// Where worker `index` of `count` goes when its edge is at `edgePosition`.
QPointF autoWorkerPosition(QPointF edgePosition, int index, int count, int perRow);

} // namespace hgc::ui
