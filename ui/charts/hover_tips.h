#pragma once
// Hover to read a value: every line, scatter, area and bar of a figure shows a tooltip with
// the series' name and the point's coordinates, named by the axes' titles.
namespace hgc::charts {

class ChartFigure;

void attachHoverTips(ChartFigure& figure);

} // namespace hgc::charts
