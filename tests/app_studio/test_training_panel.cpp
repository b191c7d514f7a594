// The Training tab: trains off the GUI thread, draws one point per record per scheme, shows
// the same numbers as the core run directly, cancels cleanly (also on a scenario change) and
// reports a broken IDX file in the panel, staying usable.
#include <QFile>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "model/scenario.h"
#include "panels/training_panel.h"
#include "train/data_source.h"
#include "train/trainer.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

Scenario smallScenario() {
    Scenario s = makeUniformScenario(3, 4);
    s.name = "small";
    s.scheme = Scheme::hgc(1, 1);
    return s;
}

} // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT
private slots:
    void liveCurvesMatchTheCore();
    void cancelStopsTheWorker();
    void scenarioChangeCancels();
    void corruptIdxFileIsReported();
};

void TestTrainingPanel::liveCurvesMatchTheCore() {
    const Scenario scenario = smallScenario();
    TrainingPanel panel;
    panel.setScenario(scenario);
    panel.selectFirstSchemes(2);
    panel.setIterations(15);
    panel.setStep(0.5);
    panel.setMomentum(0.5);
    const std::vector<TrainingScheme> schemes = panel.selectedSchemes();
    QCOMPARE(schemes.size(), std::size_t(2));
    QSignalSpy finished(&panel, &TrainingPanel::finished);
    panel.run();
    QVERIFY(panel.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 60000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.front().front().toBool(), true);

    const std::vector<TrainingRun> runs = train(
        scenario, loadTrainingData("synthetic", panel.options().seed), schemes, panel.options());
    QCOMPARE(runs.size(), std::size_t(2));
    for (int i = 0; i < 2; ++i) {
        const auto& records = runs[i].records;
        QCOMPARE(records.size(), std::size_t(16)); // iterations 0..15
        const QList<QPointF> loss = panel.lossSeries(i)->points();
        const QList<QPointF> accuracy = panel.accuracySeries(i)->points();
        QCOMPARE(loss.size(), qsizetype(records.size()));
        QCOMPARE(accuracy.size(), qsizetype(records.size()));
        QCOMPARE(loss.back().y(), records.back().loss);
        QCOMPARE(loss.back().x(), records.back().time);
        QCOMPARE(accuracy.back().y(), records.back().accuracy);
        QVERIFY(records.back().loss < records.front().loss); // it did learn something
        QVERIFY(panel.statusText().contains(QString::fromStdString(runs[i].scheme.label)));
    }
    QVERIFY(panel.statusText().contains(QStringLiteral("decode error")));
    QVERIFY(panel.lossSeries(2) == nullptr);
}

void TestTrainingPanel::cancelStopsTheWorker() {
    TrainingPanel panel;
    panel.setScenario(smallScenario());
    panel.selectFirstSchemes(2);
    panel.setIterations(100000); // far longer than the test waits
    QSignalSpy finished(&panel, &TrainingPanel::finished);
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(panel.lossSeries(1)->count() > 2, 60000);
    panel.cancel();
    QVERIFY(!panel.isRunning());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.front().front().toBool(), false);
    QVERIFY(panel.statusText().contains(QStringLiteral("Cancelled")));

    // The panel trains on one thread: a new run can only finish once the cancelled one
    // has really stopped.
    panel.setIterations(3);
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 60000);
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.back().front().toBool(), true);
    QCOMPARE(panel.lossSeries(0)->count(), 4);
}

void TestTrainingPanel::scenarioChangeCancels() {
    TrainingPanel panel;
    panel.setScenario(smallScenario());
    panel.setIterations(100000);
    QSignalSpy finished(&panel, &TrainingPanel::finished);
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(panel.lossSeries(0)->count() > 1, 60000);
    Scenario moved = smallScenario();
    moved.edges[0].workers[1].position = Position{10.0, 20.0};
    panel.setScenario(moved); // a move on the canvas changes no number
    QVERIFY(panel.isRunning());
    QCOMPARE(finished.count(), 0);
    Scenario other = makeUniformScenario(2, 3);
    other.scheme = Scheme::hgc(0, 1);
    panel.setScenario(other);
    QVERIFY(!panel.isRunning());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.front().front().toBool(), false);
    // Late records of the cancelled run must not reach the charts.
    const int count = panel.lossSeries(0)->count();
    QTest::qWait(200);
    QCOMPARE(panel.lossSeries(0)->count(), count);
}

void TestTrainingPanel::corruptIdxFileIsReported() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken-images-idx3-ubyte"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x00\x00\x08\x03\x00\x00", 6); // a truncated header
    }
    TrainingPanel panel;
    panel.setScenario(smallScenario());
    panel.setIterations(3);
    QSignalSpy finished(&panel, &TrainingPanel::finished);
    panel.setDataSource(path);
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 60000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.front().front().toBool(), false);
    QVERIFY2(panel.statusText().contains(QStringLiteral("failed")), qPrintable(panel.statusText()));
    QVERIFY2(panel.statusText().contains(QStringLiteral("broken-images")),
             qPrintable(panel.statusText()));

    panel.setDataSource(QStringLiteral("synthetic"));
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 60000);
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.back().front().toBool(), true);
}

QTEST_MAIN(TestTrainingPanel)
#include "test_training_panel.moc"
