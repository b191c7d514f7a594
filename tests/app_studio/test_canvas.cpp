// The canvas, driven by real mouse events on the viewport: a drag is one undoable command,
// rubber band and Ctrl+click select, and the scene follows undo and redo. The fast drawing
// paths (cached worker bitmaps, the filled grid, the links' kept bounds) are compared with
// the plain QPainter drawing they replace.
#include <QGraphicsLineItem>
#include <QtTest>
#include <cmath>

#include "canvas/background_grid.h"
#include "canvas/link_item.h"
#include "canvas/node_item.h"
#include "canvas/topology_scene.h"
#include "canvas/topology_view.h"
#include "canvas/worker_shape.h"
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

// How far apart two renderings are, in pixels: the sum over all pixels of the largest channel
// difference, a pixel from white to black counting 1.
double difference(const QImage& a, const QImage& b) {
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int r = 0; r < x.height(); ++r)
        for (int c = 0; c < x.width(); ++c) {
            const QRgb p = x.pixel(c, r), q = y.pixel(c, r);
            sum += std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                             std::abs(qBlue(p) - qBlue(q))}) /
                   255.0;
        }
    return sum;
}

WorkerShape workerShape(double relativeLoad, bool selected = false, bool active = true) {
    WorkerShape s;
    s.fill = active ? QColor(0x2f, 0x6f, 0xc9) : QColor(0xa8, 0xae, 0xb8);
    s.outline = selected ? QColor(0xf0, 0xa2, 0x02) : s.fill.darker(140);
    s.outlineWidth = selected ? 4.0 : 1.5;
    s.dashed = !active;
    s.opacity = active ? 1.0 : 0.45;
    s.loadRing = active && relativeLoad > 0;
    s.track = QColor(0xdd, 0xe3, 0xea);
    s.load = QColor(0x2e, 0x9e, 0x44);
    s.arcSpan = -static_cast<int>(360 * 16 * relativeLoad);
    return s;
}

int imageSide(double scale) {
    return static_cast<int>(std::ceil(2 * 32 * scale)) + 8;
}

