// The studio's tests, one Qt Test class per part (document, canvas, panels, files), run in
// one QApplication so that widgets and the offscreen platform are set up once.
#include <QApplication>

#include "test_helpers.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("hgc-studio-tests"));
    app.setApplicationName(QStringLiteral("hgc-studio-tests"));
    int failures = 0;
    failures += hgc::test::runDocumentTests(argc, argv);
    failures += hgc::test::runCanvasTests(argc, argv);
    failures += hgc::test::runPanelTests(argc, argv);
    failures += hgc::test::runFileTests(argc, argv);
    return failures == 0 ? 0 : 1;
}
