// hgc chart: the app's charts rendered headless (SPEC §8), so that a paper's figures can be
// rebuilt by a script. Same table computation, same builders, same exporter as the app.
// `--kind training` belongs to the training area (issue 8) and is not offered here.
#include <QApplication>
#include <QElapsedTimer>
#include <cstdio>
#include <memory>

#include "charts/chart_request.h"
#include "charts/chart_table_model.h"
#include "charts/csv_export.h"
#include "charts/figure_builder.h"
#include "charts/figure_export.h"
#include "command.h"
#include "scenario_input.h"

namespace hgc::cli {
namespace {

std::vector<std::string> kindNames() {
    std::vector<std::string> names;
    for (charts::ChartKind k : charts::allChartKinds())
        names.push_back(charts::chartKindName(k).toStdString());
    return names;
}

/// Widgets need an application object, and one needs a platform: without a display the
/// offscreen one (a user's QT_QPA_PLATFORM wins).
std::unique_ptr<QApplication> headlessApplication() {
    // Qt's complaint about a missing XDG_RUNTIME_DIR (usual in containers and CI) is noise
    // on a command whose errors are one line.
    static QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext& context, const QString& message) {
            if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR"))) return;
            if (previous) previous(type, context, message);
        });
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "hgc";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

int runChart(Args& args) {
    args.parse({"kind", "out", "width", "height", "dpi", "iterations", "optimize-seconds"},
               {"reverse", "confidence"});
    const std::string file = args.positional(0, "the scenario FILE");
    args.expectPositionals(1);
    const auto kind = charts::chartKindByName(
        QString::fromStdString(args.choice("kind", "runtime-vs-tolerance", kindNames())));
    const auto out = args.value("out");
    if (!out)
        throw InputError("--out", "missing: give the output file OUT.png, .svg, .pdf or .csv");
    const QString path = QString::fromStdString(*out);
    const auto format = charts::exportFormatForPath(path);
    if (!format)
        throw InputError("--out",
                         "unknown extension of '" + *out + "' (use .png, .svg, .pdf or .csv)");
    charts::ImageOptions image;
    image.width = static_cast<int>(args.integer("width", image.width, 1, 20000));
    image.height = static_cast<int>(args.integer("height", image.height, 1, 20000));
    image.dpi = args.number("dpi", image.dpi);
    charts::checkImageOptions(image);

    const Scenario scenario = loadScenarioArgument(file);
    charts::ChartRequest request;
    request.kind = *kind;
    request.confidenceBars = args.flag("confidence");
    request.monteCarloIterations = args.integer("iterations", 0, 0, 100'000'000);
    request.optimiserSeconds = args.number("optimize-seconds", request.optimiserSeconds);
    if (!(request.optimiserSeconds > 0 && request.optimiserSeconds <= 3600))
        throw InputError("--optimize-seconds", "must be in (0, 3600]");

    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<QApplication> app;
    if (*format != charts::ExportFormat::Csv) app = headlessApplication();
    charts::ChartTableModel model(charts::computeChartTable(scenario, request));
    const double computeSeconds = clock.nsecsElapsed() * 1e-9;
    if (*format == charts::ExportFormat::Csv) {
        charts::writeCsv(model, path);
    } else {
        charts::FigureOptions options;
        options.reverse = args.flag("reverse");
        auto figure = charts::buildFigure(model, options);
        charts::exportFigure(*figure, path, image);
    }
    std::printf("wrote %s (%s, %d rows; computed in %.3f s, total %.3f s)\n", out->c_str(),
                charts::chartKindName(*kind).toStdString().c_str(), model.rowCount(),
                computeSeconds, clock.nsecsElapsed() * 1e-9);
    return 0;
}

CommandRegistration registration(
    {"chart", "render a chart to PNG, SVG, PDF or its data to CSV",
     "usage: hgc chart FILE --kind KIND --out OUT.{png,svg,pdf,csv}\n"
     "                 [--width W] [--height H] [--dpi D] [--reverse] [--confidence] [--iterations "
     "N]\n"
     "\n"
     "KIND: runtime-vs-tolerance  E[T] of hgc against s_w, one line per s_e (--reverse: against "
     "s_e),\n"
     "                            uncoded and best gc as references, the optimum starred;\n"
     "                            --confidence adds Monte Carlo 95% intervals\n"
     "      load-tradeoff         load per worker against (s_e, s_w) with the lower bound, and "
     "the\n"
     "                            vectors the master receives per iteration\n"
     "      cdf                   distribution of the iteration time for uncoded, best gc, best "
     "hgc\n"
     "                            and the file's scheme\n"
     "      iteration-times       simulated per-iteration times (the file's seed) and their "
     "histogram\n"
     "      speedup               speed-up over uncoded of best gc, best hgc and the file's "
     "scheme\n"
     "(training charts come from the training area, not from this command)\n"
     "\n"
     "The figure is W x H pixels at D dpi (defaults 1200 x 750 at 150), so it is W/D inches wide "
     "in\n"
     "every format; fonts are DejaVu Sans, the background white. CSV holds the chart's data with\n"
     "every number exact. --iterations sets the Monte Carlo iterations (default: the file's).\n",
     runChart});

} // namespace
} // namespace hgc::cli
