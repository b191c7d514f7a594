// Files: save and open round trip; a broken file is refused with its JSON path and reason
// and leaves the document exactly as it was; the presets are embedded; autosave restores.
#include <QDir>
#include <QFile>
#include <QtTest>

#include "document/scenario_document.h"
#include "io/scenario_json.h"
#include "test_helpers.h"
#include "window/autosave.h"
#include "window/main_window.h"
#include "window/recent_files.h"

using namespace hgc;
using namespace hgc::ui;

namespace {

void writeText(const QString& path, const std::string& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    f.write(text.data(), static_cast<qint64>(text.size()));
}

/// The small scenario, edited in ways a file must keep: positions, an inactive worker,
/// modifiers, names, an unknown key.
Scenario editedScenario() {
    Scenario s = test::smallScenario();
    s.edges[0].position = Position{12.5, -3};
    s.edges[1].workers[2].position = Position{400, 300};
    s.edges[2].workers[1].active = false;
    s.edges[1].workers[0].compute =
        Distribution::pareto(2.0, 3.0).withStraggle(0.1, 4).withFailure(0.01);
    s.edges[2].name = "far edge";
    s.unknown["x-note"] = "\"kept\"";
    return s;
}

} // namespace

class TestFiles : public QObject {
    Q_OBJECT
private slots:
    void saveAndOpenRoundTrip() {
        ScenarioDocument doc;
        doc.reset(editedScenario());
        doc.setProperty({NodeRef::ofWorker(0, 0)}, NodeProperty::name(), QStringLiteral("alpha"));
        QVERIFY(doc.isModified());
        const QString path = test::temporaryPath(QStringLiteral("round-trip.json"));
        QVERIFY(!doc.saveAs(path).has_value());
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.filePath(), path);

        ScenarioDocument other;
        QVERIFY(!other.open(path).has_value());
        QVERIFY(other.scenario() == doc.scenario());
        QCOMPARE(other.scenario().edges[0].workers[0].name, std::string("alpha"));
        QCOMPARE(other.undoStack()->count(), 0);
        // Undoing back to the saved state is clean again; past it is modified.
        doc.setProperty({NodeRef::ofWorker(0, 0)}, NodeProperty::name(), QStringLiteral("beta"));
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
    }

    void brokenFileLeavesTheDocumentAsItWas() {
        Scenario bad = test::smallScenario();
        std::string text = serializeScenario(bad);
        // Make edges[1].workers[0].compute.rate negative in the text itself.
        Scenario marked = bad;
        marked.edges[1].workers[0].compute.params[1] = 0.123456;
        text = serializeScenario(marked);
        const auto at = text.find("0.123456");
        QVERIFY(at != std::string::npos);
        text.replace(at, 8, "-1");
        const QString badPath = test::temporaryPath(QStringLiteral("bad.json"));
        writeText(badPath, text);

        ScenarioDocument doc;
        doc.reset(editedScenario(), QStringLiteral("/some/where.json"));
        doc.addEdge(2);
        const Scenario before = doc.scenario();
        const auto error = doc.open(badPath);
        QVERIFY(error.has_value());
        QCOMPARE(error->file, badPath);
        QCOMPARE(error->jsonPath, QStringLiteral("edges[1].workers[0].compute.rate"));
        QVERIFY2(error->reason.contains(QStringLiteral("> 0")), qPrintable(error->reason));
        QVERIFY(doc.scenario() == before);
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.isModified());
        QCOMPARE(doc.filePath(), QStringLiteral("/some/where.json"));

        // Not JSON at all, and no file at all.
        const QString garbage = test::temporaryPath(QStringLiteral("garbage.json"));
        writeText(garbage, "{ \"format\": \"hgc-scenario\", ");
        QVERIFY(doc.open(garbage).has_value());
        const auto missing = doc.open(test::temporaryPath(QStringLiteral("missing.json")));
        QVERIFY(missing.has_value());
        QVERIFY(!missing->reason.isEmpty());
        QVERIFY(doc.scenario() == before);

        // The window says so and keeps its document.
        MainWindow window(false);
        window.document()->reset(editedScenario());
        QVERIFY(!window.openFile(badPath));
        QCOMPARE(window.lastError().jsonPath, QStringLiteral("edges[1].workers[0].compute.rate"));
        QVERIFY(window.document()->scenario() == editedScenario());
    }

    void saveFailureIsReported() {
        ScenarioDocument doc;
        doc.reset(test::smallScenario());
        const auto error = doc.saveAs(QStringLiteral("/nonexistent-dir/x/y.json"));
        QVERIFY(error.has_value());
        QCOMPARE(doc.filePath(), QString());
    }

    void presetsAreEmbeddedAndValid() {
        const QDir dir(QStringLiteral(":/scenarios"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")});
        QVERIFY(files.contains(QStringLiteral("default.json")));
        for (const QString& f : files) {
            try {
                validate(ScenarioDocument::readScenario(dir.filePath(f)));
            } catch (const std::exception& e) {
                QFAIL(qPrintable(f + QStringLiteral(": ") + QString::fromUtf8(e.what())));
            }
        }
        MainWindow window(false);
        QVERIFY(window.newFromResource(MainWindow::defaultScenarioPath()));
        QCOMPARE(window.document()->filePath(), QString()); // untitled: Save asks for a name
        QVERIFY(window.document()->scenario().edges.size() >= 2);
    }

    void openingAddsToRecentFiles() {
        const QString path = test::temporaryPath(QStringLiteral("recent.json"));
        writeText(path, serializeScenario(test::smallScenario()));
        RecentFiles recent;
        recent.clear();
        MainWindow window(false);
        QVERIFY(window.openFile(path));
        QCOMPARE(recent.files().value(0), QFileInfo(path).absoluteFilePath());
        QVERIFY(window.openFile(path));
        QCOMPARE(recent.files().count(path), 1);
    }

    void autosaveIsOfferedAfterACrash() {
        Autosaver::discard();
        {
            MainWindow crashed(false);
            crashed.document()->reset(test::smallScenario());
            crashed.document()->addEdge(1);
            QVERIFY(crashed.autosaver()->saveNow());
            QVERIFY(QFile::exists(Autosaver::autosavePath()));
            // No closeEvent: the copy stays, as after a crash.
        }
        QVERIFY(Autosaver::leftover().has_value());
        MainWindow next(false);
        next.offerAutosaveRestore();
        QCOMPARE(next.document()->scenario().edges.size(), std::size_t(4));
        QVERIFY(next.document()->isModified());
        // Saving makes the copy unnecessary.
        QVERIFY(!next.document()
                     ->saveAs(test::temporaryPath(QStringLiteral("restored.json")))
                     .has_value());
        QVERIFY(!QFile::exists(Autosaver::autosavePath()));
    }
};

int hgc::test::runFileTests(int argc, char** argv) {
    TestFiles t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_files.moc"
