// The canvas overlay: a bounded number of items, reused from frame to frame; every mark,
// dot and badge says what the state says; nothing of it can be clicked; it survives the
// canvas clearing its scene; and a rendered frame looks right (written to PNG for a look).
#include <QGraphicsEllipseItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include "animation/canvas_overlay.h"
#include "animation/overlay_items.h"
#include "animation/playback_controller.h"
#include "animation_test_helpers.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

/// Plain stand-ins for the canvas's nodes, so that the render has something under it.
void addFakeNodes(QGraphicsScene& scene, const Scenario& s) {
    const QPointF master = *test::treePosition(s, -1, -1);
    scene.addRect(QRectF(master - QPointF(66, 23), QSizeF(132, 46)), QPen(Qt::darkGray),
                  QColor(230, 230, 240));
    for (int i = 0; i < int(s.edges.size()); ++i) {
        const QPointF e = *test::treePosition(s, i, -1);
        scene.addLine(QLineF(e, master), QPen(Qt::lightGray, 2))->setZValue(-1);
        scene.addRect(QRectF(e - QPointF(62, 21), QSizeF(124, 42)), QPen(Qt::darkGray),
                      QColor(235, 240, 235));
        for (int j = 0; j < int(s.edges[i].workers.size()); ++j) {
            const QPointF w = *test::treePosition(s, i, j);
            scene.addLine(QLineF(w, e), QPen(Qt::lightGray, 2))->setZValue(-1);
            scene.addEllipse(QRectF(w - QPointF(22, 22), QSizeF(44, 44)), QPen(Qt::darkGray),
                             Qt::white);
        }
    }
}

QString outputPath(const QString& name) {
    const QString dir = qEnvironmentVariable("HGC_ANIMATION_PNG_DIR", QDir::tempPath());
    return QDir(dir).filePath(name);
}

} // namespace

class TestOverlay : public QObject {
    Q_OBJECT
private slots:
    void itemsAreBoundedAndReused() {
        const Scenario s = test::stragglingScenario();
        QGraphicsScene scene;
        addFakeNodes(scene, s);
        const int base = int(scene.items().size());
        PlaybackController c;
        c.setScenario(s);
        AnimationOverlay overlay(&scene, [&](int e, int w) { return test::treePosition(s, e, w); });
        overlay.setStructure(s, c.current().scheme);
        QVERIFY(!overlay.isShown()); // nothing drawn before the first frame
        const int edges = int(c.current().scheme.edges.size());
        for (int it = 0; it < 5; ++it) {
            for (double f = 0.0; f <= 1.0; f += 0.05) {
                c.seek(f * c.endTime());
                overlay.show(c.current().trace, c.state());
                // Root, worker marks, dots, one badge per edge and the master's.
                QCOMPARE(overlay.itemCount(), 4 + edges);
                QCOMPARE(int(scene.items().size()), base + 4 + edges);
            }
            c.nextIteration();
        }
        const QGraphicsItem* marksBefore = overlay.workerMarks();
        overlay.setStructure(s, c.current().scheme); // same shape: the items stay
        overlay.show(c.current().trace, c.state());
        QCOMPARE(static_cast<const QGraphicsItem*>(overlay.workerMarks()), marksBefore);
        overlay.clear();
        QCOMPARE(int(scene.items().size()), base);
        QCOMPARE(overlay.itemCount(), 0);
    }

