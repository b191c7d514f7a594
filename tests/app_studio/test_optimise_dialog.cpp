// The "Optimise…" dialog: it runs the optimiser off the GUI thread, applies a result as one
// undo step that undoes exactly, refuses stale results, and cancels cleanly.
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <cmath>
#include <memory>

#include "analytic/analytic.h"
#include "document/scenario_document.h"
#include "model/scheme.h"
#include "window/optimise_dialog.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

/// `edges` x `workers`, every worker with its own speed, so that unequal loads pay off.
Scenario heterogeneousScenario(int edges, int workers) {
    Scenario s = makeUniformScenario(edges, workers);
    s.name = "heterogeneous";
    for (int i = 0; i < edges; ++i)
        for (int j = 0; j < workers; ++j) {
            const int k = i * workers + j;
            s.edges[i].workers[j].compute =
                Distribution::shiftedExponential(2.0 + 3.0 * (k % 4), 0.5 + 0.25 * (k % 3));
        }
    s.scheme = Scheme::hgc(1, 1);
    return s;
}

constexpr int kRunTimeoutMs = 120000;

OptimOptions quickOptions() {
    OptimOptions o;
    o.maxSeconds = 0.5;
    return o;
}

} // namespace

class TestOptimiseDialog : public QObject {
    Q_OBJECT
private slots:
    void generalResultAppliesAsOneUndoStep();
    void selectionMakesExcludedNodesInactive();
    void staleResultIsNotApplied();
    void cancelStopsAndAppliesNothing();
    void destroyingWhileRunningIsSafe();
};

void TestOptimiseDialog::generalResultAppliesAsOneUndoStep() {
    ScenarioDocument doc;
    doc.reset(heterogeneousScenario(3, 3));
    const Scenario before = doc.scenario();
    OptimiseDialog dialog(&doc);
    dialog.setFamily(OptimFamily::General);
    dialog.setOptions(quickOptions());
    QSignalSpy finished(&dialog, &OptimiseDialog::runFinished);
    QSignalSpy progress(&dialog, &OptimiseDialog::progressChanged);
    dialog.run();
    QVERIFY(dialog.isRunning());
    QVERIFY(!dialog.canApply());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QVERIFY(!dialog.isRunning());
    QVERIFY(progress.count() > 0);
    QVERIFY(dialog.optimResult().has_value());
    QVERIFY(dialog.canApply());
    const OptimResult r = *dialog.optimResult();
    QCOMPARE(r.family, OptimFamily::General);
    QCOMPARE(r.scheme.type, SchemeType::Allocation);
    QVERIFY(!(r.scheme == before.scheme));

    const int steps = doc.undoStack()->count();
    QVERIFY(dialog.apply());
    QCOMPARE(dialog.QDialog::result(), int(QDialog::Accepted));
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QVERIFY(doc.scenario().scheme == r.scheme);
    QVERIFY(doc.scenario() == r.scenario);
    // The applied scenario is the one the dialog reported on: evaluate it independently.
    const double applied =
        evaluateAnalytic(doc.scenario(), resolve(doc.scenario())).expectedRuntime;
    QVERIFY(std::isfinite(applied));
    QVERIFY(std::abs(applied - r.evaluation.expectedRuntime) <= 1e-6 * applied);

    doc.undoStack()->undo();
    QVERIFY(doc.scenario() == before);
    doc.undoStack()->redo();
    QVERIFY(doc.scenario() == r.scenario);
}

