// The Charts area: results arrive in the background (setScenario returns before anything is
// computed), only the latest scenario's chart is shown, a long computation can be
// cancelled, and the panel exports what it shows.
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "charts/chart_figure.h"
#include "charts/chart_runner.h"
#include "charts/charts_panel.h"
#include "test_helpers.h"

namespace hgc::test {
namespace {

using namespace hgc::charts;

class PanelTests : public QObject {
    Q_OBJECT
private slots:
    void chartsArriveInTheBackground() {
        ChartsPanel panel;
        panel.setDebounce(0);
        panel.setOptimiserSeconds(1);
        panel.resize(900, 600);
        panel.show();
        QSignalSpy ready(&panel, &ChartsPanel::chartReady);
        panel.setScenario(smallScenario());
        QCOMPARE(panel.model().rowCount(), 0); // nothing computed on the GUI thread
        QVERIFY(panel.isBusy());
        QVERIFY(ready.wait(60000));
        QCOMPARE(ready.takeFirst().at(0).value<ChartKind>(), ChartKind::RuntimeVsTolerance);
        QVERIFY(panel.model().rowCount() > 0);
        QVERIFY(panel.figure() != nullptr);
        QVERIFY(!panel.figure()->charts().empty());
        QTableView* table = panel.findChild<QTableView*>();
        QVERIFY(table && table->model() == &panel.model());
        QVERIFY(!panel.isBusy());

        for (ChartKind kind : allChartKinds()) {
            // Training is the Training tab's: the panel does not offer it.
            if (kind == ChartKind::RuntimeVsTolerance || kind == ChartKind::Training) continue;
            panel.setKind(kind);
            QVERIFY2(ready.wait(60000), qPrintable(chartKindName(kind)));
            QCOMPARE(panel.model().table().kind, kind);
        }
        // Moving a node changes nothing a chart shows: no recomputation.
        Scenario moved = smallScenario();
        moved.edges[0].position = Position{123, 45};
        panel.setScenario(moved);
        QVERIFY(!panel.isBusy());
        // Back to a kind already computed for this scenario: shown from the cache at once.
        ready.clear();
        panel.setKind(ChartKind::RuntimeVsTolerance);
        QCOMPARE(ready.size(), 1);
    }

    void onlyTheLatestScenarioIsShown() {
        ChartsPanel panel;
        panel.setDebounce(0);
        QSignalSpy ready(&panel, &ChartsPanel::chartReady);
        Scenario first = smallScenario(), second = smallScenario();
        first.name = "first";
        second.name = "second";
        second.edges.pop_back();
        panel.setScenario(first);
        QTest::qWait(1); // let the first computation start
        panel.setScenario(second);
        QVERIFY(ready.wait(60000));
        QTest::qWait(300); // a late result of the first would arrive now
        QCOMPARE(ready.size(), 1);
        QVERIFY(panel.model().table().subtitle.startsWith("second"));
    }

    void aLongComputationCanBeCancelled() {
        ChartRunner runner;
        QSignalSpy failed(&runner, &ChartRunner::failed);
        QSignalSpy finished(&runner, &ChartRunner::finished);
        QSignalSpy progress(&runner, &ChartRunner::progress);
        ChartRequest request;
        request.confidenceBars = true;
        request.monteCarloIterations = 50'000'000; // minutes of work: must be cut short
        runner.start(preset("default"), request);
        QVERIFY(runner.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() > 1, 30000);
        runner.cancel();
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.takeFirst().at(0).toString(), QStringLiteral("cancelled"));
        QCOMPARE(finished.size(), 0);
        QVERIFY(!runner.isBusy());
    }

    void aBadScenarioIsAMessageNotACrash() {
        ChartsPanel panel;
        panel.setDebounce(0);
        QSignalSpy busy(&panel, &ChartsPanel::busyChanged);
        Scenario s = smallScenario();
        for (auto& e : s.edges)
            e.active = false;
        s.scheme = Scheme::uncoded();
        panel.setScenario(s);
        QTRY_VERIFY_WITH_TIMEOUT(busy.size() >= 2 && !panel.isBusy(), 30000);
        QCOMPARE(panel.model().rowCount(), 0);
        QVERIFY_THROWS_EXCEPTION(InputError, panel.exportTo(temporaryPath("none.png")));
    }

    void thePanelExportsWhatItShows() {
        ChartsPanel panel;
        panel.setDebounce(0);
        QSignalSpy ready(&panel, &ChartsPanel::chartReady);
        panel.setOptimiserSeconds(1);
        panel.setKind(ChartKind::Speedup);
        panel.setScenario(smallScenario());
        QVERIFY(ready.wait(60000));
        panel.exportTo(temporaryPath("panel.png"), {640, 400, 96});
        QCOMPARE(QImage(temporaryPath("panel.png")).size(), QSize(640, 400));
        panel.exportTo(temporaryPath("panel.csv"));
        const auto rows = parseCsv([] {
            QFile f(temporaryPath("panel.csv"));
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }());
        QCOMPARE(int(rows.size()), panel.model().rowCount() + 1);
        QCOMPARE(rows[0].front(), QStringLiteral("family"));
    }
};

} // namespace

int runPanelTests(int argc, char** argv) {
    PanelTests t;
    return QTest::qExec(&t, argc, argv);
}

} // namespace hgc::test

#include "test_panel.moc"
