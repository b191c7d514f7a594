// `hgc chart` end to end, the real binary: every kind to every format exits 0 and writes a
// valid file; bad requests exit 2 with one line.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTest>
#include <QXmlStreamReader>

#include "charts/chart_kind.h"
#include "io/scenario_json.h"
#include "test_helpers.h"

namespace hgc::test {
namespace {

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run runHgc(const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("QT_QPA_PLATFORM"); // the command must set up its offscreen platform itself
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HGC_CLI_PATH), arguments);
    if (!process.waitForFinished(120000)) process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QString scenarioFile() {
    static const QString path = [] {
        const QString p = temporaryPath("cli-small.json");
        saveScenarioFile(smallScenario(), p.toStdString());
        return p;
    }();
    return path;
}

class CliTests : public QObject {
    Q_OBJECT
private slots:
    void everyKindToEveryFormat_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("format");
        for (charts::ChartKind k : charts::allChartKinds())
            for (const char* f : {"png", "svg", "pdf", "csv"})
                QTest::newRow(qPrintable(charts::chartKindName(k) + "." + f))
                    << charts::chartKindName(k) << f;
    }
    void everyKindToEveryFormat() {
        QFETCH(QString, kind);
        QFETCH(QString, format);
        const QString out = temporaryPath("cli-" + kind + "." + format);
        const Run run =
            runHgc({"chart", scenarioFile(), "--kind", kind, "--out", out, "--width", "640",
                    "--height", "480", "--dpi", "120", "--optimize-seconds", "1"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (format == "png") {
            QCOMPARE(QImage::fromData(bytes, "PNG").size(), QSize(640, 480));
        } else if (format == "svg") {
            QXmlStreamReader xml(bytes);
            while (!xml.atEnd())
                xml.readNext();
            QVERIFY(!xml.hasError());
        } else if (format == "pdf") {
            QVERIFY(bytes.startsWith("%PDF-") && bytes.size() > 5000);
        } else {
            const auto rows = parseCsv(bytes);
            QVERIFY(rows.size() > 1);
            for (const auto& row : rows)
                QCOMPARE(row.size(), rows[0].size());
        }
    }

    void badRequestsExitTwoWithOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("kind") << QStringList{"--kind", "pie", "--out", temporaryPath("x.png")}
                              << "--kind";
        QTest::newRow("training option on another kind")
            << QStringList{"--kind", "cdf", "--step", "2", "--out", temporaryPath("x.png")}
            << "--step";
        QTest::newRow("training data set missing")
            << QStringList{"--kind",    "training",
                           "--dataset", "/nonexistent/images-idx3-ubyte",
                           "--out",     temporaryPath("x.png")}
            << "/nonexistent/images-idx3-ubyte";
        QTest::newRow("extension")
            << QStringList{"--kind", "cdf", "--out", temporaryPath("x.jpg")} << "--out";
        QTest::newRow("no out") << QStringList{"--kind", "cdf"} << "--out";
        QTest::newRow("dpi") << QStringList{"--kind", "cdf", "--out", temporaryPath("x.png"),
                                            "--dpi",  "0"}
                             << "--dpi";
        QTest::newRow("unwritable")
            << QStringList{"--kind", "cdf", "--out", temporaryPath("missing-dir/x.svg")}
            << "missing-dir";
    }
    void badRequestsExitTwoWithOneLine() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Run run = runHgc(QStringList{"chart", scenarioFile()} + arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    }
};

} // namespace

int runCliTests(int argc, char** argv) {
    CliTests t;
    return QTest::qExec(&t, argc, argv);
}

} // namespace hgc::test

#include "test_cli.moc"
