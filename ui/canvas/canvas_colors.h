#pragma once
// The canvas's colours, chosen for the current palette so that the canvas reads well in
// light and dark themes.
#include <QColor>
#include <QPalette>

namespace hgc::ui {

struct CanvasColors {
    QColor background, grid, link, master, edge, worker, slow, inactive, onNode, selection, load,
        loadTrack, straggle, failure;
};

CanvasColors canvasColors(const QPalette& palette);
bool isDarkPalette(const QPalette& palette);

} // namespace hgc::ui
