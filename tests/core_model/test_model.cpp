#include <QtTest>
#include "io/scenario_json.h"
class TestModel : public QObject { Q_OBJECT
private slots:
  void smoke() { auto s = hgc::makeUniformScenario(2,3); s.scheme = hgc::Scheme::hgc(1,1);
    auto t = hgc::parseScenario(hgc::serializeScenario(s)); QVERIFY(t == s); }
};
QTEST_APPLESS_MAIN(TestModel)
#include "test_model.moc"
