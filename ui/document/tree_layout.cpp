#include "document/tree_layout.h"

#include <algorithm>
#include <cmath>

namespace hgc::ui {

namespace {
constexpr double kEdgeGap = 56.0;

QPointF toPoint(const Position& p) {
    return {p.x, p.y};
}
} // namespace

int workersPerRow(const Scenario& scenario) {
    std::size_t most = 1;
    for (const Edge& e : scenario.edges)
        most = std::max(most, e.workers.size());
    return std::clamp(static_cast<int>(std::ceil(std::sqrt(2.0 * most))), 3, 10);
}

QPointF autoWorkerPosition(QPointF edgePosition, int index, int count, int perRow) {
    const int row = index / perRow;
    const int column = index % perRow;
    const int inRow = std::min(perRow, count - row * perRow);
    const double stagger = (row % 2 == 1 && inRow == perRow) ? kWorkerSpacing / 2.0 : 0.0;
    const double x = edgePosition.x() + (column - (inRow - 1) / 2.0) * kWorkerSpacing + stagger;
    const double y = edgePosition.y() + kLevelGap + row * kWorkerSpacing;
    return {x, y};
}

TreeLayout computeTreeLayout(const Scenario& scenario) {
    TreeLayout layout;
    const int perRow = layout.workersPerRow = workersPerRow(scenario);
    const int n = static_cast<int>(scenario.edges.size());
    layout.edges.resize(n);
    layout.workers.resize(n);
    double cursor = 0.0;
    double autoSpanLeft = 0.0, autoSpanRight = 0.0;
    for (int i = 0; i < n; ++i) {
        const Edge& e = scenario.edges[i];
        const int m = static_cast<int>(e.workers.size());
        const double width =
            (std::max(1, std::min(m, perRow)) + (m > perRow ? 0.5 : 0.0)) * kWorkerSpacing;
        const QPointF autoPos(cursor + width / 2.0, kLevelGap);
        if (i == 0) autoSpanLeft = autoPos.x();
        autoSpanRight = autoPos.x();
        cursor += width + kEdgeGap;
        layout.edges[i] = e.position ? toPoint(*e.position) : autoPos;
        layout.workers[i].resize(m);
        for (int j = 0; j < m; ++j) {
            const Worker& w = e.workers[j];
            layout.workers[i][j] = w.position ? toPoint(*w.position)
                                              : autoWorkerPosition(layout.edges[i], j, m, perRow);
        }
    }
    layout.master = QPointF((autoSpanLeft + autoSpanRight) / 2.0, 0.0);
    return layout;
}

} // namespace hgc::ui
