#include "screenshot.h"

#include <QApplication>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

#include "canvas/topology_view.h"
#include "evaluation/evaluation_runner.h"
#include "window/main_window.h"

namespace hgc::studio {

namespace {
void grabAndQuit(ui::MainWindow* window, const QString& outPath, int exitCode) {
    window->view()->fitAll();
    // Two event-loop turns so that layouts, the chart and the canvas have painted.
    QTimer::singleShot(150, window, [window, outPath, exitCode] {
        const QPixmap picture = window->grab();
        const bool saved = picture.save(outPath);
        if (!saved)
            std::fprintf(stderr, "hgc-studio: cannot write %s\n", qPrintable(outPath));
        else
            std::printf("%s (%dx%d)\n", qPrintable(outPath), picture.width(), picture.height());
        QApplication::exit(saved ? exitCode : 1);
    });
}
} // namespace

void takeScreenshotWhenReady(ui::MainWindow* window, const QString& outPath, int timeoutMs) {
    auto* done = new bool(false);
    QObject::connect(window->runner(), &ui::EvaluationRunner::resultsReady, window,
                     [window, outPath, done](const ui::StudioResults& r) {
                         if (*done || (!r.sweepDone && r.error.isEmpty())) return;
                         *done = true;
                         grabAndQuit(window, outPath, 0);
                     });
    QTimer::singleShot(timeoutMs, window, [window, outPath, done] {
        if (*done) return;
        *done = true;
        std::fprintf(stderr, "hgc-studio: the evaluation did not finish in time; saving anyway\n");
        grabAndQuit(window, outPath, 1);
    });
}

} // namespace hgc::studio