void TestOptimiseDialog::selectionMakesExcludedNodesInactive() {
    // One edge whose uplink is a hundred times slower than the others: leaving it out
    // beats tolerating it.
    Scenario s = heterogeneousScenario(4, 3);
    s.edges[3].uplink = Distribution::deterministic(100.0);
    s.scheme = Scheme::uncoded();
    ScenarioDocument doc;
    doc.reset(s);
    OptimiseDialog dialog(&doc);
    dialog.setFamily(OptimFamily::Selection);
    dialog.setOptions(quickOptions());
    QSignalSpy finished(&dialog, &OptimiseDialog::runFinished);
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QVERIFY(dialog.optimResult().has_value());
    const OptimResult r = *dialog.optimResult();
    QVERIFY(!r.excluded.empty());
    QVERIFY(dialog.apply());
    for (const hgc::NodeRef& n : r.excluded) {
        if (n.worker < 0)
            QVERIFY(!doc.scenario().edges[n.edge].active);
        else
            QVERIFY(!doc.scenario().edges[n.edge].workers[n.worker].active);
    }
    QVERIFY(doc.scenario().scheme == r.scheme);
    doc.undoStack()->undo();
    QVERIFY(doc.scenario() == s);
}

void TestOptimiseDialog::staleResultIsNotApplied() {
    ScenarioDocument doc;
    doc.reset(heterogeneousScenario(3, 3));
    OptimiseDialog dialog(&doc);
    dialog.setFamily(OptimFamily::Uniform);
    QSignalSpy finished(&dialog, &OptimiseDialog::runFinished);

    // An edit after the run finished.
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QVERIFY(dialog.canApply());
    QVERIFY(doc.setScheme(Scheme::uncoded()).isEmpty());
    const Scenario edited = doc.scenario();
    const int steps = doc.undoStack()->count();
    QVERIFY(!dialog.canApply());
    QVERIFY(!dialog.apply());
    QCOMPARE(doc.undoStack()->count(), steps);
    QVERIFY(doc.scenario() == edited);

    // An edit while the run is in progress.
    dialog.run();
    // (Not a scheme edit: consecutive scheme edits merge into one undo step.)
    doc.setInfo(QStringLiteral("renamed"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kRunTimeoutMs);
    QVERIFY(dialog.optimResult().has_value());
    QVERIFY(!dialog.canApply());
    QVERIFY(!dialog.apply());

    // Undoing the edit brings back the scenario the run started from: the result fits again.
    doc.undoStack()->undo();
    QVERIFY(dialog.canApply());
}

void TestOptimiseDialog::cancelStopsAndAppliesNothing() {
    ScenarioDocument doc;
    doc.reset(heterogeneousScenario(8, 8));
    const Scenario before = doc.scenario();
    const int steps = doc.undoStack()->count();
    OptimiseDialog dialog(&doc);
    dialog.setFamily(OptimFamily::General);
    QSignalSpy finished(&dialog, &OptimiseDialog::runFinished);
    dialog.run();
    QTest::qWait(50);
    QVERIFY(dialog.isRunning()); // the search takes seconds: this really interrupts it
    dialog.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QVERIFY(!dialog.isRunning());
    QVERIFY(!dialog.optimResult().has_value());
    QVERIFY(!dialog.canApply());
    QVERIFY(!dialog.apply());
    QCOMPARE(doc.undoStack()->count(), steps);
    QVERIFY(doc.scenario() == before);

    // The dialog is usable again after a cancel.
    dialog.setFamily(OptimFamily::Uniform);
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kRunTimeoutMs);
    QVERIFY(dialog.optimResult().has_value());
    QVERIFY(dialog.canApply());
}

void TestOptimiseDialog::destroyingWhileRunningIsSafe() {
    ScenarioDocument doc;
    doc.reset(heterogeneousScenario(8, 8));
    const Scenario before = doc.scenario();
    auto dialog = std::make_unique<OptimiseDialog>(&doc);
    dialog->setFamily(OptimFamily::General);
    dialog->run();
    QTest::qWait(20);
    dialog.reset();   // cancels and waits for the worker
    QTest::qWait(50); // any queued progress report must be dropped, not delivered
    QVERIFY(doc.scenario() == before);
}

QTEST_MAIN(TestOptimiseDialog)
#include "test_optimise_dialog.moc"
