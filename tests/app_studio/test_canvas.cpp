// The canvas, driven by real mouse events on the viewport: a drag is one undoable command,
// rubber band and Ctrl+click select, and the scene follows undo and redo.
#include <QtTest>

#include "canvas/node_item.h"
#include "canvas/topology_scene.h"
#include "canvas/topology_view.h"
#include "document/scenario_document.h"
#include "document/tree_layout.h"
#include "test_helpers.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

struct Canvas {
    ScenarioDocument doc;
    TopologyScene scene{&doc};
    TopologyView view{&scene};

    explicit Canvas(const Scenario& s) {
        doc.reset(s);
        view.resize(1000, 700);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view)) qFatal("the view was not exposed");
        view.resetZoom(); // 1 scene unit = 1 pixel: drag distances compare exactly
        view.centerOn(scene.nodesRect().center());
    }
    QPoint at(const NodeRef& r) { return view.mapFromScene(scene.itemFor(r)->pos()); }
    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers mods = {}) {
        QWidget* vp = view.viewport();
        QTest::mousePress(vp, Qt::LeftButton, mods, from);
        const int steps = 6;
        for (int k = 1; k <= steps; ++k)
            QTest::mouseMove(vp, from + (to - from) * k / steps);
        QTest::mouseRelease(vp, Qt::LeftButton, mods, to);
    }
};

} // namespace

class TestCanvas : public QObject {
    Q_OBJECT
private slots:
    void draggingAWorkerIsOneUndoableCommand() {
        const Scenario original = test::smallScenario();
        Canvas c(original);
        const NodeRef worker = NodeRef::ofWorker(1, 2);
        NodeItem* item = c.scene.itemFor(worker);
        const QPointF before = item->pos();
        const QPoint start = c.at(worker);
        c.drag(start, start + QPoint(60, 40));

        QCOMPARE(c.doc.undoStack()->count(), 1);
        const auto& pos = c.doc.scenario().edges[1].workers[2].position;
        QVERIFY(pos.has_value());
        QCOMPARE(QPointF(pos->x, pos->y), before + QPointF(60, 40));
        QCOMPARE(item->pos(), before + QPointF(60, 40));
        Scenario expected = original; // nothing else changed
        expected.edges[1].workers[2].position = pos;
        QVERIFY(c.doc.scenario() == expected);

        c.doc.undoStack()->undo();
        QVERIFY(c.doc.scenario() == original);
        QCOMPARE(item->pos(), before);
        c.doc.undoStack()->redo();
        QVERIFY(c.doc.scenario() == expected);
        QCOMPARE(item->pos(), before + QPointF(60, 40));
    }

    void aClickWithoutMovingChangesNothing() {
        Canvas c(test::smallScenario());
        const QPoint p = c.at(NodeRef::ofWorker(0, 0));
        QTest::mouseClick(c.view.viewport(), Qt::LeftButton, {}, p);
        QCOMPARE(c.doc.undoStack()->count(), 0);
        QCOMPARE(c.scene.selectedNodes(), NodeRefs{NodeRef::ofWorker(0, 0)});
    }

    void draggingAnEdgeTakesItsAutomaticWorkersAlong() {
        const Scenario original = test::smallScenario();
        Canvas c(original);
        const NodeRef edge = NodeRef::ofEdge(0);
        const QPointF workerBefore = c.scene.itemFor(NodeRef::ofWorker(0, 3))->pos();
        const QPoint start = c.at(edge);
        c.drag(start, start + QPoint(-30, 50));
        QCOMPARE(c.doc.undoStack()->count(), 1);
        QVERIFY(c.doc.scenario().edges[0].position.has_value());
        // The workers keep no position of their own but are drawn under the moved edge.
        QVERIFY(!c.doc.scenario().edges[0].workers[3].position.has_value());
        QCOMPARE(c.scene.itemFor(NodeRef::ofWorker(0, 3))->pos(), workerBefore + QPointF(-30, 50));
        QCOMPARE(computeTreeLayout(c.doc.scenario()).workers[0][3],
                 workerBefore + QPointF(-30, 50));
    }

