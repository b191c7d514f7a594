// The training chart (issue 8): its table is the core's training records exactly, its figure
// plots those numbers, and `hgc chart --kind training` writes what `hgc train` computes.
#include <QChart>
#include <QFile>
#include <QLineSeries>
#include <QProcess>
#include <QTest>
#include <cmath>

#include "charts/chart_export.h"
#include "charts/chart_request.h"
#include "charts/chart_table_model.h"
#include "charts/figure_builder.h"
#include "charts/training_table.h"
#include "io/json_fwd.h"
#include "io/scenario_json.h"
#include "test_helpers.h"
#include "train/data_source.h"
#include "train/training_schemes.h"

namespace hgc::test {
namespace {

using namespace hgc::charts;

ChartRequest trainingRequest(long long iterations) {
    ChartRequest r;
    r.kind = ChartKind::Training;
    r.training.iterations = iterations;
    r.training.step = 0.5;
    r.training.momentum = 0.9;
    r.training.seed = 7;
    return r;
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class TrainingChartTests : public QObject {
    Q_OBJECT
private slots:
    void tableIsTheCoresRecordsExactly() {
        const Scenario s = smallScenario();
        const ChartRequest request = trainingRequest(12);
        const ChartTableModel model(computeChartTable(s, request));
        const std::vector<TrainingScheme> schemes = defaultTrainingSchemes(s);
        const std::vector<TrainingRun> runs =
            train(s, loadTrainingData("synthetic", 7), schemes, request.training);
        QCOMPARE(model.rowCount(), int(runs.size() * 13)); // iterations 0..12 per scheme
        int row = 0;
        for (const TrainingRun& run : runs)
            for (const TrainingRecord& r : run.records) {
                QCOMPARE(model.text(row, "scheme_id"),
                         QString::fromStdString(trainingSchemeId(run.scheme)));
                QCOMPARE(model.number(row, "iteration"), double(r.iteration));
                QCOMPARE(model.number(row, "time"), r.time);
                QCOMPARE(model.number(row, "loss"), r.loss);
                QCOMPARE(model.number(row, "accuracy"), r.accuracy);
                QCOMPARE(model.number(row, "samples_used"), r.samplesUsed);
                if (r.iteration == 0)
                    QVERIFY(!model.value(row, "decode_error").isValid()); // no decode yet
                else
                    QCOMPARE(model.number(row, "decode_error"), r.decodeError);
                ++row;
            }
        // The caption says what was trained, so the figure can be reproduced.
        QVERIFY(model.table().subtitle.contains("synthetic: 4000 training, 1000 test samples"));
        QVERIFY(model.table().subtitle.contains("momentum 0.9, delay seed 7"));
        QVERIFY(!model.table().subtitle.contains("sorted by label"));
        ChartRequest byLabel = trainingRequest(1);
        byLabel.training.partitioning = DataPartitioning::ByLabel;
        QVERIFY(computeChartTable(s, byLabel).subtitle.contains("rows sorted by label"));
    }

    void figurePlotsTheTable() {
        const ChartTableModel model(computeChartTable(smallScenario(), trainingRequest(8)));
        auto figure = buildFigure(model);
        QCOMPARE(figure->charts().size(), std::size_t(2)); // loss, accuracy
        const char* keys[] = {"loss", "accuracy"};
        for (int panel = 0; panel < 2; ++panel) {
            const QList<QAbstractSeries*> series = figure->charts()[panel]->series();
            QCOMPARE(series.size(), qsizetype(model.rowCount() / 9)); // one line per scheme
            int row = 0;
            for (QAbstractSeries* s : series) {
                const QList<QPointF> points = static_cast<QLineSeries*>(s)->points();
                QCOMPARE(s->name(), model.text(row, "scheme"));
                QCOMPARE(points.size(), qsizetype(9));
                for (const QPointF& p : points) {
                    QCOMPARE(p.x(), model.number(row, "time"));
                    QCOMPARE(p.y(), model.number(row, keys[panel]));
                    ++row;
                }
                // The inexact baseline is told apart by its dash.
                const bool inexact = model.text(row - 1, "method") == "ignore-stragglers";
                QCOMPARE(static_cast<QLineSeries*>(s)->pen().style() == Qt::DashLine, inexact);
            }
        }
    }

    void aStoppedRunKeepsItsRecords() {
        // A run cut short (failure, or the app's Cancel) has fewer rows; nothing is padded.
        TrainingRun whole, cut;
        whole.scheme.label = "uncoded";
        cut.scheme = TrainingScheme{"hgc (s_e=1, s_w=1)", TrainingMethod::Coded, Scheme::hgc(1, 1),
                                    Scheme::uncoded()};
        for (int i = 0; i <= 4; ++i)
            whole.records.push_back({i, 2.0 * i, 1.0 / (i + 1), 0.5, i ? 1e-15 : NAN, 2.0, 1.0});
        cut.records.assign(whole.records.begin(), whole.records.begin() + 2);
        const ChartTableModel model(trainingTableOf({whole, cut}, "caption"));
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.text(5, "scheme_id"), QStringLiteral("hgc:1:1"));
        QCOMPARE(model.table().subtitle, QStringLiteral("caption"));
        const QString path = temporaryPath("cut.csv");
        exportChart(model, path, {});
        const auto rows = parseCsv(readFile(path));
        QCOMPARE(rows.size(), std::size_t(8));
        QCOMPARE(rows[1][rows[0].indexOf("decode_error")], QString()); // NaN: empty
        QCOMPARE(csvDouble(rows[2][rows[0].indexOf("decode_error")]), 1e-15);
    }

    void emptyTableIsNotExported() {
        const ChartTableModel model(trainingTableOf({}, {}));
        const QString path = temporaryPath("nothing.png");
        QVERIFY_THROWS_EXCEPTION(InputError, exportChart(model, path, {}));
        QVERIFY(!QFile::exists(path));
    }

#ifdef HGC_CLI_PATH
    void cliWritesWhatTrainComputes() {
        const QString file = temporaryPath("train-small.json");
        saveScenarioFile(smallScenario(), file.toStdString());
        const QString csv = temporaryPath("train.csv");
        QProcess chart;
        chart.start(HGC_CLI_PATH, {"chart", file, "--kind", "training", "--out", csv,
                                   "--iterations", "6", "--schemes", "uncoded,hgc:1:1",
                                   "--momentum", "0.5", "--seed", "3", "--partition", "by-label"});
        QVERIFY(chart.waitForFinished(120000));
        QVERIFY2(chart.exitCode() == 0, chart.readAllStandardError().constData());
        const auto rows = parseCsv(readFile(csv));
        QProcess trainRun;
        trainRun.start(HGC_CLI_PATH, {"train", file, "--json", "--iterations", "6", "--schemes",
                                      "uncoded,hgc:1:1", "--momentum", "0.5", "--seed", "3",
                                      "--partition", "by-label"});
        QVERIFY(trainRun.waitForFinished(120000));
        QCOMPARE(trainRun.exitCode(), 0);
        const Json json = Json::parse(trainRun.readAllStandardOutput().toStdString());
        QCOMPARE(json["partition"].get<std::string>(), std::string("by-label"));
        // The file's scheme first, then uncoded: 2 x (6 + 1) records.
        QCOMPARE(rows.size(), std::size_t(1 + 14));
        const int id = rows[0].indexOf("scheme_id"), loss = rows[0].indexOf("loss"),
                  time = rows[0].indexOf("time"), it = rows[0].indexOf("iteration");
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const Json& record = json["schemes"][rows[r][id].toStdString()][rows[r][it].toInt()];
            QCOMPARE(csvDouble(rows[r][loss]), record["loss"].get<double>());
            QCOMPARE(csvDouble(rows[r][time]), record["time"].get<double>());
        }
        // Training options are refused, by name, on the other kinds.
        QProcess wrong;
        wrong.start(HGC_CLI_PATH,
                    {"chart", file, "--kind", "cdf", "--out", csv, "--dataset", "fashion-mnist"});
        QVERIFY(wrong.waitForFinished(60000));
        QCOMPARE(wrong.exitCode(), 2);
        QVERIFY(wrong.readAllStandardError().contains("--dataset"));
    }

