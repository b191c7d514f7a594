// hgc chart: the app's charts rendered headless (SPEC §8), so that a paper's figures can be
// rebuilt by a script. Same table computation, same builders, same exporter as the app.
#include <QApplication>
#include <QElapsedTimer>
#include <cstdio>
#include <memory>

#include "charts/chart_export.h"
#include "charts/chart_request.h"
#include "charts/chart_table_model.h"
#include "command.h"
#include "scenario_input.h"
#include "training_args.h"

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
    // --iterations is the Monte Carlo iterations, or for --kind training the training steps.
    std::set<std::string> valued = trainingOptionNames();
    valued.insert({"kind", "out", "width", "height", "dpi", "optimize-seconds"});
    args.parse(valued, {"reverse", "confidence"});
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
    if (request.kind == charts::ChartKind::Training) {
        const TrainingArguments training = trainingArguments(args, scenario);
        request.trainingData = training.dataset;
        request.trainingSchemes = training.schemes;
        request.training = training.options;
    } else {
        for (const std::string& name : trainingOptionNames())
            if (name != "iterations" && args.value(name))
                throw InputError("--" + name, "applies to --kind training only");
        request.monteCarloIterations = args.integer("iterations", 0, 0, 100'000'000);
    }
    request.optimiserSeconds = args.number("optimize-seconds", request.optimiserSeconds);
    if (!(request.optimiserSeconds > 0 && request.optimiserSeconds <= 3600))
        throw InputError("--optimize-seconds", "must be in (0, 3600]");

    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<QApplication> app;
    if (*format != charts::ExportFormat::Csv) app = headlessApplication();
    charts::ChartTableModel model(charts::computeChartTable(scenario, request));
    const double computeSeconds = clock.nsecsElapsed() * 1e-9;
    charts::FigureOptions options;
    options.reverse = args.flag("reverse");
    charts::exportChart(model, path, image, options);
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
     "                 [--dataset D] [--schemes LIST] [--step S] [--momentum M] [--l2 L] [--seed "
     "S]\n"
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
     "      training              training loss and test accuracy against simulated time, one "
     "line\n"
     "                            per scheme, as `hgc train` computes them (options below)\n"
     "\n"
     "The figure is W x H pixels at D dpi (defaults 1200 x 750 at 150), so it is W/D inches wide "
     "in\n"
     "every format; fonts are DejaVu Sans, the background white. CSV holds the chart's data with\n"
     "every number exact. --iterations sets the Monte Carlo iterations (default: the file's).\n"
     "\n"
     "--kind training takes the options of `hgc train` (--iterations is then the number of\n"
     "gradient steps):\n" +
         std::string(kTrainingOptionsUsage),
     runChart});

} // namespace
} // namespace hgc::cli
