// The panels: a property typed into the properties panel on a multi-selection changes
// exactly those nodes and the results follow; an invalid value is explained and refused;
// the scheme panel's edits merge; the item models pass QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QtTest>

#include "analytic/analytic.h"
#include "canvas/topology_scene.h"
#include "canvas/topology_view.h"
#include "document/scenario_document.h"
#include "document/scheme_fit.h"
#include "evaluation/allocation_model.h"
#include "evaluation/evaluation_runner.h"
#include "evaluation/number_format.h"
#include "evaluation/results_model.h"
#include "evaluation/sweep_model.h"
#include "panels/distribution_editor.h"
#include "panels/properties_panel.h"
#include "panels/property_line_edit.h"
#include "panels/results_panel.h"
#include "panels/scheme_panel.h"
#include "test_helpers.h"
#include "window/main_window.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

/// Waits until the runner has delivered the final results of the current document.
bool waitForResults(EvaluationRunner* runner) {
    return QTest::qWaitFor([runner] { return !runner->isBusy() && runner->latest().sweepDone; },
                           60000);
}

void typeInto(QLineEdit* edit, const QString& text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestPanels : public QObject {
    Q_OBJECT
private slots:
    void multiSelectionEditChangesThoseNodesAndTheResult() {
        MainWindow window(false);
        window.document()->reset(test::smallScenario());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitForResults(window.runner()));
        const double before = window.runner()->latest().scheme.expectedRuntime;

        const NodeRefs sel{NodeRef::ofWorker(0, 0), NodeRef::ofWorker(0, 1),
                           NodeRef::ofWorker(2, 3)};
        window.scene()->selectNodes(sel);
        QCOMPARE(window.propertiesPanel()->nodes(), sel);
        PropertyLineEdit* rate =
            window.propertiesPanel()->computeEditor()->field(Attribute::Param1);
        QCOMPARE(rate->lineEdit()->text(), QStringLiteral("0.1"));
        typeInto(rate->lineEdit(), QStringLiteral("0.025"));
        QCOMPARE(rate->message(), QString());

        Scenario expected = test::smallScenario();
        for (const NodeRef& r : sel)
            expected.edges[r.edge].workers[r.worker].compute.params[1] = 0.025;
        QVERIFY(window.document()->scenario() == expected);
        QCOMPARE(window.document()->undoStack()->count(), 1); // the keystrokes merged

        // The results follow, and are the evaluator's for the edited scenario.
        QVERIFY(waitForResults(window.runner()));
        const double after = window.runner()->latest().scheme.expectedRuntime;
        const double independent = evaluateAnalytic(expected, resolve(expected)).expectedRuntime;
        QCOMPARE(after, independent);
        QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QCOMPARE(window.resultsPanel()->expectedTimeText(), formatTime(after));
    }

    void invalidValueIsExplainedAndNeverReachesTheModel() {
        MainWindow window(false);
        window.document()->reset(test::smallScenario());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->selectNodes({NodeRef::ofWorker(1, 1), NodeRef::ofWorker(1, 2)});
        DistributionEditor* compute = window.propertiesPanel()->computeEditor();
        typeInto(compute->field(Attribute::Param1)->lineEdit(), QStringLiteral("-3"));
        QVERIFY2(compute->field(Attribute::Param1)->message().contains(QStringLiteral("> 0")),
                 qPrintable(compute->field(Attribute::Param1)->message()));
        typeInto(compute->field(Attribute::StraggleProbability)->lineEdit(), QStringLiteral("abc"));
        QCOMPARE(compute->field(Attribute::StraggleProbability)->message(),
                 QStringLiteral("not a number"));
        QVERIFY(window.document()->scenario() == test::smallScenario());
        QCOMPARE(window.document()->undoStack()->count(), 0);
        // Deactivating a whole edge's workers is refused with the reason beside the box.
        NodeRefs all;
        for (int j = 0; j < 4; ++j)
            all.push_back(NodeRef::ofWorker(1, j));
        window.scene()->selectNodes(all);
        window.propertiesPanel()->activeBox()->click();
        QVERIFY(window.document()->scenario() == test::smallScenario());
        QVERIFY(window.propertiesPanel()->activeBox()->isChecked());
    }

    void mixedValuesAreShownAsMixed() {
        ScenarioDocument doc;
        Scenario s = test::smallScenario();
        s.edges[0].workers[0].compute = Distribution::exponential(2.0);
        doc.reset(s);
        PropertiesPanel panel(&doc);
        panel.setNodes({NodeRef::ofWorker(0, 0), NodeRef::ofWorker(0, 1)});
        QCOMPARE(panel.computeEditor()->familyBox()->currentIndex(), -1);
        panel.setNodes({NodeRef::ofWorker(0, 1), NodeRef::ofWorker(0, 2)});
        QCOMPARE(panel.computeEditor()->familyBox()->currentText(),
                 QStringLiteral("shifted-exponential"));
        doc.setProperty({NodeRef::ofWorker(0, 2)}, {Channel::Compute, Attribute::Param0}, 12.0);
        QCOMPARE(panel.computeEditor()->field(Attribute::Param0)->lineEdit()->text(), QString());
        QCOMPARE(panel.computeEditor()->field(Attribute::Param0)->lineEdit()->placeholderText(),
                 QStringLiteral("mixed"));
        // An edge has no compute distribution: only the uplink editor shows.
        panel.setNodes({NodeRef::ofEdge(1)});
        QVERIFY(!panel.computeEditor()->isVisibleTo(&panel));
    }

    void schemePanelEditsMergeAndShowRanges() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario()); // hgc(1, 1) on 3 x 4
        SchemePanel panel(&doc);
        QCOMPARE(panel.edgeStragglersBox()->maximum(), 2);
        QCOMPARE(panel.workerStragglersBox()->maximum(), 3);
        panel.workerStragglersBox()->setValue(2);
        panel.workerStragglersBox()->setValue(3);
        QCOMPARE(doc.scenario().scheme, Scheme::hgc(1, 3));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(panel.workerStragglersBox()->value(), 1);
        // s_e = 2 with 3 edges of 4 workers: each share is 3*4/12 = 1, still valid.
        panel.edgeStragglersBox()->setValue(2);
        QCOMPARE(doc.scenario().scheme, Scheme::hgc(2, 1));
        QCOMPARE(panel.message(), QString());
        // Converting to an allocation keeps the same loads.
        panel.typeBox()->setCurrentIndex(
            panel.typeBox()->findData(static_cast<int>(SchemeType::Allocation)));
        emit panel.typeBox()->activated(panel.typeBox()->currentIndex());
        QCOMPARE(doc.scenario().scheme.type, SchemeType::Allocation);
        QCOMPARE(resolve(doc.scenario()).maxLoad(),
                 resolve(doc.scenario(), Scheme::hgc(2, 1)).maxLoad());
        QCOMPARE(panel.allocationModel()->rowCount(), 3);
    }

    void itemModelsPassTheModelTester() {
        StudioResults r;
        r.generation = 1;
        r.schemeLabel = QStringLiteral("hgc");
        r.scheme.expectedRuntime = 10.0;
        r.uncoded.expectedRuntime = 15.0;
        r.sweepDone = true;
        for (int se = 0; se < 3; ++se)
            for (int sw = 0; sw < 2; ++sw) {
                SweepPoint p{se, sw, (se + 1.0) * (sw + 1.0) / 12.0, {}};
                p.evaluation.expectedRuntime = 10.0 + se + sw;
                r.sweep.push_back(p);
            }
        r.best = r.sweep.front();

        ResultsModel results;
        QAbstractItemModelTester t1(&results,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        results.setResults(r);
        QCOMPARE(results.valueText(ResultsModel::SpeedUp), QStringLiteral("1.50×"));
        SweepModel sweep;
        QAbstractItemModelTester t2(&sweep, QAbstractItemModelTester::FailureReportingMode::QtTest);
        sweep.setResults(r);
        QCOMPARE(sweep.rowCount(), 6);
        QCOMPARE(sweep.bestRow(), 0);
        sweep.setResults(StudioResults{});
        QCOMPARE(sweep.rowCount(), 0);
        AllocationModel allocation;
        QAbstractItemModelTester t3(&allocation,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        Scenario s = test::smallScenario();
        s.edges[1].active = false;
        s.scheme = allocationFromHgc(s, 1, 1);
        allocation.setScenario(s);
        QCOMPARE(allocation.rowCount(), 3);
        QCOMPARE(allocation.data(allocation.index(1, AllocationModel::Share)).toString(),
                 QStringLiteral("inactive"));
        allocation.setScenario(test::smallScenario());
        QCOMPARE(allocation.rowCount(), 0);
    }

    void staleResultsAreDropped() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario());
        EvaluationRunner runner(&doc);
        runner.setDebounce(0);
        QList<StudioResults> seen;
        connect(&runner, &EvaluationRunner::resultsReady, this,
                [&seen](const StudioResults& r) { seen.push_back(r); });
        // Three edits, each starting its own evaluation at once: the first two are stale by
        // the time anything arrives, so only the last one's two stages may be delivered.
        for (double rate : {0.2, 0.3, 0.05}) {
            doc.setProperty({NodeRef::ofWorker(0, 0)}, {Channel::Compute, Attribute::Param1}, rate);
            runner.evaluateNow();
        }
        QVERIFY(waitForResults(&runner));
        const double expected =
            evaluateAnalytic(doc.scenario(), resolve(doc.scenario())).expectedRuntime;
        QCOMPARE(runner.latest().scheme.expectedRuntime, expected);
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen[0].generation, seen[1].generation);
        QVERIFY(!seen[0].sweepDone && seen[1].sweepDone);
    }
};

int hgc::test::runPanelTests(int argc, char** argv) {
    TestPanels t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_panels.moc"
