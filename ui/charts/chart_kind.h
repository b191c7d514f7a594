#pragma once
// The kinds of chart (SPEC §8 `hgc chart --kind`), their command-line names and titles.
// `training` (issue 8) is not one of them: it is drawn by the training area.
#include <QString>
#include <optional>
#include <vector>

namespace hgc::charts {

enum class ChartKind { RuntimeVsTolerance, LoadTradeoff, Cdf, IterationTimes, Speedup };

std::vector<ChartKind> allChartKinds();
/// "runtime-vs-tolerance", "load-tradeoff", "cdf", "iteration-times", "speedup".
QString chartKindName(ChartKind kind);
/// Human title for menus and tabs: "Runtime vs tolerance", ...
QString chartKindTitle(ChartKind kind);
std::optional<ChartKind> chartKindByName(const QString& name);

} // namespace hgc::charts
