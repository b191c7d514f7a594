// The panel: shortcuts drive the controller, every control explains itself, the charts fill
// as iterations run, the explanation says what the trace says (with the decoding
// coefficients actually used), and a rendered panel and canvas look right (PNG for a look).
#include <QAbstractButton>
#include <QAreaSeries>
#include <QChart>
#include <QGraphicsScene>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QSlider>
#include <QTabWidget>
#include <QTextBrowser>
#include <QtTest>

#include "animation/animation_panel.h"
#include "animation/comparison_bars.h"
#include "animation/decoding_lookup.h"
#include "animation/explanation.h"
#include "animation/history_charts.h"
#include "animation/timeline_widget.h"
#include "animation_test_helpers.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

QString outputPath(const QString& name) {
    const QString dir = qEnvironmentVariable("HGC_ANIMATION_PNG_DIR", QDir::tempPath());
    return QDir(dir).filePath(name);
}

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

} // namespace

class TestPanel : public QObject {
    Q_OBJECT
private slots:
    void everyControlHasATooltip() {
        AnimationPanel panel;
        panel.setScenario(test::stragglingScenario());
        int controls = 0;
        for (QAbstractButton* b : panel.findChildren<QAbstractButton*>()) {
            if (!b->isVisibleTo(&panel) || b->parent()->inherits("QTabBar")) continue;
            QVERIFY2(!b->toolTip().isEmpty(), qPrintable(b->text()));
            ++controls;
        }
        for (QSlider* s : panel.findChildren<QSlider*>()) {
            QVERIFY(!s->toolTip().isEmpty());
            ++controls;
        }
        QVERIFY(controls >= 10);
        for (QAction* a : panel.playbackActions())
            QVERIFY(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)));
    }

    void shortcutsDriveThePlayback() {
        AnimationPanel panel;
        panel.setScenario(test::stragglingScenario());
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.activateWindow();
        panel.timeline()->setFocus();
        PlaybackController* c = panel.controller();
        // Steps stop at the events of every compared scheme.
        double first = c->endTime();
        for (const SchemeRun& r : c->runs())
            first = std::min(first, nextEventTime(r.trace, 0.0).value_or(first));
        QTest::keyClick(panel.timeline(), Qt::Key_Right);
        QCOMPARE(c->time(), first);
        QTest::keyClick(panel.timeline(), Qt::Key_Right);
        QVERIFY(c->time() > first);
        QTest::keyClick(panel.timeline(), Qt::Key_Left);
        QCOMPARE(c->time(), first);
        QTest::keyClick(panel.timeline(), Qt::Key_Space);
        QVERIFY(c->isPlaying());
        QTest::keyClick(panel.timeline(), Qt::Key_Space);
        QVERIFY(!c->isPlaying());
        QTest::keyClick(panel.timeline(), Qt::Key_N);
        QCOMPARE(c->iteration(), 1LL);
        QTest::keyClick(panel.timeline(), Qt::Key_Home);
        QCOMPARE(c->time(), 0.0);
        // The scrubber seeks; the controller moves the scrubber.
        panel.scrubber()->setValue(500);
        QVERIFY(std::abs(c->time() - c->endTime() / 2) < 1e-9);
        c->seek(c->endTime());
        QCOMPARE(panel.scrubber()->value(), panel.scrubber()->maximum());
        // Speed: the slider and the setting agree.
        c->setSpeed(100.0);
        QCOMPARE(panel.speedSlider()->value(), 200);
    }

    void chartsFillAsIterationsRun() {
        AnimationPanel panel;
        panel.setScenario(test::stragglingScenario());
        PlaybackController* c = panel.controller();
        c->runIterations(100);
        panel.flushUpdates();
        const auto lines = panel.historyCharts()->historyChart()->series();
        QCOMPARE(int(lines.size()), int(c->runs().size()));
        const QString legend = panel.historyCharts()->legend()->text();
        for (int r = 0; r < int(lines.size()); ++r) {
            auto* line = qobject_cast<QLineSeries*>(lines[r]);
            QCOMPARE(int(line->count()), 100 - c->history().failures(r));
            QVERIFY(
                legend.contains(QStringLiteral("mean %1").arg(c->history().mean(r), 0, 'g', 4)));
        }
        // Histogram steps: bin b spans points 1 + 2b and 2 + 2b at the bin's count.
        const auto areas = panel.historyCharts()->histogramChart()->series();
        QCOMPARE(int(areas.size()), int(c->runs().size()));
        for (int r = 0; r < int(areas.size()); ++r) {
            const auto points = qobject_cast<QAreaSeries*>(areas[r])->upperSeries()->points();
            QCOMPARE(int(points.size()), 2 * HistoryCharts::kBins + 2);
            double sum = 0;
            for (int b = 0; b < HistoryCharts::kBins; ++b) {
                QCOMPARE(points[1 + 2 * b].y(), points[2 + 2 * b].y());
                sum += points[1 + 2 * b].y();
            }
            QCOMPARE(int(sum), 100 - c->history().failures(r));
        }
    }

    void explanationSaysWhatTheTraceSays() {
        const Scenario s = test::stragglingScenario();
        AnimationPanel panel;
        panel.setScenario(s);
        PlaybackController* c = panel.controller();
        int withStragglers = 0;
        for (int it = 0; it < 30; ++it) {
            const SchemeRun& run = c->current();
            c->seek(0.0);
            panel.flushUpdates();
            QVERIFY(panel.explanation()->toPlainText().contains(
                QStringLiteral("needs any 3 of its 4 edges")));
            c->seek(c->endTime());
            panel.flushUpdates();
            const QString text = panel.explanation()->toPlainText();
            if (run.trace.failed) {
                QVERIFY(text.contains(QStringLiteral("this iteration fails")));
            } else {
                QStringList used;
                for (int e : run.trace.waitedEdges)
                    used << QString::fromStdString(s.edges[e].name);
                QVERIFY2(text.contains(QStringLiteral("decodes from ")), qPrintable(text));
                for (const QString& e : used)
                    QVERIFY(text.contains(e));
                QVERIFY2(text.contains(QStringLiteral("Decoding coefficients used")),
                         qPrintable(text));
            }
            for (const WorkerTrace& w : run.trace.workers)
                if (w.straggled && !w.waitedFor && !w.failed) {
                    const QString name =
                        QString::fromStdString(s.edges[w.edge].workers[w.worker].name);
                    QVERIFY2(text.contains(
                                 name +
                                 QStringLiteral(" straggles (×5 slowdown) and is not waited for")),
                             qPrintable(text));
                    ++withStragglers;
                }
            c->nextIteration();
        }
        QVERIFY(withStragglers > 3);
    }

    void explanationOfGc() {
        Scenario s = test::stragglingScenario(false);
        s.scheme = Scheme::gc(3);
        AnimationPanel panel;
        panel.setScenario(s);
        PlaybackController* c = panel.controller();
        QCOMPARE(c->current().scheme.type, SchemeType::Gc);
        c->seek(0.0);
        panel.flushUpdates();
        QVERIFY(
            panel.explanation()->toPlainText().contains(QStringLiteral("needs any 15 of the 18")));
        c->seek(c->current().trace.time);
        panel.flushUpdates();
        const QString text = panel.explanation()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("has the 15 worker results it needs (of 18)")),
                 qPrintable(text));
        int left = 0;
        for (const WorkerTrace& w : c->current().trace.workers)
            if (!w.waitedFor) {
                const QString name = QString::fromStdString(s.edges[w.edge].workers[w.worker].name);
                QVERIFY2(text.contains(name + QStringLiteral(" is slower and is not waited for")) ||
                             text.contains(
                                 name +
                                 QStringLiteral(" straggles (×5 slowdown) and is not waited for")),
                         qPrintable(text));
                ++left;
            }
        QCOMPARE(left, 3);
    }

    void decodingUsesOnlyTheWaitedForResults() {
        const Scenario s = test::stragglingScenario();
        DecodingLookup lookup;
        lookup.setScenario(s);
        if (!lookup.available()) QSKIP(qPrintable(lookup.note()));
        const ResolvedScheme scheme = resolve(s);
        int decoded = 0;
        for (long long it = 0; it < 40; ++it) {
            const IterationTrace trace = traceIteration(s, scheme, 11, it);
            const auto used = lookup.decode(scheme, trace);
            QCOMPARE(used.has_value(), !trace.failed);
            if (!used) continue;
            ++decoded;
            std::size_t first = 0;
            for (std::size_t i = 0; i < scheme.edges.size(); ++i) {
                const std::size_t m = scheme.edges[i].workers.size();
                // An edge the master did not wait for has weight 0 (a used one may too: with
                // fractional repetition one edge of a group is enough).
                if (!trace.edges[i].waitedFor) QCOMPARE(used->masterWeights[i], 0.0);
                if (trace.edges[i].waitedFor)
                    for (std::size_t k = 0; k < m; ++k)
                        if (!trace.workers[first + k].waitedFor)
                            QCOMPARE(used->edgeWeights[i][k], 0.0);
                first += m;
            }
            QVERIFY(used->residual < 1e-6);
        }
        QVERIFY(decoded > 20);
    }

    void decodingBuildTime() {
        // The code is built on the GUI thread when the scenario changes: at the largest size it
        // is built for, the build must stay interactive. Reported, not asserted.
        Scenario s = test::largeScenario(6, 20);
        QCOMPARE(s.activeWorkerCount(), DecodingLookup::kMaxWorkers);
        DecodingLookup lookup;
        QElapsedTimer timer;
        timer.start();
        lookup.setScenario(s);
        qInfo("decoding lookup for %d workers built in %lld ms (%s)", s.activeWorkerCount(),
              timer.elapsed(), lookup.available() ? "available" : qPrintable(lookup.note()));
        QVERIFY(lookup.available());
        lookup.setScenario(test::largeScenario(6, 21));
        QVERIFY(!lookup.available());
        QVERIFY(lookup.note().contains(QString::number(DecodingLookup::kMaxWorkers)));
    }

    void renderPanelAndCanvas() {
        const Scenario s = test::stragglingScenario();
        QGraphicsScene scene;
        scene.setBackgroundBrush(Qt::white);
        addFakeNodes(scene, s);
        const int nodeItems = int(scene.items().size());
        AnimationPanel panel;
        panel.setScenario(s);
        panel.attachCanvas(&scene, [&](int e, int w) { return test::treePosition(s, e, w); });
        PlaybackController* c = panel.controller();
        c->runIterations(100);
        c->nextIteration();
        const SchemeRun& run = c->current();
        // A moment after the first edge decoded, while others still wait.
        double t = run.trace.time;
        for (const EdgeTrace& e : run.trace.edges)
            if (std::isfinite(e.done)) t = std::min(t, e.done);
        c->seek(t + 0.02);
        panel.resize(1200, 520);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.flushUpdates();
        QVERIFY(panel.overlay()->isShown());
        QVERIFY(panel.grab().save(outputPath(QStringLiteral("animation_panel.png"))));
        const QRectF area = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20);
        QImage image(area.size().toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        scene.render(&painter, QRectF(), area);
        painter.end();
        QVERIFY(image.save(outputPath(QStringLiteral("animation_canvas.png"))));
        c->seek(c->endTime());
        panel.flushUpdates();
        QVERIFY(panel.grab().save(outputPath(QStringLiteral("animation_panel_end.png"))));
        auto* tabs = panel.findChild<QTabWidget*>();
        tabs->setCurrentWidget(panel.historyCharts());
        QTest::qWait(50); // let the charts lay out at their size
        QVERIFY(panel.grab().save(outputPath(QStringLiteral("animation_panel_history.png"))));
        // Stop takes the overlay off the canvas.
        panel.stop();
        QVERIFY(!panel.overlay()->isShown());
        QCOMPARE(int(scene.items().size()), nodeItems);
    }
};

namespace hgc::test {
int runPanelTests(int argc, char** argv) {
    TestPanel t;
    return QTest::qExec(&t, argc, argv);
}
} // namespace hgc::test

#include "test_panel.moc"
