#pragma once
// The kinds of chart (SPEC §8 `hgc chart --kind`), their command-line names and titles.
#include <QString>
#include <optional>
#include <vector>

namespace hgc::charts {

enum class ChartKind { RuntimeVsTolerance, LoadTradeoff, Cdf, IterationTimes, Speedup, Training };

std::vector<ChartKind> allChartKinds();
/// "runtime-vs-tolerance", "load-tradeoff", "cdf", "iteration-times", "speedup", "training".
QString chartKindName(ChartKind kind);
/// Human title for menus and tabs: "Runtime vs tolerance", ...
QString chartKindTitle(ChartKind kind);
std::optional<ChartKind> chartKindByName(const QString& name);

} // namespace hgc::charts
