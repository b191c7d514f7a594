// MainWindow: New, Open, Save, Save As, Export, Recent files, Examples, autosave restore.
#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

#include "canvas/topology_scene.h"
#include "canvas/topology_view.h"
#include "charts/export_dialogs.h"
#include "document/scenario_document.h"
#include "window/autosave.h"
#include "window/main_window.h"
#include "window/recent_files.h"

namespace hgc::ui {

namespace {
const QString kFilter = QObject::tr("HGC scenarios (*.json);;All files (*)");

/// "one-slow-edge.json" -> "One slow edge".
QString exampleTitle(const QString& fileName) {
    QString title =
        QFileInfo(fileName).completeBaseName().replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!title.isEmpty()) title[0] = title[0].toUpper();
    return title;
}
} // namespace

bool MainWindow::maybeSave() {
    if (!document_->isModified() || !interactive_) return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"), tr("The scenario has unsaved changes. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    if (answer == QMessageBox::Discard) Autosaver::discard();
    return answer == QMessageBox::Discard;
}

bool MainWindow::newFromResource(const QString& resource) {
    if (!maybeSave()) return false;
    try {
        const Scenario s = ScenarioDocument::readScenario(resource);
        untitledName_ = resource == defaultScenarioPath() ? QString() : exampleTitle(resource);
        document_->reset(s);
    } catch (const std::exception& e) {
        showFileError(tr("Could not open the built-in scenario"),
                      {resource, {}, QString::fromUtf8(e.what())});
        return false;
    }
    view_->fitAll();
    statusBar()->showMessage(untitledName_.isEmpty() ? tr("New scenario from the default")
                                                     : tr("Example: %1").arg(untitledName_),
                             5000);
    return true;
}

void MainWindow::newDocument() {
    newFromResource(defaultScenarioPath());
}

bool MainWindow::openFile(const QString& path) {
    if (!maybeSave()) return false;
    if (auto error = document_->open(path)) {
        showFileError(tr("Could not open the scenario"), *error);
        return false;
    }
    untitledName_.clear();
    recent_->add(path);
    view_->fitAll();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::openDialog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(), kFilter);
    if (!path.isEmpty()) openFile(path);
}

bool MainWindow::save() {
    const QString path = document_->filePath();
    if (path.isEmpty() || path.startsWith(QLatin1Char(':'))) return saveAs();
    if (auto error = document_->save()) {
        showFileError(tr("Could not save the scenario"), *error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::saveAs() {
    if (!interactive_) return false;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save scenario as"), document_->filePath(), kFilter);
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
    if (auto error = document_->saveAs(path)) {
        showFileError(tr("Could not save the scenario"), *error);
        return false;
    }
    untitledName_.clear();
    recent_->add(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::exportScenario() {
    QString path = QFileDialog::getSaveFileName(this, tr("Export scenario"), QString(), kFilter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
    if (auto error = document_->exportTo(path))
        showFileError(tr("Could not export the scenario"), *error);
    else
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::exportCanvas() {
    // Same exporter as the charts: one render path for PNG, SVG and PDF.
    if (charts::exportSceneWithDialog(*scene_, this))
        statusBar()->showMessage(tr("Canvas exported"), 5000);
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList files = recent_->files();
    for (int k = 0; k < files.size(); ++k) {
        const QString path = files[k];
        QAction* a = recentMenu_->addAction(
            QStringLiteral("&%1 %2").arg(k + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                recent_->remove(path);
                showFileError(tr("Could not open the scenario"),
                              {path, {}, tr("the file no longer exists")});
                return;
            }
            openFile(path);
        });
    }
    if (!files.isEmpty()) recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("&Clear List"), recent_, &RecentFiles::clear);
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::rebuildExamplesMenu() {
    examplesMenu_->clear();
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString resource = dir.filePath(name);
        QAction* a = examplesMenu_->addAction(exampleTitle(name));
        a->setStatusTip(tr("Open the built-in example %1 as a new untitled scenario").arg(name));
        connect(a, &QAction::triggered, this, [this, resource] { newFromResource(resource); });
    }
    examplesMenu_->setEnabled(!examplesMenu_->isEmpty());
}

void MainWindow::offerAutosaveRestore() {
    const std::optional<Scenario> copy = Autosaver::leftover();
    if (!copy) return;
    const QString origin = Autosaver::autosaveOrigin();
    if (interactive_) {
        const auto answer = QMessageBox::question(
            this, tr("Restore unsaved work?"),
            tr("HGC Studio did not close normally last time. Restore the unsaved changes to %1?")
                .arg(origin.isEmpty() ? tr("an untitled scenario")
                                      : QDir::toNativeSeparators(origin)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            Autosaver::discard();
            return;
        }
    }
    // Restored work is unsaved work: it opens as a modified document, so that closing asks.
    document_->reset(*copy, origin.startsWith(QLatin1Char(':')) ? QString() : origin);
    document_->undoStack()->resetClean();
    view_->fitAll();
    statusBar()->showMessage(tr("Restored the autosaved copy"), 8000);
}

} // namespace hgc::ui