    void marksDotsAndBadgesFollowTheState() {
        const Scenario s = test::stragglingScenario();
        QGraphicsScene scene;
        PlaybackController c;
        c.setScenario(s);
        AnimationOverlay overlay(&scene, [&](int e, int w) { return test::treePosition(s, e, w); });
        overlay.setStructure(s, c.current().scheme);
        int dotsSeen = 0, ignoredSeen = 0, failedSeen = 0;
        for (int it = 0; it < 20; ++it) {
            const SchemeRun& run = c.current();
            for (const TraceEvent& e : run.trace.events) {
                if (!std::isfinite(e.t) || e.t > c.endTime()) continue;
                // Half-way to the event: dots are in flight.
                c.seek(std::max(0.0, e.t - 0.01));
                overlay.show(run.trace, c.state());
                const IterationState& st = c.state();
                for (std::size_t k = 0; k < st.workers.size(); ++k) {
                    const WorkerState& ws = st.workers[k];
                    const WorkerMark& m = overlay.workerMarks()->mark(k);
                    using Look = WorkerMark::Look;
                    QCOMPARE(m.look == Look::Failed, ws.phase == WorkerPhase::Failed);
                    QCOMPARE(m.look == Look::Counted, ws.counted);
                    QCOMPARE(m.look == Look::Ignored,
                             ws.ignored && !ws.counted && ws.phase != WorkerPhase::Failed);
                    const bool travelling = ws.phase == WorkerPhase::ToEdge;
                    QCOMPARE(overlay.dots()->visible(k), travelling);
                    if (travelling) {
                        ++dotsSeen;
                        const QPointF from = *test::treePosition(s, run.trace.workers[k].edge,
                                                                 run.trace.workers[k].worker);
                        const QPointF to = *test::treePosition(s, run.trace.workers[k].edge, -1);
                        const QPointF expected = from + (to - from) * ws.progress;
                        QVERIFY((overlay.dots()->position(k) - expected).manhattanLength() < 1.0);
                    }
                    ignoredSeen += m.look == Look::Ignored;
                    failedSeen += m.look == Look::Failed;
                }
                for (std::size_t i = 0; i < st.edges.size(); ++i) {
                    const EdgeState& es = st.edges[i];
                    const NodeBadge* b = overlay.edgeBadge(int(i));
                    QVERIFY(b->text().startsWith(
                        QStringLiteral("%1 of %2 arrived").arg(es.arrived).arg(es.workers)));
                    QCOMPARE(b->status() == NodeBadge::Status::Waiting,
                             !es.complete && !es.ignored);
                    QCOMPARE(overlay.dots()->visible(st.workers.size() + i),
                             es.phase == EdgePhase::ToMaster);
                }
                QCOMPARE(overlay.masterBadge()->status() == NodeBadge::Status::Complete,
                         st.master.complete);
            }
            c.nextIteration();
        }
        QVERIFY(dotsSeen > 100);
        QVERIFY(ignoredSeen > 10);
        QVERIFY(failedSeen > 10);
    }

    void aLostUplinkIsCrossedOutWhenItWouldSend() {
        // Worker (0, 1)'s and edge 1's uplinks fail most of the time (edge 2's now and then);
        // worker (i, 0)'s compute fails now and then. Every lost message shows when it would have
        // been sent: the worker's compute end l X, the edge's decoding time A_i.
        Scenario s = test::stragglingScenario();
        s.edges[0].workers[1].uplink = s.edges[0].workers[1].uplink.withFailure(0.8);
        s.edges[1].uplink = s.edges[1].uplink.withFailure(0.8);
        QGraphicsScene scene;
        PlaybackController c;
        c.setScenario(s);
        AnimationOverlay overlay(&scene, [&](int e, int w) { return test::treePosition(s, e, w); });
        overlay.setStructure(s, c.current().scheme);
        using Look = WorkerMark::Look;
        auto lookAt = [&](double t, std::size_t k) {
            c.seek(t);
            overlay.show(c.current().trace, c.state());
            return overlay.workerMarks()->mark(k).look;
        };
        auto edgeStatusAt = [&](double t, int i) {
            c.seek(t);
            overlay.show(c.current().trace, c.state());
            return overlay.edgeBadge(i)->status();
        };
        int workersChecked = 0, edgesChecked = 0, computeFailures = 0;
        for (int it = 0; it < 40; ++it) {
            const SchemeRun& run = c.current();
            for (std::size_t k = 0; k < run.trace.workers.size(); ++k) {
                const WorkerTrace& w = run.trace.workers[k];
                if (!w.failed) continue;
                if (!std::isfinite(w.computeDone)) { // the compute fails: crossed out at once
                    QCOMPARE(lookAt(0.0, k), Look::Failed);
                    ++computeFailures;
                    continue;
                }
                QCOMPARE(w.edge * 10 + w.worker, 1); // only (0, 1)'s uplink can fail
                const double sends = w.computeDone;
                if (!(sends < c.endTime())) continue; // playback ends before it would send
                // Computing like the others until it would send, its fill growing...
                QVERIFY(lookAt(0.0, k) != Look::Failed);
                const Look half = lookAt(0.5 * sends, k);
                QVERIFY(half == Look::Computing || half == Look::Ignored);
                QVERIFY(overlay.workerMarks()->mark(k).level > 0);
                QVERIFY(lookAt(0.999 * sends, k) != Look::Failed);
                // ...then crossed out for good.
                QCOMPARE(lookAt(sends, k), Look::Failed);
                QCOMPARE(lookAt(0.5 * (sends + c.endTime()), k), Look::Failed);
                QCOMPARE(lookAt(c.endTime(), k), Look::Failed);
                ++workersChecked;
            }
            for (std::size_t i = 0; i < run.trace.edges.size(); ++i) {
                const EdgeTrace& e = run.trace.edges[i];
                if (!e.uplinkFailed || !(e.done < c.endTime())) continue;
                QVERIFY(e.edge == 1 || e.edge == 2); // the scenario's own 10% on edge 2
                QVERIFY(edgeStatusAt(0.0, int(i)) != NodeBadge::Status::Failed);
                QVERIFY(edgeStatusAt(0.999 * e.done, int(i)) != NodeBadge::Status::Failed);
                QCOMPARE(edgeStatusAt(e.done, int(i)), NodeBadge::Status::Failed);
                QVERIFY(overlay.edgeBadge(int(i))->text().contains(QStringLiteral("uplink fails")));
                QCOMPARE(edgeStatusAt(c.endTime(), int(i)), NodeBadge::Status::Failed);
                ++edgesChecked;
            }
            c.nextIteration();
        }
        QVERIFY(workersChecked >= 10);
        QVERIFY(edgesChecked >= 10);
        QVERIFY(computeFailures >= 2);
    }

