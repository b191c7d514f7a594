#pragma once
// CSV of a chart's table model: a header of column keys, then one line per row. Numbers are
// written in the shortest form that reads back to the same double (std::to_chars), so a
// script gets exactly what the chart plots; infinities are "inf", empty cells are empty.
#include <QByteArray>
#include <QString>

class QAbstractItemModel;

namespace hgc::charts {

class ChartTableModel;

QByteArray toCsv(const ChartTableModel& model);
/// Writes atomically; throws hgc::InputError naming the file when it cannot.
void writeCsv(const ChartTableModel& model, const QString& path);

} // namespace hgc::charts
