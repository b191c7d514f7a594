// The Training tab: trains off the GUI thread, draws one point per record per scheme, shows
// the same numbers as the core run directly, cancels cleanly (also on a scenario change) and
// reports a broken IDX file in the panel, staying usable.
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include "charts/chart_table_model.h"
#include "model/scenario.h"
#include "panels/training_panel.h"
#include "train/data_source.h"
#include "train/trainer.h"
#include "train/training_schemes.h"
#include "util/errors.h"

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
    void exportWritesWhatIsDrawn();
    void checkMarksSurviveAScenarioEdit();
    void defaultsAreTheCoresAndPartitioningReachesTheRun();
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
    // The axes were fitted to every drawn point (and not much beyond: nice numbers).
    for (QLineSeries* series : {panel.lossSeries(0), panel.accuracySeries(0)}) {
        auto* x = static_cast<QValueAxis*>(series->attachedAxes().at(0));
        auto* y = static_cast<QValueAxis*>(series->attachedAxes().at(1));
        double low = INFINITY, high = -INFINITY, right = 0;
        for (int i = 0; i < 2; ++i)
            for (const QPointF& p :
                 (series == panel.lossSeries(0) ? panel.lossSeries(i) : panel.accuracySeries(i))
                     ->points()) {
                low = std::min(low, p.y()), high = std::max(high, p.y());
                right = std::max(right, p.x());
            }
        QVERIFY(x->min() <= 0 && x->max() >= right && x->max() <= 2 * right);
        QVERIFY(y->min() <= low && y->max() >= high);
        QVERIFY(y->max() - y->min() <= 3 * (high - low));
    }
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

void TestTrainingPanel::exportWritesWhatIsDrawn() {
    TrainingPanel panel;
    panel.setScenario(smallScenario());
    panel.selectFirstSchemes(3);
    panel.setIterations(10);
    QTemporaryDir dir;
    const QString csv = dir.filePath("training.csv"), png = dir.filePath("training.png");
    QVERIFY_THROWS_EXCEPTION(InputError, panel.exportTo(png)); // nothing trained yet
    QVERIFY(!QFile::exists(png));
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 60000);

    // The exported table holds exactly the drawn points, scheme by scheme.
    const charts::ChartTableModel model(panel.chartTable());
    QCOMPARE(model.rowCount(), 3 * 11);
    for (int scheme = 0; scheme < 3; ++scheme) {
        const QList<QPointF> loss = panel.lossSeries(scheme)->points();
        const QList<QPointF> accuracy = panel.accuracySeries(scheme)->points();
        for (int i = 0; i < 11; ++i) {
            const int row = scheme * 11 + i;
            QCOMPARE(model.text(row, "scheme"), panel.lossSeries(scheme)->name());
            QCOMPARE(model.number(row, "time"), loss[i].x());
            QCOMPARE(model.number(row, "loss"), loss[i].y());
            QCOMPARE(model.number(row, "accuracy"), accuracy[i].y());
        }
    }
    QVERIFY(model.table().subtitle.contains("small"));     // the scenario
    QVERIFY(model.table().subtitle.contains("synthetic")); // and the data it was trained on

    panel.exportTo(csv);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 1 + 3 * 11);
    panel.exportTo(png, {800, 500, 96});
    QCOMPARE(QImage(png).size(), QSize(800, 500));
}

void TestTrainingPanel::checkMarksSurviveAScenarioEdit() {
    TrainingPanel panel;
    Scenario scenario = smallScenario();
    panel.setScenario(scenario);
    panel.selectFirstSchemes(1); // only the file's scheme
    const std::vector<TrainingScheme> before = panel.selectedSchemes();
    QCOMPARE(before.size(), std::size_t(1));
    // A rate change changes the numbers, not the list of schemes: the choice stays.
    scenario.edges[0].workers[0].compute = Distribution::exponential(0.25);
    panel.setScenario(scenario);
    const std::vector<TrainingScheme> after = panel.selectedSchemes();
    QCOMPARE(after.size(), std::size_t(1));
    QCOMPARE(trainingSchemeId(after[0]), trainingSchemeId(before[0]));
}

void TestTrainingPanel::defaultsAreTheCoresAndPartitioningReachesTheRun() {
    TrainingPanel panel;
    Scenario scenario = smallScenario();
    scenario.simulation.seed = 5;
    panel.setScenario(scenario);
    // The tab starts where `hgc train` does: TrainingOptions' defaults, the scenario's seed.
    const TrainingOptions defaults;
    QCOMPARE(panel.options().step, defaults.step);
    QCOMPARE(panel.options().momentum, defaults.momentum);
    QCOMPARE(panel.options().iterations, defaults.iterations);
    QVERIFY(panel.options().partitioning == defaults.partitioning);
    QCOMPARE(panel.options().seed, std::uint64_t(5));

    panel.setPartitioning(DataPartitioning::ByLabel);
    QVERIFY(panel.options().partitioning == DataPartitioning::ByLabel);
    panel.selectFirstSchemes(3); // hgc(1,1), uncoded, ignore-stragglers
    QCOMPARE(trainingSchemeId(panel.selectedSchemes()[2]), std::string("ignore-stragglers"));
    panel.setIterations(8);
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 60000);
    TrainingOptions o; // built here, not read back from the panel
    o.iterations = 8;
    o.seed = 5;
    o.partitioning = DataPartitioning::ByLabel;
    const std::vector<TrainingRun> runs =
        train(scenario, loadTrainingData("synthetic", 5), panel.selectedSchemes(), o);
    for (int i = 0; i < 3; ++i) {
        const QList<QPointF> loss = panel.lossSeries(i)->points();
        QCOMPARE(loss.size(), qsizetype(9));
        for (int it = 0; it <= 8; ++it)
            QCOMPARE(loss[it].y(), runs[i].records[it].loss);
    }
    // Which matters: with shuffled rows, ignoring stragglers ends elsewhere.
    o.partitioning = DataPartitioning::Iid;
    const TrainingRun iid =
        train(scenario, loadTrainingData("synthetic", 5), {panel.selectedSchemes()[2]}, o).front();
    QVERIFY(iid.records.back().loss != runs[2].records.back().loss);
}

QTEST_MAIN(TestTrainingPanel)
#include "test_training_panel.moc"