    void itCannotBeClickedAndSurvivesASceneClear() {
        const Scenario s = test::stragglingScenario();
        QGraphicsScene scene;
        addFakeNodes(scene, s);
        PlaybackController c;
        c.setScenario(s);
        AnimationOverlay overlay(&scene, [&](int e, int w) { return test::treePosition(s, e, w); });
        overlay.setStructure(s, c.current().scheme);
        c.seek(c.endTime() / 2);
        overlay.show(c.current().trace, c.state());
        // What a click or a context menu finds at a node is the node, never the overlay.
        for (QPointF p : {*test::treePosition(s, 0, 0), *test::treePosition(s, 1, -1),
                          *test::treePosition(s, -1, -1)}) {
            const auto hits = scene.items(p);
            QVERIFY(!hits.isEmpty());
            for (QGraphicsItem* item : hits)
                QVERIFY(item->zValue() < AnimationOverlay::kZValue && !item->parentItem());
        }
        // The canvas rebuilds its scene with clear(): the overlay notices and rebuilds.
        scene.clear();
        QVERIFY(!overlay.isShown());
        overlay.show(c.current().trace, c.state());
        QVERIFY(overlay.isShown());
        QCOMPARE(int(scene.items().size()), overlay.itemCount());
        // A state of another structure is not drawn (it waits for setStructure()).
        Scenario other = s;
        other.edges.pop_back();
        PlaybackController d;
        d.setScenario(other);
        overlay.show(d.current().trace, d.state());
        overlay.setStructure(other, d.current().scheme);
        overlay.show(d.current().trace, d.state());
        QCOMPARE(overlay.itemCount(), 4 + int(d.current().scheme.edges.size()));
    }

    void renderAFrameToPng() {
        const Scenario s = test::stragglingScenario();
        QGraphicsScene scene;
        scene.setBackgroundBrush(Qt::white);
        addFakeNodes(scene, s);
        PlaybackController c;
        c.setScenario(s);
        c.runIterations(2); // an iteration with a straggler, a failure and a late arrival
        AnimationOverlay overlay(&scene, [&](int e, int w) { return test::treePosition(s, e, w); });
        overlay.setStructure(s, c.current().scheme);
        const SchemeRun& run = c.current();
        for (const auto& [name, t] :
             {std::pair{"mid", run.trace.edges[0].done * 0.8}, std::pair{"end", run.trace.time}}) {
            c.seek(t);
            overlay.show(run.trace, c.state());
            const QRectF area = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20);
            QImage image(area.size().toSize(), QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            scene.render(&painter, QRectF(), area);
            painter.end();
            QVERIFY(image.save(outputPath(QStringLiteral("animation_overlay_%1.png").arg(name))));
        }
    }
};

namespace hgc::test {
int runOverlayTests(int argc, char** argv) {
    TestOverlay t;
    return QTest::qExec(&t, argc, argv);
}
} // namespace hgc::test

#include "test_overlay.moc"