    void rubberBandSelectsTheNodesItCovers() {
        Canvas c(test::smallScenario());
        QRect box;
        for (int j = 0; j < 4; ++j) {
            const QPoint p = c.at(NodeRef::ofWorker(2, j));
            box = box.isNull() ? QRect(p, QSize(1, 1)) : box.united(QRect(p, QSize(1, 1)));
        }
        box.adjust(-34, -34, 34, 34); // beyond a worker's circle and ring (27)
        if (auto* hit = c.view.itemAt(box.topLeft()); hit && hit->type() == NodeItem::Type)
            QFAIL(qPrintable(QStringLiteral("a node at the start: %1 %2, box %3 %4 %5 %6")
                                 .arg(static_cast<NodeItem*>(hit)->ref().edge)
                                 .arg(static_cast<NodeItem*>(hit)->ref().worker)
                                 .arg(box.x())
                                 .arg(box.y())
                                 .arg(box.width())
                                 .arg(box.height())));
        c.drag(box.topLeft(), box.bottomRight());
        QCOMPARE(c.scene.selectedNodes(),
                 (NodeRefs{NodeRef::ofWorker(2, 0), NodeRef::ofWorker(2, 1),
                           NodeRef::ofWorker(2, 2), NodeRef::ofWorker(2, 3)}));
        QCOMPARE(c.doc.undoStack()->count(), 0);
    }

    void ctrlClickAddsToTheSelection() {
        Canvas c(test::smallScenario());
        QTest::mouseClick(c.view.viewport(), Qt::LeftButton, {}, c.at(NodeRef::ofWorker(0, 1)));
        QTest::mouseClick(c.view.viewport(), Qt::LeftButton, Qt::ControlModifier,
                          c.at(NodeRef::ofEdge(2)));
        QCOMPARE(c.scene.selectedNodes(), (NodeRefs{NodeRef::ofWorker(0, 1), NodeRef::ofEdge(2)}));
        QTest::mouseClick(c.view.viewport(), Qt::LeftButton, {}, c.at(NodeRef::ofWorker(1, 1)));
        QCOMPARE(c.scene.selectedNodes(), NodeRefs{NodeRef::ofWorker(1, 1)});
    }

    void sceneFollowsStructureUndoAndRedo() {
        Canvas c(test::smallScenario());
        c.doc.addEdge(2);
        QVERIFY(c.scene.itemFor(NodeRef::ofWorker(3, 1)) != nullptr);
        c.doc.undoStack()->undo();
        QVERIFY(c.scene.itemFor(NodeRef::ofEdge(3)) == nullptr);
        c.doc.undoStack()->redo();
        QVERIFY(c.scene.itemFor(NodeRef::ofEdge(3)) != nullptr);
        // Inactive and marked nodes are drawn as such.
        c.doc.setProperty({NodeRef::ofWorker(0, 0)}, NodeProperty::active(), false);
        c.doc.setProperty({NodeRef::ofWorker(0, 1)},
                          {Channel::Compute, Attribute::FailureProbability}, 0.1);
        QVERIFY(!c.scene.itemFor(NodeRef::ofWorker(0, 0))->look().active);
        QVERIFY(c.scene.itemFor(NodeRef::ofWorker(0, 1))->look().marks.fails);
        QCOMPARE(c.scene.itemFor(NodeRef::ofWorker(0, 0))->look().marks.load, 0.0);
    }

    void zoomStaysWithinLimits() {
        Canvas c(test::smallScenario());
        for (int k = 0; k < 40; ++k)
            c.view.zoomIn();
        QVERIFY(c.view.zoom() <= 6.0 + 1e-9);
        for (int k = 0; k < 80; ++k)
            c.view.zoomOut();
        QVERIFY(c.view.zoom() >= 0.05 - 1e-9);
        c.view.fitAll();
        const QRectF visible = c.view.mapToScene(c.view.viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(c.scene.nodesRect()));
    }
};

int hgc::test::runCanvasTests(int argc, char** argv) {
    TestCanvas t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_canvas.moc"
