// training: trains through every requested scheme (the core's train(), as `hgc train`
// does) and tabulates the records.
#include "charts/training_table.h"

#include <cmath>

#include "charts/chart_request.h"
#include "train/data_source.h"
#include "train/training_schemes.h"

namespace hgc::charts {

namespace {

QVariant finiteOrEmpty(double v) {
    // NaN (no decode at iteration 0) is "not applicable", an empty cell; infinities stay.
    return std::isnan(v) ? QVariant() : QVariant(v);
}

} // namespace

QString trainingCaption(const Dataset& data, const TrainingOptions& options) {
    const QString rows = options.partitioning == DataPartitioning::ByLabel
                             ? QStringLiteral(" · rows sorted by label")
                             : QString();
    return QStringLiteral(
               "%1: %2 training, %3 test samples · step %4, momentum %5, delay seed %6%7")
        .arg(QString::fromStdString(data.name))
        .arg(data.train.count)
        .arg(data.test.count)
        .arg(options.step)
        .arg(options.momentum)
        .arg(options.seed)
        .arg(rows);
}

ChartTable trainingTableOf(const std::vector<TrainingRun>& runs, const QString& caption) {
    ChartTable t;
    t.kind = ChartKind::Training;
    t.title = QStringLiteral("Training through the codes: loss and accuracy against time");
    t.subtitle = caption;
    t.columns = {{"scheme_id", "Scheme id"},
                 {"scheme", "Scheme"},
                 {"method", "Method"},
                 {"iteration", "Iteration"},
                 {"time", "Simulated time (time units)"},
                 {"loss", "Training loss"},
                 {"accuracy", "Test accuracy"},
                 {"decode_error", "Decode relative error"},
                 {"iteration_time", "Iteration time (time units)"},
                 {"samples_used", "Samples used"}};
    for (const TrainingRun& run : runs) {
        const QString id = QString::fromStdString(trainingSchemeId(run.scheme));
        const QString label = QString::fromStdString(run.scheme.label);
        const QString method = run.scheme.method == TrainingMethod::Coded
                                   ? QStringLiteral("coded")
                                   : QStringLiteral("ignore-stragglers");
        for (const TrainingRecord& r : run.records)
            t.rows.push_back({id, label, method, r.iteration, r.time, r.loss, r.accuracy,
                              finiteOrEmpty(r.decodeError), r.iterationTime, r.samplesUsed});
    }
    return t;
}

ChartTable trainingTable(const Scenario& scenario, const ChartRequest& request,
                         const Progress& progress) {
    const std::vector<TrainingScheme> schemes =
        parseTrainingSchemes(scenario, request.trainingSchemes);
    const Dataset data = loadTrainingData(request.trainingData, request.training.seed);
    TrainingObserver observer;
    observer.progress = progress;
    const std::vector<TrainingRun> runs =
        train(scenario, data, schemes, request.training, observer);
    return trainingTableOf(runs, trainingCaption(data, request.training));
}

} // namespace hgc::charts
