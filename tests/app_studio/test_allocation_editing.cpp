// Editing an allocation by hand: a cell edit through AllocationModel is one undo step that
// undo takes back; invalid values are refused with core's message naming the file path and
// change nothing; s_e, shares and tolerances move their dependent numbers as documented
// (allocation_entry.h); the balance buttons give water-filling's closed form; and the
// results the window shows are the analytic evaluator's for the edited scheme.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTreeView>
#include <QtTest>

#include "analytic/analytic.h"
#include "document/allocation_balance.h"
#include "document/allocation_entry.h"
#include "document/scenario_document.h"
#include "document/scheme_fit.h"
#include "evaluation/allocation_model.h"
#include "evaluation/evaluation_runner.h"
#include "optim/optimize.h"
#include "panels/scheme_panel.h"
#include "test_helpers.h"
#include "window/main_window.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

/// 3 edges of 4 workers with hgc(1, 1) written as an allocation: shares 2/3, s_i = 1,
/// loads 1/3 everywhere; Σ_j l_ij = 4/3 = (s_i+1) f_i and Σ f_i = 2 = s_e+1, both tight.
Scenario allocationScenario() {
    Scenario s = test::smallScenario();
    s.scheme = allocationFromHgc(s, 1, 1);
    return s;
}

bool waitForResults(EvaluationRunner* runner) {
    return QTest::qWaitFor([runner] { return !runner->isBusy() && runner->latest().sweepDone; },
                           60000);
}

void compareSchemes(const Scheme& actual, const Scheme& expected) {
    QCOMPARE(actual.type, expected.type);
    QCOMPARE(actual.edgeStragglers, expected.edgeStragglers);
    QCOMPARE(actual.edges.size(), expected.edges.size());
    for (std::size_t i = 0; i < expected.edges.size(); ++i) {
        QCOMPARE(actual.edges[i].stragglers, expected.edges[i].stragglers);
        QVERIFY(std::abs(actual.edges[i].share - expected.edges[i].share) < 1e-12);
        QCOMPARE(actual.edges[i].loads.size(), expected.edges[i].loads.size());
        for (std::size_t j = 0; j < expected.edges[i].loads.size(); ++j)
            QVERIFY(std::abs(actual.edges[i].loads[j] - expected.edges[i].loads[j]) < 1e-12);
    }
}

/// Two edges of four workers whose compute times are deterministic (a_j for the whole data
/// set) and whose uplinks are equal in mean, so that water-filling has a closed form: loads
/// proportional to 1/a_j. Edge 1's workers are twice as slow as edge 0's. The edge uplinks
/// are uniform, not deterministic, so that T is not a point mass (core's analytic evaluator
/// returns NaN for a deterministic T).
Scenario deterministicScenario() {
    Scenario s = makeUniformScenario(2, 4);
    const double a[4] = {10.0, 20.0, 20.0, 40.0};
    for (int i = 0; i < 2; ++i) {
        s.edges[i].uplink = Distribution::uniform(0.4, 0.6);
        for (int j = 0; j < 4; ++j) {
            s.edges[i].workers[j].compute = Distribution::deterministic(a[j] * (i + 1));
            s.edges[i].workers[j].uplink = Distribution::deterministic(0.01);
        }
    }
    s.scheme = Scheme::hgc(0, 1);
    return s;
}

} // namespace

class TestAllocationEditing : public QObject {
    Q_OBJECT
private slots:
    void loadEditIsOneUndoStep() {
        ScenarioDocument doc;
        doc.reset(allocationScenario());
        AllocationModel model(&doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex cell = model.workerIndex(0, 2);
        QVERIFY(model.flags(cell) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.edgeIndex(0, AllocationModel::WaitsFor)) & Qt::ItemIsEditable));

