// hgc-studio-bench [--json] [--canvas]: the desktop app's speed figures (issue 5 "Speed"):
//  - start-up: QApplication to a painted window with the default scenario, and to its
//    first result (target: under 1 s);
//  - edit to result: a property edit on a 200-worker scenario until its new expected time
//    has arrived, debounce included (target: within 200 ms);
//  - canvas frames on a 1,000-worker topology: zoom, pan and drag steps, each with a full
//    synchronous repaint of the viewport (smooth: well under 16 ms).
// --canvas measures the canvas frames only (for repeated runs and profiling).
// Run it with QT_QPA_PLATFORM=offscreen for a machine without a display.
#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "canvas/node_item.h"
#include "canvas/topology_scene.h"
#include "canvas/topology_view.h"
#include "document/heterogeneity.h"
#include "document/scenario_document.h"
#include "evaluation/evaluation_runner.h"
#include "window/main_window.h"

namespace {

struct Figure {
    std::string name;
    double value;
    std::string unit;
    std::string note;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

bool waitUntilIdle(hgc::ui::EvaluationRunner* runner) {
    return QTest::qWaitFor([runner] { return !runner->isBusy() && runner->latest().sweepDone; },
                           120000);
}

hgc::Scenario heterogeneous(int edges, int workersPerEdge, hgc::Scheme scheme) {
    hgc::ui::ScenarioDocument doc;
    doc.reset(hgc::makeUniformScenario(edges, workersPerEdge));
    hgc::ui::HeterogeneityParams p;
    p.seed = 5;
    p.speedSpread = 2.0;
    p.stragglerShare = 0.1;
    p.stragglerSlowdown = 4.0;
    doc.applyHeterogeneity({}, p);
    hgc::Scenario s = doc.scenario();
    s.scheme = scheme;
    return s;
}

void startup(std::vector<Figure>& out, const QElapsedTimer& sinceMain) {
    QElapsedTimer clock;
    clock.start();
    hgc::ui::MainWindow window(false);
    window.newFromResource(hgc::ui::MainWindow::defaultScenarioPath());
    window.resize(1600, 1000);
    window.show();
    QTest::qWaitForWindowExposed(&window);
    window.repaint();
    const double painted = clock.nsecsElapsed() * 1e-6;
    const double fromMain = sinceMain.nsecsElapsed() * 1e-6;
    QTest::qWaitFor([&] { return window.runner()->latest().generation > 0; }, 60000);
    const double firstResult = clock.nsecsElapsed() * 1e-6;
    waitUntilIdle(window.runner());
    const double swept = clock.nsecsElapsed() * 1e-6;
    out.push_back({"studio.startup_window_ms", painted, "ms",
                   "MainWindow built, default scenario opened, window painted (target < 1000)"});
    out.push_back({"studio.startup_from_main_ms", fromMain, "ms",
                   "the same from main(), QApplication included"});
    out.push_back({"studio.startup_first_result_ms", firstResult, "ms",
                   "until the default scenario's E[T] is shown"});
    out.push_back(
        {"studio.startup_sweep_done_ms", swept, "ms", "until the best tolerances are shown too"});
}

void editToResult(std::vector<Figure>& out) {
    hgc::ui::MainWindow window(false);
    window.document()->reset(heterogeneous(10, 20, hgc::Scheme::hgc(1, 2)));
    window.show();
    QTest::qWaitForWindowExposed(&window);
    waitUntilIdle(window.runner());
    std::vector<double> times;
    std::vector<double> evaluation;
    const double rates[] = {0.05, 0.08, 0.03, 0.06, 0.04, 0.07, 0.02};
    for (double rate : rates) {
        const quint64 before = window.runner()->latest().generation;
        QElapsedTimer clock;
        clock.start();
        window.document()->setProperty({hgc::ui::NodeRef::ofWorker(3, 7)},
                                       {hgc::ui::Channel::Compute, hgc::ui::Attribute::Param1},
                                       rate);
        QTest::qWaitFor([&] { return window.runner()->latest().generation > before; }, 60000);
        times.push_back(clock.nsecsElapsed() * 1e-6);
        evaluation.push_back(window.runner()->latest().seconds * 1e3);
        waitUntilIdle(window.runner());
    }
    out.push_back({"studio.edit_to_result_200_workers_ms", median(times), "ms",
                   "property edit to new E[T] on 10 x 20 workers, hgc(1,2), median of 7, 30 ms "
                   "debounce included (target < 200)"});
    out.push_back({"studio.edit_to_result_200_workers_max_ms",
                   *std::max_element(times.begin(), times.end()), "ms", "worst of the 7"});
    out.push_back({"studio.evaluation_200_workers_ms", median(evaluation), "ms",
                   "of which the analytic evaluation of the scheme and uncoded"});
}

void canvasFrames(std::vector<Figure>& out) {
    hgc::ui::ScenarioDocument doc;
    QElapsedTimer build;
    build.start();
    doc.reset(heterogeneous(20, 50, hgc::Scheme::hgc(1, 1)));
    hgc::ui::TopologyScene scene(&doc);
    const double rebuild = build.nsecsElapsed() * 1e-6;
    hgc::ui::TopologyView view(&scene);
    view.resize(1400, 900);
    view.show();
    QTest::qWaitForWindowExposed(&view);
    view.fitAll();
    view.repaint();

    auto timed = [&](auto step, int repeats) {
        std::vector<double> t;
        for (int k = 0; k < repeats; ++k) {
            QElapsedTimer clock;
            clock.start();
            step(k);
            view.viewport()->repaint();
            t.push_back(clock.nsecsElapsed() * 1e-6);
        }
        return median(t);
    };
    const double zoomFit = timed([&](int k) { k % 2 ? view.zoomIn() : view.zoomOut(); }, 20);
    view.resetZoom();
    const double zoom100 = timed([&](int k) { k % 2 ? view.zoomIn() : view.zoomOut(); }, 20);
    const double pan = timed(
        [&](int k) {
            view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() +
                                                 (k % 2 ? -60 : 60));
        },
        20);
    view.fitAll();
    view.zoomIn();
    view.zoomIn();
    const hgc::ui::NodeRef worker = hgc::ui::NodeRef::ofWorker(10, 20);
    view.centerOn(scene.itemFor(worker));
    const QPoint start = view.mapFromScene(scene.itemFor(worker)->pos());
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, start);
    const double drag = timed(
        [&](int k) { QTest::mouseMove(view.viewport(), start + QPoint(3 * (k + 1), 2 * (k + 1))); },
        30);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, start + QPoint(90, 60));
    QElapsedTimer structural;
    structural.start();
    doc.addEdge(3);
    view.viewport()->repaint();
    const double addEdge = structural.nsecsElapsed() * 1e-6;

    out.push_back({"studio.canvas_1000_build_ms", rebuild, "ms",
                   "scene for 20 x 50 workers built from the document"});
    out.push_back({"studio.canvas_1000_zoom_fit_frame_ms", zoomFit, "ms",
                   "zoom step + full repaint, whole topology in view"});
    out.push_back({"studio.canvas_1000_zoom_100_frame_ms", zoom100, "ms",
                   "zoom step + full repaint at 100%"});
    out.push_back(
        {"studio.canvas_1000_pan_frame_ms", pan, "ms", "pan step + full repaint at 100%"});
    out.push_back({"studio.canvas_1000_drag_frame_ms", drag, "ms",
                   "one mouse move of a dragged worker + full repaint"});
    out.push_back({"studio.canvas_1000_add_edge_ms", addEdge, "ms",
                   "add an edge: undo command, scene rebuild, repaint"});
}

} // namespace

int main(int argc, char** argv) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("hgc"));
    QApplication::setApplicationName(QStringLiteral("hgc-studio-bench"));
    const bool json = app.arguments().contains(QStringLiteral("--json"));
    const bool canvasOnly = app.arguments().contains(QStringLiteral("--canvas"));
    std::vector<Figure> figures;
    if (!canvasOnly) {
        startup(figures, sinceMain);
        editToResult(figures);
    }
    canvasFrames(figures);
    if (json) {
        std::printf("{\"figures\": [\n");
        for (std::size_t k = 0; k < figures.size(); ++k)
            std::printf(
                "  {\"name\": \"%s\", \"value\": %.3f, \"unit\": \"%s\", \"note\": \"%s\"}%s\n",
                figures[k].name.c_str(), figures[k].value, figures[k].unit.c_str(),
                figures[k].note.c_str(), k + 1 < figures.size() ? "," : "");
        std::printf("]}\n");
    } else {
        for (const Figure& f : figures)
            std::printf("%-44s %10.2f %-3s  %s\n", f.name.c_str(), f.value, f.unit.c_str(),
                        f.note.c_str());
    }
    return 0;
}
