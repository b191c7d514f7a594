// The one render path: SVG is well-formed XML with the chart's words in it, PDF is a PDF
// of substance, PNG has the requested pixels and resolution on a white background, and a
// plain QGraphicsScene (the canvas) goes through the same exporter.
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QTest>
#include <QXmlStreamReader>

#include "charts/chart_request.h"
#include "charts/figure_builder.h"
#include "charts/figure_export.h"
#include "test_helpers.h"

namespace hgc::test {
namespace {

using namespace hgc::charts;

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// All character data of an SVG, and whether it parsed without error.
std::pair<QString, bool> svgText(const QByteArray& svg) {
    QXmlStreamReader xml(svg);
    QString text;
    bool sawSvg = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("svg")) sawSvg = true;
        if (xml.isCharacters()) text += xml.text().toString() + ' ';
    }
    return {text, !xml.hasError() && sawSvg};
}

std::unique_ptr<ChartFigure> figureOf(ChartKind kind) {
    static std::map<ChartKind, std::unique_ptr<ChartTableModel>> models;
    auto& model = models[kind];
    if (!model) {
        ChartRequest request;
        request.kind = kind;
        request.optimiserSeconds = 1;
        model = std::make_unique<ChartTableModel>(computeChartTable(smallScenario(), request));
    }
    return buildFigure(*model);
}

