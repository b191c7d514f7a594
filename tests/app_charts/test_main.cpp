// The chart tests, one Qt Test class per part (tables and CSV, exports, the panel, the
// command line, the training chart), run in one QApplication: charts need widgets (offscreen in
// CTest).
#include <QApplication>

#include "test_helpers.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    int failures = 0;
    failures += hgc::test::runTableTests(argc, argv);
    failures += hgc::test::runExportTests(argc, argv);
    failures += hgc::test::runPanelTests(argc, argv);
    failures += hgc::test::runCliTests(argc, argv);
    failures += hgc::test::runTrainingChartTests(argc, argv);
    return failures == 0 ? 0 : 1;
}
