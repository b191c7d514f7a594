// Frame time of the animation with 500 workers: a 20 x 25 tree, hgc(1, 1), drawn in a
// QGraphicsView (offscreen) with stand-ins for the canvas's nodes and links. Each frame
// advances the controller by 1/60 s of wall time, updates the overlay and lets the view
// repaint what changed; the time of all three is the frame time. A full repaint of the
// whole scene is timed too, as the worst case. Prints one JSON object.
#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsEllipseItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include "animation/canvas_overlay.h"
#include "animation/playback_controller.h"
#include "animation_test_helpers.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

/// CPU time of this thread: unlike wall time, not inflated when other processes share the cores.
double threadCpuMs() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(q * v.size()))];
}

double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v)
        s += x;
    return s / v.size();
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("hgc-animation-bench"));
    // The tree is wide: workers are laid out in rows of 5 under each edge.
    Scenario s = test::largeScenario(20, 25);
    auto position = [&s](int e, int w) -> std::optional<QPointF> {
        if (w < 0) return test::treePosition(s, e, w);
        auto edge = test::treePosition(s, e, -1);
        if (!edge) return std::nullopt;
        return *edge + QPointF((w % 5 - 2) * 60.0, 140.0 + (w / 5) * 60.0);
    };
    QGraphicsScene scene;
    scene.setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    {
        // Nodes and links at the positions the overlay is given.
        const QPointF master = *position(-1, -1);
        for (int i = 0; i < 20; ++i) {
            const QPointF e = *position(i, -1);
            scene.addLine(QLineF(e, master), QPen(Qt::lightGray, 2))->setZValue(-1);
            scene
                .addRect(QRectF(e - QPointF(62, 21), QSizeF(124, 42)), QPen(Qt::darkGray),
                         QColor(235, 240, 235))
                ->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
            for (int j = 0; j < 25; ++j) {
                const QPointF w = *position(i, j);
                scene.addLine(QLineF(w, e), QPen(Qt::lightGray, 2))->setZValue(-1);
                scene
                    .addEllipse(QRectF(w - QPointF(22, 22), QSizeF(44, 44)), QPen(Qt::darkGray),
                                Qt::white)
                    ->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
            }
        }
        scene.addRect(QRectF(master - QPointF(66, 23), QSizeF(132, 46)), QPen(Qt::darkGray),
                      QColor(230, 230, 240));
    }
    QGraphicsView view(&scene);
    view.resize(1600, 1000);
    view.setRenderHint(QPainter::Antialiasing);
    view.show();
    view.fitInView(scene.itemsBoundingRect(), Qt::KeepAspectRatio);
    for (int i = 0; i < 10; ++i)
        app.processEvents();

    PlaybackController c;
    c.setScenario(s);
    c.setRepeat(true);
    // About four seconds of wall time per iteration, so that every frame shows motion.
    c.setSpeed(c.endTime() / 4.0);
    AnimationOverlay overlay(&scene, position);
    overlay.setStructure(s, c.current().scheme);
    overlay.show(c.current().trace, c.state());
    app.processEvents();

    const int frames = 1200; // 20 s of animation at 60 fps, several iterations
    std::vector<double> stateMs, overlayMs, paintMs, frameMs, cpuMs;
    QElapsedTimer timer;
    c.play();
    for (int f = 0; f < frames; ++f) {
        const double cpu0 = threadCpuMs();
        timer.start();
        c.advance(1.0 / 60.0);
        const qint64 a = timer.nsecsElapsed();
        overlay.show(c.current().trace, c.state());
        const qint64 b = timer.nsecsElapsed();
        app.processEvents(); // the view repaints the dirty regions
        const qint64 d = timer.nsecsElapsed();
        stateMs.push_back(a / 1e6);
        overlayMs.push_back((b - a) / 1e6);
        paintMs.push_back((d - b) / 1e6);
        frameMs.push_back(d / 1e6);
        cpuMs.push_back(threadCpuMs() - cpu0);
    }
    c.pause();

    // Worst case: the whole view repainted, every node, every mark.
    std::vector<double> fullMs;
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (int f = 0; f < 60; ++f) {
        timer.start();
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        view.render(&p);
        p.end();
        fullMs.push_back(timer.nsecsElapsed() / 1e6);
    }
    // The same without the overlay: what the canvas alone costs.
    const int overlayItems = overlay.itemCount();
    overlay.clear();
    std::vector<double> bareMs;
    for (int f = 0; f < 60; ++f) {
        timer.start();
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        view.render(&p);
        p.end();
        bareMs.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("{\"workers\": %d, \"frames\": %d, \"iterations\": %lld, \"overlay_items\": %d,\n"
                " \"frame_ms\": {\"mean\": %.3f, \"p95\": %.3f, \"max\": %.3f},\n"
                " \"frame_cpu_ms\": {\"mean\": %.3f, \"p95\": %.3f, \"max\": %.3f},\n"
                " \"state_ms_mean\": %.4f, \"overlay_ms_mean\": %.4f, \"repaint_ms_mean\": %.3f,\n"
                " \"full_repaint_ms\": {\"mean\": %.3f, \"p95\": %.3f}, "
                "\"full_repaint_without_overlay_ms\": %.3f,\n"
                " \"fps_at_mean\": %.0f}\n",
                s.activeWorkerCount(), frames, c.iteration() + 1, overlayItems, mean(frameMs),
                percentile(frameMs, 0.95), percentile(frameMs, 1.0), mean(cpuMs),
                percentile(cpuMs, 0.95), percentile(cpuMs, 1.0), mean(stateMs), mean(overlayMs),
                mean(paintMs), mean(fullMs), percentile(fullMs, 0.95), mean(bareMs),
                1000.0 / mean(frameMs));
    return 0;
}
