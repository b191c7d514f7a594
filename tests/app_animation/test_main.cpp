// The animation's tests, one Qt Test class per part (controller, overlay, panel), run in one
// QApplication (offscreen) so that widgets and charts are set up once.
#include <QApplication>
#include <QSettings>

#include "animation_test_helpers.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("hgc-animation-tests"));
    app.setApplicationName(QStringLiteral("hgc-animation-tests"));
    QSettings().clear();
    int failures = 0;
    failures += hgc::test::runControllerTests(argc, argv);
    failures += hgc::test::runOverlayTests(argc, argv);
    failures += hgc::test::runPanelTests(argc, argv);
    QSettings().clear();
    return failures == 0 ? 0 : 1;
}
