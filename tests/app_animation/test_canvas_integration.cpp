// The animation on the studio's real canvas, hooked up the way the main window does it: the
// overlay follows the NodeItems, survives the canvas rebuilding its scene on an edit, and the
// edit restarts the playback. Renders the real canvas with the overlay to PNG for a look.
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include "animation/animation_panel.h"
#include "animation/overlay_items.h"
#include "animation_test_helpers.h"
#include "canvas/node_item.h"
#include "canvas/topology_scene.h"
#include "document/scenario_document.h"

using namespace hgc;
using namespace hgc::ui;

class TestCanvasIntegration : public QObject {
    Q_OBJECT
private slots:
    void overlayFollowsTheRealCanvas() {
        ScenarioDocument document;
        document.reset(test::stragglingScenario());
        TopologyScene scene(&document);
        AnimationPanel panel;
        // The main window's hookup (see the report): positions from the canvas's items.
        panel.attachCanvas(&scene, [&scene](int edge, int worker) -> std::optional<QPointF> {
            const NodeItem* item = scene.itemFor(edge < 0 ? NodeRef{} : NodeRef{edge, worker});
            if (!item) return std::nullopt;
            return item->scenePos();
        });
        panel.setScenario(document.scenario());
        connect(&document, &ScenarioDocument::changed, &panel,
                [&] { panel.setScenario(document.scenario()); });

        PlaybackController* c = panel.controller();
        c->runIterations(3);
        const SchemeRun& run = c->current();
        double t = run.trace.time;
        for (const EdgeTrace& e : run.trace.edges)
            t = std::min(t, e.done);
        c->seek(t + 0.05);
        QVERIFY(panel.overlay()->isShown());
        const int edges = int(run.scheme.edges.size());
        QCOMPARE(panel.overlay()->itemCount(), 4 + edges);
        // A travelling dot lies on the segment between the real items.
        for (std::size_t k = 0; k < c->state().workers.size(); ++k) {
            if (c->state().workers[k].phase != WorkerPhase::ToEdge) continue;
            const WorkerTrace& w = run.trace.workers[k];
            const QPointF from = scene.itemFor(NodeRef{w.edge, w.worker})->scenePos();
            const QPointF to = scene.itemFor(NodeRef{w.edge, -1})->scenePos();
            const QPointF expected = from + (to - from) * c->state().workers[k].progress;
            QVERIFY((panel.overlay()->dots()->position(k) - expected).manhattanLength() < 1.0);
        }

        const QRectF area = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20);
        QImage image(area.size().toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        scene.render(&painter, QRectF(), area);
        painter.end();
        const QString dir = qEnvironmentVariable("HGC_ANIMATION_PNG_DIR", QDir::tempPath());
        QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("animation_real_canvas.png"))));

        // Moving a node keeps playing and moves the marks with it.
        c->play();
        document.moveNodes({NodeRef{0, -1}}, {Position{-400, 300}});
        QVERIFY(c->isPlaying());
        QCOMPARE(c->iteration(), 3LL);
        c->pause();

        // An edit of the topology: the canvas clears its scene; the playback restarts and the
        // overlay is rebuilt for the new shape on the next frame.
        document.addWorkers(0, 2);
        QCOMPARE(c->iteration(), 0LL);
        QCOMPARE(c->time(), 0.0);
        c->seek(c->endTime() / 2);
        QVERIFY(panel.overlay()->isShown());
        QCOMPARE(int(panel.overlay()->workerMarks()->size()),
                 document.scenario().activeWorkerCount());
        QCOMPARE(panel.overlay()->itemCount(), 4 + edges);
        int overlayItems = 0;
        for (QGraphicsItem* item : scene.items())
            overlayItems +=
                item->zValue() >= AnimationOverlay::kZValue || item->parentItem() != nullptr;
        QCOMPARE(overlayItems, panel.overlay()->itemCount());
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("hgc-animation-tests"));
    app.setApplicationName(QStringLiteral("hgc-animation-tests"));
    TestCanvasIntegration t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_canvas_integration.moc"
