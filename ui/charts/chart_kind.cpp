#include "charts/chart_kind.h"

namespace hgc::charts {

std::vector<ChartKind> allChartKinds() {
    return {ChartKind::RuntimeVsTolerance, ChartKind::LoadTradeoff, ChartKind::Cdf,
            ChartKind::IterationTimes,     ChartKind::Speedup,      ChartKind::Training};
}

QString chartKindName(ChartKind kind) {
    switch (kind) {
    case ChartKind::RuntimeVsTolerance:
        return QStringLiteral("runtime-vs-tolerance");
    case ChartKind::LoadTradeoff:
        return QStringLiteral("load-tradeoff");
    case ChartKind::Cdf:
        return QStringLiteral("cdf");
    case ChartKind::IterationTimes:
        return QStringLiteral("iteration-times");
    case ChartKind::Speedup:
        return QStringLiteral("speedup");
    case ChartKind::Training:
        return QStringLiteral("training");
    }
    return {};
}

QString chartKindTitle(ChartKind kind) {
    switch (kind) {
    case ChartKind::RuntimeVsTolerance:
        return QStringLiteral("Runtime vs tolerance");
    case ChartKind::LoadTradeoff:
        return QStringLiteral("Load trade-off");
    case ChartKind::Cdf:
        return QStringLiteral("Iteration time CDF");
    case ChartKind::IterationTimes:
        return QStringLiteral("Iteration times");
    case ChartKind::Speedup:
        return QStringLiteral("Speed-up");
    case ChartKind::Training:
        return QStringLiteral("Training");
    }
    return {};
}

std::optional<ChartKind> chartKindByName(const QString& name) {
    for (ChartKind k : allChartKinds())
        if (chartKindName(k) == name) return k;
    return std::nullopt;
}

} // namespace hgc::charts