    void cliTrainingDefaultsAreTheCores() {
        // One place defines the defaults (TrainingOptions), which the Training tab uses too.
        const QString file = temporaryPath("train-defaults.json");
        saveScenarioFile(smallScenario(), file.toStdString());
        QProcess run;
        run.start(HGC_CLI_PATH, {"train", file, "--json", "--iterations", "1"});
        QVERIFY(run.waitForFinished(120000));
        QCOMPARE(run.exitCode(), 0);
        const Json json = Json::parse(run.readAllStandardOutput().toStdString());
        const TrainingOptions defaults;
        QCOMPARE(json["step"].get<double>(), defaults.step);
        QCOMPARE(json["momentum"].get<double>(), defaults.momentum);
        QCOMPARE(json["l2"].get<double>(), defaults.l2);
        QCOMPARE(json["partition"].get<std::string>(),
                 std::string(partitioningId(defaults.partitioning)));
        const QStringList chartArgs = {"--kind", "training", "--out", temporaryPath("bad.csv")};
        for (const QStringList& args :
             {QStringList{"train", file}, QStringList{"chart", file} + chartArgs}) {
            QProcess bad;
            bad.start(HGC_CLI_PATH, args + QStringList{"--partition", "sorted"});
            QVERIFY(bad.waitForFinished(60000));
            QCOMPARE(bad.exitCode(), 2);
            const QByteArray error = bad.readAllStandardError();
            QVERIFY2(error.contains("--partition") && error.contains("by-label"),
                     error.constData());
        }
    }
#endif
};

} // namespace

int runTrainingChartTests(int argc, char** argv) {
    TrainingChartTests tests;
    return QTest::qExec(&tests, argc, argv);
}

} // namespace hgc::test

#include "test_training_chart.moc"
