// hgc-studio [FILE] [--screenshot OUT.png] [--theme light|dark|system] [--size WxH]
// Opens FILE (or the built-in default scenario) in HGC Studio. With --screenshot it waits
// for the evaluation, saves a picture of the window and exits (works offscreen).
#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>
#include <cstdio>

#include "canvas/topology_view.h"
#include "screenshot.h"
#include "window/main_window.h"
#include "window/theme.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("hgc"));
    QApplication::setApplicationName(QStringLiteral("hgc-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("HGC Studio"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("HGC Studio: hierarchical gradient coding, interactively."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("A scenario file to open (default: the built-in scenario)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window once evaluated, then exit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption theme(
        QStringLiteral("theme"), QStringLiteral("light, dark or system."), QStringLiteral("THEME"));
    const QCommandLineOption size(
        QStringLiteral("size"), QStringLiteral("Window size for --screenshot (default 1600x1000)."),
        QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    parser.addOption(screenshot);
    parser.addOption(theme);
    parser.addOption(size);
    parser.process(app);

    const bool shooting = parser.isSet(screenshot);
    const QString themeChoice = parser.isSet(theme)
                                    ? parser.value(theme)
                                    : QSettings().value(QStringLiteral("theme")).toString();
    hgc::ui::applyTheme(hgc::ui::themeByName(themeChoice));

    hgc::ui::MainWindow window(/*interactive=*/!shooting);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::fprintf(stderr, "hgc-studio: give at most one scenario file\n");
        return 2;
    }
    bool opened = files.isEmpty()
                      ? window.newFromResource(hgc::ui::MainWindow::defaultScenarioPath())
                      : window.openFile(files.first());
    if (!opened && shooting) {
        std::fprintf(stderr, "hgc-studio: %s: %s\n", qPrintable(window.lastError().file),
                     qPrintable(window.lastError().message()));
        return 2;
    }
    if (shooting) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
        window.resize(w > 0 ? w : 1600, h > 0 ? h : 1000);
        hgc::studio::takeScreenshotWhenReady(&window, parser.value(screenshot));
    }
    window.show();
    QTimer::singleShot(0, &window, [&window, shooting] {
        window.view()->fitAll();
        if (!shooting) window.offerAutosaveRestore();
    });
    return app.exec();
}