class ExportTests : public QObject {
    Q_OBJECT
private slots:
    void svgIsWellFormedWithTheChartsText_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("runtime") << int(ChartKind::RuntimeVsTolerance)
                                 << QStringList{"Expected iteration time vs straggler tolerance",
                                                "worker stragglers tolerated per edge, s_w",
                                                "expected iteration time E[T] (time units)",
                                                "hgc, s_e = 0", "uncoded, E[T] ="};
        QTest::newRow("load") << int(ChartKind::LoadTradeoff)
                              << QStringList{"Computation load vs straggler tolerance",
                                             "load per worker (fraction of data)",
                                             "Communication at the master"};
        QTest::newRow("cdf") << int(ChartKind::Cdf)
                             << QStringList{"iteration time t (time units)", "P(T ≤ t)", "uncoded"};
        QTest::newRow("iterations") << int(ChartKind::IterationTimes)
                                    << QStringList{"Simulated iteration times", "Histogram"};
        QTest::newRow("speedup") << int(ChartKind::Speedup)
                                 << QStringList{"Speed-up over uncoded", "best hgc", "best gc"};
    }
    void svgIsWellFormedWithTheChartsText() {
        QFETCH(int, kind);
        QFETCH(QStringList, words);
        const QString path = temporaryPath(QStringLiteral("chart%1.svg").arg(kind));
        auto figure = figureOf(static_cast<ChartKind>(kind));
        exportFigure(*figure, path, {});
        const auto [text, wellFormed] = svgText(readAll(path));
        QVERIFY(wellFormed);
        for (const QString& w : words)
            QVERIFY2(text.contains(w), qPrintable(w + " not in SVG"));
        // Every text names the font it was drawn with, so it looks the same elsewhere.
        QVERIFY2(readAll(path).contains(R"(font-family="DejaVu Sans")"),
                 "the SVG should name its font");
        QVERIFY(!readAll(path).contains(R"(font-family="Sans Serif")"));
    }

    void pdfIsAPdfOfSubstance() {
        const QString path = temporaryPath("chart.pdf");
        auto figure = figureOf(ChartKind::RuntimeVsTolerance);
        exportFigure(*figure, path, {});
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY2(pdf.size() > 8000, qPrintable(QString::number(pdf.size())));
        QVERIFY(pdf.contains("DejaVu")); // the font is embedded, so it survives elsewhere
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    }

    void pngHasTheRequestedSizeAndResolution_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("dpi");
        QTest::newRow("screen") << 800 << 500 << 96.0;
        QTest::newRow("print") << 2100 << 1400 << 300.0;
        QTest::newRow("odd") << 333 << 777 << 72.0;
    }
    void pngHasTheRequestedSizeAndResolution() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, dpi);
        const QString path = temporaryPath("chart.png");
        auto figure = figureOf(ChartKind::Cdf);
        exportFigure(*figure, path, {width, height, dpi});
        QImage image(path);
        QCOMPARE(image.size(), QSize(width, height));
        QCOMPARE(image.dotsPerMeterX(), qRound(dpi / 0.0254));
        // White background: corners; something drawn: enough dark pixels (text, lines).
        QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
        QCOMPARE(image.pixelColor(width - 1, height - 1), QColor(Qt::white));
        int dark = 0;
        for (int y = 0; y < height; y += 2)
            for (int x = 0; x < width; x += 2)
                dark += qGray(image.pixel(x, y)) < 100;
        QVERIFY2(dark > width * height / 4 / 400, qPrintable(QString::number(dark)));
    }

    void theSamePictureAtAnyResolution() {
        // 300 dpi is the 96 dpi layout with more pixels: downscaled, it nearly matches.
        auto figure = figureOf(ChartKind::Speedup);
        exportFigure(*figure, temporaryPath("a.png"), {600, 400, 96});
        exportFigure(*figure, temporaryPath("b.png"), {1800, 1200, 288});
        const QImage a = QImage(temporaryPath("a.png")).convertToFormat(QImage::Format_Grayscale8);
        const QImage b = QImage(temporaryPath("b.png"))
                             .scaled(600, 400, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                             .convertToFormat(QImage::Format_Grayscale8);
        double difference = 0;
        for (int y = 0; y < 400; ++y)
            for (int x = 0; x < 600; ++x)
                difference += std::abs(qGray(a.pixel(x, y)) - qGray(b.pixel(x, y)));
        QVERIFY2(difference / (600 * 400) < 12,
                 qPrintable(QString::number(difference / (600 * 400))));
    }

    void anySceneExportsThroughTheSamePath() {
        QGraphicsScene scene;
        scene.setBackgroundBrush(Qt::white);
        scene.addRect(0, 0, 400, 100, QPen(Qt::black, 3), Qt::blue);
        scene.addSimpleText("edge 1")->setPos(10, 10);
        ImageOptions options;
        options.width = 900;
        options.height = 0; // from the aspect ratio
        const QString png = temporaryPath("scene.png");
        exportScene(scene, png, options);
        const QImage image(png);
        QCOMPARE(image.width(), 900);
        const double aspect =
            scene.itemsBoundingRect().height() / scene.itemsBoundingRect().width();
        QVERIFY(image.height() > 900 * aspect && image.height() < 900 * (aspect + 0.2));
        QCOMPARE(image.pixelColor(image.width() / 2, image.height() / 2), QColor(Qt::blue));
        const QString svg = temporaryPath("scene.svg");
        exportScene(scene, svg, options);
        const auto [text, wellFormed] = svgText(readAll(svg));
        QVERIFY(wellFormed);
        QVERIFY(text.contains("edge 1"));
        const QString pdf = temporaryPath("scene.pdf");
        exportScene(scene, pdf, options);
        QVERIFY(readAll(pdf).startsWith("%PDF-"));
    }

    void badRequestsAreOneLineErrors() {
        auto figure = figureOf(ChartKind::Speedup);
        const auto fails = [&](const QString& path, ImageOptions options) {
            try {
                exportFigure(*figure, path, options);
            } catch (const InputError& e) {
                return !QString(e.what()).contains('\n');
            }
            return false;
        };
        QVERIFY(fails(temporaryPath("x.bmp"), {}));
        QVERIFY(fails(temporaryPath("x.csv"), {})); // CSV is data, not a picture
        QVERIFY(fails(temporaryPath("x.png"), {0, 100, 96}));
        QVERIFY(fails(temporaryPath("x.png"), {100, 100, 5}));
        QVERIFY(fails(temporaryPath("no-such-dir/x.png"), {}));
        QVERIFY(!QFile::exists(temporaryPath("x.bmp")));
    }
};

} // namespace

int runExportTests(int argc, char** argv) {
    ExportTests t;
    return QTest::qExec(&t, argc, argv);
}

} // namespace hgc::test

#include "test_exports.moc"
