#include "charts/csv_export.h"

#include <QSaveFile>
#include <charconv>
#include <cmath>

#include "charts/chart_table_model.h"
#include "util/errors.h"

namespace hgc::charts {

namespace {

QByteArray csvNumber(double v) {
    if (std::isnan(v)) return {};
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return QByteArray(buffer, static_cast<int>(end - buffer));
}

QByteArray csvText(const QString& s) {
    QByteArray utf8 = s.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n')) return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray csvCell(const QVariant& v) {
    switch (v.metaType().id()) {
    case QMetaType::Double:
    case QMetaType::Float:
        return csvNumber(v.toDouble());
    case QMetaType::Int:
    case QMetaType::LongLong:
        return QByteArray::number(v.toLongLong());
    default:
        return v.isValid() ? csvText(v.toString()) : QByteArray();
    }
}

} // namespace

QByteArray toCsv(const ChartTableModel& model) {
    const ChartTable& table = model.table();
    QByteArray out;
    for (int c = 0; c < table.columns.size(); ++c)
        out += (c ? "," : "") + csvText(table.columns[c].key);
    out += '\n';
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < table.columns.size(); ++c) {
            if (c) out += ',';
            out += csvCell(model.data(model.index(r, c), ChartTableModel::RawValueRole));
        }
        out += '\n';
    }
    return out;
}

void writeCsv(const ChartTableModel& model, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(model)) < 0 || !file.commit())
        throw InputError(path.toStdString(), "cannot write: " + file.errorString().toStdString());
}

} // namespace hgc::charts
