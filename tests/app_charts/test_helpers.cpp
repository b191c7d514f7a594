#include "test_helpers.h"

#include <QTemporaryDir>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "io/scenario_json.h"

namespace hgc::test {

Scenario preset(const QString& name) {
    return loadScenarioFile(
        (QStringLiteral(HGC_SOURCE_DIR "/resources/scenarios/") + name + ".json").toStdString());
}

Scenario smallScenario() {
    Scenario s = makeUniformScenario(3, 3);
    s.name = "small";
    s.scheme = Scheme::hgc(1, 1);
    s.simulation.iterations = 4000;
    s.simulation.seed = 7;
    return s;
}

QString temporaryPath(const QString& fileName) {
    static QTemporaryDir dir;
    return dir.filePath(fileName);
}

std::vector<QStringList> parseCsv(const QByteArray& bytes) {
    const QString text = QString::fromUtf8(bytes);
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, any = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row << field, field.clear();
        } else if (c == '\n') {
            row << field, field.clear();
            rows.push_back(row), row.clear();
            any = false;
            continue;
        } else {
            field += c;
        }
        any = true;
    }
    if (any) row << field, rows.push_back(row);
    return rows;
}

double csvDouble(const QString& field) {
    if (field == "inf") return std::numeric_limits<double>::infinity();
    if (field.isEmpty()) return std::numeric_limits<double>::quiet_NaN();
    const QByteArray bytes = field.toLatin1();
    char* end = nullptr;
    const double v = std::strtod(bytes.constData(), &end);
    return end == bytes.constData() + bytes.size() ? v : std::numeric_limits<double>::quiet_NaN();
}

} // namespace hgc::test