        QVERIFY(model.setData(cell, QStringLiteral("0.5")));
        Scheme expected = allocationScenario().scheme;
        expected.edges[0].loads[2] = 0.5;
        QCOMPARE(doc.scenario().scheme, expected);
        QCOMPARE(model.data(cell).toString(), QStringLiteral("0.5"));
        QCOMPARE(model.data(model.edgeIndex(0, AllocationModel::Load)).toString(),
                 QStringLiteral("0.333 – 0.5"));
        // Typing into the same cell again is the same step; another cell is a new one.
        QVERIFY(model.setData(cell, 0.6));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->text(0), QStringLiteral("Set load of w1.3"));
        QVERIFY(model.setData(model.workerIndex(1, 0), 0.4));
        QCOMPARE(doc.undoStack()->count(), 2);
        // Committing the shown value unchanged is no edit.
        QVERIFY(model.setData(cell, model.data(cell, Qt::EditRole)));
        QCOMPARE(doc.undoStack()->count(), 2);

        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().scheme, allocationScenario().scheme);
        QCOMPARE(model.data(cell).toString(), QStringLiteral("0.333"));
        doc.undoStack()->redo();
        expected.edges[0].loads[2] = 0.6;
        QCOMPARE(doc.scenario().scheme, expected);
    }

    void invalidEntriesAreRefusedAndChangeNothing_data() {
        QTest::addColumn<int>("edge");
        QTest::addColumn<int>("worker"); // -1: the edge row
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("message");
        const int load = AllocationModel::Load, share = AllocationModel::Share,
                  tolerance = AllocationModel::Tolerance;
        QTest::newRow("negative load")
            << 0 << 1 << load << QVariant(-0.1)
            << "scheme.edges[0].loads[1]: must be in (0, share = 0.666667] (got -0.1)";
        QTest::newRow("zero load")
            << 0 << 1 << load << QVariant(0.0) << "scheme.edges[0].loads[1]: must be in (0, share";
        QTest::newRow("load above share")
            << 2 << 3 << load << QVariant(0.9)
            << "scheme.edges[2].loads[3]: must be in (0, share = 0.666667] (got 0.9)";
        QTest::newRow("not a number") << 0 << 0 << load << QVariant(QStringLiteral("abc"))
                                      << "scheme.edges[0].loads[0]: must be a number";
        QTest::newRow("load leaves data uncovered")
            << 1 << 0 << load << QVariant(0.1)
            << "scheme.edges[1].loads: sum to 1.1 < (stragglers+1) x share = 1.33333";
        QTest::newRow("tolerance = m_i")
            << 1 << -1 << tolerance << QVariant(4)
            << "scheme.edges[1].stragglers: 4 needs at least 5 active workers";
        QTest::newRow("negative tolerance")
            << 1 << -1 << tolerance << QVariant(-1) << "scheme.edges[1].stragglers: must be >= 0";
        QTest::newRow("fractional tolerance")
            << 1 << -1 << tolerance << QVariant(QStringLiteral("1.5"))
            << "scheme.edges[1].stragglers: must be a whole number (got 1.5)";
        QTest::newRow("zero share") << 0 << -1 << share << QVariant(0.0)
                                    << "scheme.edges[0].share: must be in (0, 1] (got 0)";
        QTest::newRow("share above one") << 0 << -1 << share << QVariant(1.2)
                                         << "scheme.edges[0].share: must be in (0, 1] (got 1.2)";
        QTest::newRow("shares leave data uncovered")
            << 0 << -1 << share << QVariant(0.5)
            << "scheme.edges: active shares sum to 1.83333 < edge_stragglers+1 = 2";
        // s_i = 3 would scale the loads 1/3 -> 2/3 = f_i: still fine. With f_0 at its
        // largest, loads 1/2, it would take them to 1 > f_i: refused, and said why.
    }
    void invalidEntriesAreRefusedAndChangeNothing() {
        QFETCH(int, edge);
        QFETCH(int, worker);
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(QString, message);
        ScenarioDocument doc;
        doc.reset(allocationScenario());
        AllocationModel model(&doc);
        QSignalSpy refused(&model, &AllocationModel::editRefused);
        const QModelIndex cell =
            worker < 0 ? model.edgeIndex(edge, column) : model.workerIndex(edge, worker);
        QVERIFY(model.flags(cell) & Qt::ItemIsEditable);
        QVERIFY(!model.setData(cell, value));
        QCOMPARE(refused.count(), 1);
        const QString reason = refused.at(0).at(0).toString();
        QVERIFY2(reason.startsWith(message), qPrintable(reason));
        QCOMPARE(doc.scenario(), allocationScenario());
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void dependentNumbersMoveAndRefusalsSayWhy() {
        ScenarioDocument doc;
        doc.reset(allocationScenario());
        // s_i 1 -> 2 scales edge 1's loads by 3/2: 1/3 -> 1/2, waits for 2 of 4.
        QCOMPARE(doc.setAllocationValue(AllocationEntry::tolerance(1), 2), QString());
        Scheme expected = allocationScenario().scheme;
        expected.edges[1].stragglers = 2;
        expected.edges[1].loads.assign(4, 0.5);
        compareSchemes(doc.scenario().scheme, expected);
        QCOMPARE(resolve(doc.scenario()).edges[1].waitFor, 2);
        // A share 2/3 -> 1 scales its loads by 3/2 too.
        QCOMPARE(doc.setAllocationValue(AllocationEntry::share(0), 1.0), QString());
        expected.edges[0].share = 1.0;
        expected.edges[0].loads.assign(4, 0.5);
        compareSchemes(doc.scenario().scheme, expected);
        // A load with slack: 0.9 of f_0 = 1. Then s_i = 3 at edge 0 would scale it by 4/2 to
        // 1.8 > f_0: refused, naming the load and saying why the load moved.
        QCOMPARE(doc.setAllocationValue(AllocationEntry::load(0, 0), 0.9), QString());
        expected.edges[0].loads[0] = 0.9;
        QCOMPARE(doc.checkAllocationValue(AllocationEntry::tolerance(0), 3),
                 QStringLiteral("scheme.edges[0].loads[0]: must be in (0, share = 1] (got 1.8) "
                                "(changing s_i scales its loads)"));
        // s_e 1 -> 2 would take f_0 to 1.5: refused, naming the share and the reason.
        QCOMPARE(doc.setAllocationValue(AllocationEntry::edgeStragglers(), 2),
                 QStringLiteral("scheme.edges[0].share: must be in (0, 1] (got 1.5) "
                                "(changing s_e scales every share and its loads)"));
        QCOMPARE(doc.setAllocationValue(AllocationEntry::edgeStragglers(), 3),
                 QStringLiteral("scheme.edge_stragglers: 3 needs at least 4 active edges (there "
                                "are 3)"));
        compareSchemes(doc.scenario().scheme, expected);
        QCOMPARE(doc.undoStack()->count(), 3);
    }

    void edgeStragglersSpinBoxScalesTheShares() {
        ScenarioDocument doc;
        doc.reset(allocationScenario());
        SchemePanel panel(&doc);
        QSpinBox* se = panel.allocationEdgeStragglersBox();
        QCOMPARE(se->value(), 1);
        QCOMPARE(se->maximum(), 2);
        // s_e = 2 scales shares by 3/2: 2/3 -> 1, loads 1/3 -> 1/2, which is hgc(2, 1).
        se->setValue(2);
        QCOMPARE(panel.message(), QString());
        Scenario hgc21 = test::smallScenario();
        compareSchemes(doc.scenario().scheme, hgcAsAllocation(hgc21, 2, 1));
        // And s_e = 0 gives hgc(0, 1); the spin box steps are one undo step.
        se->setValue(0);
        compareSchemes(doc.scenario().scheme, hgcAsAllocation(hgc21, 0, 1));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), allocationScenario());
        QCOMPARE(se->value(), 1);

        // A refused s_e: the message says why and the spin box goes back.
        QVERIFY(panel.allocationModel()->setData(
            panel.allocationModel()->edgeIndex(0, AllocationModel::Share), 1.0));
        const Scheme before = doc.scenario().scheme;
        se->setValue(2);
        QVERIFY2(panel.message().contains("scheme.edges[0].share: must be in (0, 1] (got 1.5)"),
                 qPrintable(panel.message()));
        QCOMPARE(doc.scenario().scheme, before);
        QCOMPARE(se->value(), 1);
        // A refused cell shows its reason in the panel; an accepted one clears it.
        panel.allocationModel()->setData(panel.allocationModel()->workerIndex(0, 0), -1.0);
        QVERIFY(panel.message().contains("scheme.edges[0].loads[0]"));
        panel.allocationModel()->setData(panel.allocationModel()->workerIndex(0, 0), 0.9);
        QCOMPARE(panel.message(), QString());
    }

    void typingIntoTheTreeEditsTheDocument() {
        ScenarioDocument doc;
        doc.reset(allocationScenario());
        SchemePanel panel(&doc);
        panel.resize(420, 520);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTreeView* view = panel.allocationView();
        AllocationModel* model = panel.allocationModel();
        QVERIFY(view->isExpanded(model->edgeIndex(1, 0))); // small: every edge open
        const QModelIndex cell = model->workerIndex(1, 2);
        view->setCurrentIndex(cell);
        view->edit(cell);
        auto* editor = view->viewport()->findChild<QLineEdit*>();
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("0.333333333333"));
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("0.55"));
        QTest::keyClick(editor, Qt::Key_Return); // the delegate commits from the event loop
        QTRY_COMPARE(doc.undoStack()->count(), 1);
        Scheme expected = allocationScenario().scheme;
        expected.edges[1].loads[2] = 0.55;
        QCOMPARE(doc.scenario().scheme, expected);
        // The edit updated the rows in place: the tree stays open.
        QVERIFY(view->isExpanded(model->edgeIndex(1, 0)));
    }

    void inactiveEntriesAreNotEditable() {
        Scenario s = test::smallScenario();
        s.edges[2].workers[3].active = false;
        s.scheme = allocationFromHgc(s, 1, 1);
        ScenarioDocument doc;
        doc.reset(s);
        AllocationModel model(&doc);
        const QModelIndex cell = model.workerIndex(2, 3);
        QVERIFY(!(model.flags(cell) & Qt::ItemIsEditable));
        QCOMPARE(model.data(cell).toString(), QStringLiteral("inactive"));
        QVERIFY(!model.setData(cell, 0.1));
        QCOMPARE(doc.scenario(), s);
    }

    void fromHgcIsCoresEquivalentAllocation() {
        // The combo's conversion agrees with core's hgcAsAllocation on every active entry, and
        // both evaluate like the hgc itself.
        Scenario s = test::smallScenario();
        s.edges[0].workers[1].active = false;
        const Scheme ours = allocationFromHgc(s, 1, 1);
        const Scheme core = hgcAsAllocation(s, 1, 1);
        QCOMPARE(ours.edgeStragglers, core.edgeStragglers);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(std::abs(ours.edges[i].share - core.edges[i].share) < 1e-15);
            QCOMPARE(ours.edges[i].stragglers, core.edges[i].stragglers);
            for (int j = 0; j < 4; ++j)
                if (s.edges[i].workers[j].active)
                    QVERIFY(std::abs(ours.edges[i].loads[j] - core.edges[i].loads[j]) < 1e-15);
        }

        ScenarioDocument doc;
        doc.reset(s);
        SchemePanel panel(&doc);
        QComboBox* type = panel.typeBox();
        type->setCurrentIndex(type->findData(static_cast<int>(SchemeType::Allocation)));
        emit type->activated(type->currentIndex());
        QCOMPARE(doc.scenario().scheme, ours);
        QCOMPARE(evaluateAnalytic(doc.scenario(), resolve(doc.scenario())).expectedRuntime,
                 evaluateAnalytic(s, resolve(s)).expectedRuntime);
        QVERIFY(panel.balanceLoadsButton()->isVisibleTo(&panel));
    }

    void balanceButtonsGiveTheClosedForm() {
        Scenario s = deterministicScenario();
        s.scheme = allocationFromHgc(s, 0, 1); // shares 1/2, loads 1/4, s_i = 1
        ScenarioDocument doc;
        doc.reset(s);
        SchemePanel panel(&doc);
        const double before = evaluateAnalytic(s, resolve(s)).expectedRuntime;

        // Loads ∝ 1/a_j with Σ_j l_j = (s_i+1) f_i = 1 in each edge (equal uplinks): 1/a is
        // (4, 2, 2, 1)/(40 (i+1)), so l = (4, 2, 2, 1)/9.
        panel.balanceLoadsButton()->click();
        QCOMPARE(panel.message(), QString());
        const double l[4] = {4.0 / 9, 2.0 / 9, 2.0 / 9, 1.0 / 9};
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(doc.scenario().scheme.edges[i].share, 0.5);
            for (int j = 0; j < 4; ++j)
                QVERIFY(std::abs(doc.scenario().scheme.edges[i].loads[j] - l[j]) < 1e-9);
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->text(0), QStringLiteral("Balance loads"));
        // Every worker now needs 40/9 (edge 0) or 80/9 (edge 1) plus its uplink 0.01; s_e = 0
        // waits for both edges, and edge 1 is always the later: E[T] = 80/9 + 0.01 + 0.5.
        const double balanced =
            evaluateAnalytic(doc.scenario(), resolve(doc.scenario())).expectedRuntime;
        QVERIFY(balanced < before);
        QVERIFY(std::abs(balanced - (80.0 / 9 + 0.51)) < 1e-2 * balanced);

        // Shares too: edge cost per unit share c_i = (s_i+1)/Σ_j 1/a_ij, twice as large for
        // edge 1, offsets equal, Σ f_i = s_e+1 = 1: f = (2/3, 1/3), loads (4,2,2,1)/9·2f_i.
        panel.balanceAllButton()->click();
        const Scheme& both = doc.scenario().scheme;
        QVERIFY(std::abs(both.edges[0].share - 2.0 / 3) < 1e-9);
        QVERIFY(std::abs(both.edges[1].share - 1.0 / 3) < 1e-9);
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 4; ++j)
                QVERIFY(std::abs(both.edges[i].loads[j] - l[j] * 2 * both.edges[i].share) < 1e-9);
        QCOMPARE(doc.undoStack()->count(), 2);
        // Both edges now need 2 f_i / Σ_j 1/a_ij = 160/27 plus 0.01, and T waits for the later
        // edge uplink: E[max of two U(0.4, 0.6)] = 0.4 + 0.2 * 2/3.
        const double bothBalanced =
            evaluateAnalytic(doc.scenario(), resolve(doc.scenario())).expectedRuntime;
        QVERIFY(std::abs(bothBalanced - (160.0 / 27 + 0.01 + 0.4 + 0.4 / 3)) < 1e-2 * bothBalanced);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), s);
    }

    void resultsFollowTheEditedAllocation() {
        MainWindow window(false);
        window.document()->reset(allocationScenario());
        QVERIFY(waitForResults(window.runner()));
        const double before = window.runner()->latest().scheme.expectedRuntime;
        QCOMPARE(
            before,
            evaluateAnalytic(allocationScenario(), resolve(allocationScenario())).expectedRuntime);

        AllocationModel* model = window.schemePanel()->allocationModel();
        QVERIFY(model->setData(model->workerIndex(0, 0), QStringLiteral("0.6")));
        Scenario expected = allocationScenario();
        expected.scheme.edges[0].loads[0] = 0.6;
        QCOMPARE(window.document()->scenario(), expected);
        QVERIFY(waitForResults(window.runner()));
        const double after = window.runner()->latest().scheme.expectedRuntime;
        QCOMPARE(after, evaluateAnalytic(expected, resolve(expected)).expectedRuntime);
        QVERIFY(after != before);
    }
};

QTEST_MAIN(TestAllocationEditing)
#include "test_allocation_editing.moc"
