#include "test_helpers.h"

#include <QTemporaryDir>

namespace hgc::test {

Scenario smallScenario() {
    Scenario s = makeUniformScenario(3, 4);
    s.name = "small";
    s.scheme = Scheme::hgc(1, 1);
    return s;
}

QString temporaryPath(const QString& fileName) {
    static QTemporaryDir dir;
    return dir.filePath(fileName);
}

} // namespace hgc::test
