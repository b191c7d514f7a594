#pragma once
// The data behind one chart as plain values: named columns and rows of numbers or text.
// Built off the GUI thread by the chart computations, then wrapped by ChartTableModel,
// which feeds the chart, the table view and the CSV alike.
#include <QList>
#include <QString>
#include <QVariant>
#include <vector>

#include "charts/chart_kind.h"

namespace hgc::charts {

struct ChartColumn {
    QString key;   // stable CSV header: "expected_runtime"
    QString title; // table header with its unit: "E[T] (time units)"
};

struct ChartTable {
    ChartKind kind = ChartKind::RuntimeVsTolerance;
    QString title;    // the chart's title
    QString subtitle; // what it was computed on: "default: 4 edges, 24 workers"
    QList<ChartColumn> columns;
    /// Each row has one value per column: a double, an int, a QString, or an invalid
    /// QVariant for "not applicable".
    std::vector<QVariantList> rows;
    /// Values the chart needs that are not per row (e.g. "workers": W).
    QVariantMap facts;

    int column(const QString& key) const; // -1 when absent
};

} // namespace hgc::charts