// A worker drawn at `scale` with its centre at `centre` (device pixels) on white.
QImage renderWorker(const WorkerShape& shape, double scale, QPointF centre, bool cached) {
    QImage image(imageSide(scale), imageSide(scale), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(centre);
    p.scale(scale, scale);
    if (cached)
        drawWorkerShapeCached(p, shape);
    else
        drawWorkerShape(p, shape);
    return image;
}

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

    void cachedWorkersLookLikeDrawnOnes_data() {
        QTest::addColumn<double>("scale");
        for (double scale : {0.06, 0.085, 0.133, 0.3, 0.5, 0.8, 1.0, 2.5})
            QTest::addRow("zoom %g", scale) << scale;
    }
    void cachedWorkersLookLikeDrawnOnes() {
        QFETCH(double, scale);
        clearWorkerSprites();
        const std::vector<WorkerShape> shapes = {
            workerShape(0.0),       workerShape(0.13),
            workerShape(0.3),       workerShape(0.5),
            workerShape(0.77),      workerShape(1.0),
            workerShape(0.6, true), workerShape(0.4, false, false)};
        const QPointF centre(imageSide(scale) / 2, imageSide(scale) / 2); // a pixel corner
        for (std::size_t k = 0; k < shapes.size(); ++k) {
            const QImage direct = renderWorker(shapes[k], scale, centre, false);
            const QImage cached = renderWorker(shapes[k], scale, centre, true);
            // The yardstick: the same drawing moved by half a pixel, which is as far as a
            // cached bitmap ever moves. Antialiasing of the filled arc and the rounding of the
            // arc's end differ from the stroked arc by much less than that.
            const double apart = difference(direct, cached);
            const double halfPixel = difference(
                direct, renderWorker(shapes[k], scale, centre + QPointF(0.5, 0.5), false));
            QVERIFY2(apart < 0.1 * halfPixel,
                     qPrintable(QStringLiteral("shape %1: %2 pixels apart, half a pixel is %3")
                                    .arg(k)
                                    .arg(apart)
                                    .arg(halfPixel)));
            // Drawing it again comes from the cache and gives the same pixels.
            const int sprites = workerSpriteCount();
            QCOMPARE(renderWorker(shapes[k], scale, centre, true), cached);
            QCOMPARE(workerSpriteCount(), sprites);
        }
        // The comparison tells loads apart: a quarter of the ring more fails it (by 1.3 times
        // at the smallest zoom, 20 times at 250%; the cached drawings stay under 0.05).
        const QImage half = renderWorker(workerShape(0.5), scale, centre, false);
        const double halfPixel = difference(
            half, renderWorker(workerShape(0.5), scale, centre + QPointF(0.5, 0.5), false));
        const double quarterMore =
            difference(half, renderWorker(workerShape(0.75), scale, centre, true));
        QVERIFY(quarterMore > 0.1 * halfPixel);
    }

    void cachedWorkersSnapToWholePixels() {
        // Off a pixel corner the bitmap is placed on the nearest one, and the painter is moved
        // by the same offset for the text drawn next.
        const WorkerShape shape = workerShape(0.7);
        const double scale = 0.8;
        const QPointF corner(imageSide(scale) / 2, imageSide(scale) / 2);
        const QImage cached = [&] {
            QImage image(imageSide(scale), imageSide(scale), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            p.translate(corner + QPointF(0.3, -0.4));
            p.scale(scale, scale);
            drawWorkerShapeCached(p, shape);
            [&] {
                QCOMPARE(p.worldTransform().map(QPointF(0, 0)), corner);
                QCOMPARE(p.worldTransform().m11(), scale);
            }();
            return image;
        }();
        const QImage direct = renderWorker(shape, scale, corner, false);
        const double halfPixel =
            difference(direct, renderWorker(shape, scale, corner + QPointF(0.5, 0.5), false));
        QVERIFY2(difference(direct, cached) < 0.1 * halfPixel,
                 qPrintable(QString::number(difference(direct, cached))));
    }

    void filledGridLooksLikeStrokedLines() {
        for (double scale : {0.3, 0.8, 1.0, 1.37, 4.0}) {
            QImage stroked(300, 200, QImage::Format_ARGB32_Premultiplied), filled = stroked;
            const QRectF sceneRect(-13.7 / scale, -8.2 / scale, 300 / scale, 200 / scale);
            for (QImage* image : {&stroked, &filled}) {
                image->fill(QColor(0xfa, 0xfb, 0xfd));
                QPainter p(image);
                p.setRenderHint(QPainter::Antialiasing);
                p.translate(13.7, 8.2);
                p.scale(scale, scale);
                if (image == &stroked)
                    strokeGrid(p, sceneRect, 36.0, QColor(0x40, 0x50, 0x70));
                else
                    drawGrid(p, sceneRect, 36.0, QColor(0x40, 0x50, 0x70));
            }
            // Against the grid itself (its difference from a blank background), the two
            // renderings differ by a few percent at most.
            QImage blank(300, 200, QImage::Format_ARGB32_Premultiplied);
            blank.fill(QColor(0xfa, 0xfb, 0xfd));
            const double grid = difference(blank, stroked), apart = difference(stroked, filled);
            QVERIFY2(
                apart < 0.05 * grid,
                qPrintable(QStringLiteral("zoom %1: %2 of %3").arg(scale).arg(apart).arg(grid)));
        }
    }

    void bandedBackgroundIsOneFill() {
        QImage one(300, 200, QImage::Format_ARGB32_Premultiplied), banded = one;
        const QRectF sceneRect(3.3, -20.1, 180.7, 170.2); // 233 device rows, clipped at 200
        for (QImage* image : {&one, &banded}) {
            image->fill(Qt::white);
            QPainter p(image);
            p.translate(5.6, 7.35);
            p.scale(1.37, 1.37);
            if (image == &one)
                p.fillRect(sceneRect, QColor(0x23, 0x26, 0x2e));
            else
                fillBackground(p, sceneRect, QColor(0x23, 0x26, 0x2e));
        }
        QCOMPARE(difference(one, banded), 0.0);
    }

    void linkBoundsHoldWhatQtComputes() {
        Canvas c(test::smallScenario());
        auto* edge = c.scene.itemFor(NodeRef::ofEdge(1));
        auto* worker = c.scene.itemFor(NodeRef::ofWorker(1, 2));
        for (bool active : {true, false}) {
            LinkItem link(edge, worker);
            link.setActive(active);
            QGraphicsLineItem reference(link.line());
            reference.setPen(link.pen());
            QVERIFY(link.boundingRect().contains(reference.boundingRect()));
            QVERIFY(link.boundingRect().width() < reference.boundingRect().width() + 2.0);
            // Bounds follow the ends.
            worker->setPos(worker->pos() + QPointF(250, 90));
            link.track();
            reference.setLine(link.line());
            QVERIFY(link.boundingRect().contains(reference.boundingRect()));
        }
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
