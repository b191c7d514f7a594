#include "window/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoView>

#include "animation/animation_panel.h"
#include "canvas/node_item.h"
#include "canvas/topology_scene.h"
#include "canvas/topology_view.h"
#include "charts/charts_panel.h"
#include "document/scenario_document.h"
#include "evaluation/evaluation_runner.h"
#include "evaluation/number_format.h"
#include "panels/properties_panel.h"
#include "panels/results_panel.h"
#include "panels/scheme_panel.h"
#include "panels/training_panel.h"
#include "window/autosave.h"
#include "window/recent_files.h"
#include "window/theme.h"

namespace hgc::ui {

MainWindow::MainWindow(bool interactive, QWidget* parent)
    : QMainWindow(parent), interactive_(interactive), document_(new ScenarioDocument(this)),
      scene_(new TopologyScene(document_, this)), view_(new TopologyView(scene_)),
      runner_(new EvaluationRunner(document_, this)), autosaver_(new Autosaver(document_, this)),
      recent_(new RecentFiles(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(view_);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    createActions();
    createDocks();
    createMenus();
    createStatusBar();

    connect(document_, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(document_, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(document_, &ScenarioDocument::infoChanged, this, &MainWindow::updateTitle);
    connect(document_, &ScenarioDocument::notice, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(document_, &ScenarioDocument::changed, this, &MainWindow::updateActions);
    connect(scene_, &TopologyScene::nodeSelectionChanged, properties_, &PropertiesPanel::setNodes);
    connect(scene_, &TopologyScene::nodeSelectionChanged, this, &MainWindow::updateActions);
    connect(document_, &ScenarioDocument::topologyChanged, this, [this] {
        const Scenario& s = document_->scenario();
        sizeStatus_->setText(
            tr("%1 edges · %2 workers").arg(s.edges.size()).arg(s.activeWorkerCount()));
    });
    connect(recent_, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    rebuildExamplesMenu();
    restoreSettings();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() {
    // The views and panels observe the document, so they go before it (a focused field
    // reacts to losing its focus). The autosaver goes first of all: the document's undo
    // stack reports "clean" as it is destroyed, which must not discard the autosaved copy.
    delete autosaver_;
    for (QDockWidget* d : findChildren<QDockWidget*>())
        delete d;
    delete view_;
    delete runner_;
    delete scene_;
}

QAction* MainWindow::action(const QString& objectName) const {
    return findChild<QAction*>(objectName);
}

void MainWindow::createDocks() {
    auto dock = [this](const QString& title, const QString& name, QWidget* widget,
                       Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        // A panel taller than its dock scrolls instead of being squeezed (widgets drawn over
        // each other) or making the window taller than the screen.
        if (!qobject_cast<QAbstractScrollArea*>(widget)) {
            auto* scroll = new QScrollArea;
            scroll->setWidget(widget);
            scroll->setWidgetResizable(true);
            scroll->setFrameShape(QFrame::NoFrame);
            widget = scroll;
        }
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    properties_ = new PropertiesPanel(document_);
    scheme_ = new SchemePanel(document_);
    results_ = new ResultsPanel(document_, runner_);
    history_ = new QUndoView(document_->undoStack());
    history_->setEmptyLabel(tr("<opened>"));
    history_->setToolTip(tr("Every edit, in order; click one to go back to it"));
    QDockWidget* props = dock(tr("Properties"), QStringLiteral("propertiesDock"), properties_,
                              Qt::LeftDockWidgetArea);
    QDockWidget* res =
        dock(tr("Results"), QStringLiteral("resultsDock"), results_, Qt::RightDockWidgetArea);
    QDockWidget* sch =
        dock(tr("Scheme"), QStringLiteral("schemeDock"), scheme_, Qt::RightDockWidgetArea);
    QDockWidget* hist =
        dock(tr("History"), QStringLiteral("historyDock"), history_, Qt::LeftDockWidgetArea);
    splitDockWidget(res, sch, Qt::Vertical);
    tabifyDockWidget(props, hist);
    props->raise();
    createBottomDocks(dock);
    resizeDocks({props, res}, {330, 380}, Qt::Horizontal);
    resizeDocks({res, sch}, {620, 180}, Qt::Vertical);
}

void MainWindow::createBottomDocks(
    const std::function<QDockWidget*(const QString&, const QString&, QWidget*, Qt::DockWidgetArea)>&
        dock) {
    // Charts, the animation and training follow the document; each recomputes off the GUI thread
    // and ignores edits that do not change its numbers (moves, renames).
    charts_ = new charts::ChartsPanel;
    animation_ = new AnimationPanel;
    QDockWidget* chartsDock =
        dock(tr("Charts"), QStringLiteral("chartsDock"), charts_, Qt::BottomDockWidgetArea);
    QDockWidget* animationDock = dock(tr("Animation"), QStringLiteral("animationDock"), animation_,
                                      Qt::BottomDockWidgetArea);
    training_ = new TrainingPanel;
    QDockWidget* trainingDock =
        dock(tr("Training"), QStringLiteral("trainingDock"), training_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(animationDock, chartsDock);
    tabifyDockWidget(chartsDock, trainingDock);
    animationDock->raise();
    // The panels scroll rather than insist on their height (see dock()): give the bottom
    // row a useful share of the window to start with; the user's layout is restored later.
    resizeDocks({animationDock}, {360}, Qt::Vertical);
    animation_->attachCanvas(scene_, [this](int edge, int worker) -> std::optional<QPointF> {
        const NodeItem* item = scene_->itemFor(edge < 0 ? NodeRef{} : NodeRef{edge, worker});
        if (!item) return std::nullopt;
        return item->scenePos();
    });
    auto follow = [this] {
        charts_->setScenario(document_->scenario());
        animation_->setScenario(document_->scenario());
        training_->setScenario(document_->scenario());
    };
    follow();
    connect(document_, &ScenarioDocument::changed, this, follow);
    connect(animationDock, &QDockWidget::visibilityChanged, animation_, [this](bool visible) {
        if (!visible) animation_->stop();
    });
}

void MainWindow::createStatusBar() {
    evaluationStatus_ = new QLabel;
    zoomStatus_ = new QLabel(QStringLiteral("100%"));
    zoomStatus_->setToolTip(tr("Zoom; Ctrl+0 fits the topology"));
    sizeStatus_ = new QLabel;
    statusBar()->addPermanentWidget(sizeStatus_);
    statusBar()->addPermanentWidget(evaluationStatus_);
    statusBar()->addPermanentWidget(zoomStatus_);
    connect(view_, &TopologyView::zoomChanged, this,
            [this](double z) { zoomStatus_->setText(QStringLiteral("%1%").arg(qRound(100 * z))); });
    connect(runner_, &EvaluationRunner::busyChanged, this, [this](bool busy) {
        if (busy) evaluationStatus_->setText(tr("Evaluating…"));
    });
    connect(runner_, &EvaluationRunner::resultsReady, this, [this](const StudioResults& r) {
        evaluationStatus_->setText(r.error.isEmpty()
                                       ? tr("E[T] = %1").arg(formatTime(r.scheme.expectedRuntime))
                                       : tr("Cannot evaluate"));
    });
    statusBar()->showMessage(tr("Ready"), 3000);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1440, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::updateTitle() {
    const QString path = document_->filePath();
    const QString file = path.isEmpty() ? (untitledName_.isEmpty() ? tr("untitled") : untitledName_)
                                        : QFileInfo(path).fileName();
    const QString name = QString::fromStdString(document_->scenario().name);
    setWindowTitle(QStringLiteral("%1[*] — %2 — HGC Studio")
                       .arg(file, name.isEmpty() ? tr("scenario") : name));
    setWindowModified(document_->isModified());
}

void MainWindow::updateActions() {
    const NodeRefs sel = scene_->selectedNodes();
    const bool anyEdge =
        std::any_of(sel.begin(), sel.end(), [](const NodeRef& r) { return r.isEdge(); });
    const bool oneEdgeContext =
        std::any_of(sel.begin(), sel.end(), [](const NodeRef& r) { return r.edge >= 0; });
    action(QStringLiteral("actionDelete"))->setEnabled(!sel.isEmpty());
    action(QStringLiteral("actionDuplicateEdge"))->setEnabled(anyEdge);
    action(QStringLiteral("actionAddWorkers"))->setEnabled(oneEdgeContext);
    action(QStringLiteral("actionSave"))->setEnabled(true);
}

void MainWindow::showFileError(const QString& what, const FileError& error) {
    lastError_ = error;
    statusBar()->showMessage(tr("%1: %2").arg(what, error.message()), 10000);
    if (!interactive_) return;
    QMessageBox box(
        QMessageBox::Critical, what,
        tr("<b>%1</b><br><br>File: %2").arg(what.toHtmlEscaped(), error.file.toHtmlEscaped()),
        QMessageBox::Ok, this);
    QString detail;
    if (!error.jsonPath.isEmpty()) detail += tr("Where: %1\n").arg(error.jsonPath);
    detail += tr("Reason: %1\n\nThe current document was left as it was.").arg(error.reason);
    box.setInformativeText(detail);
    box.exec();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    Autosaver::discard(); // a normal exit leaves no copy to restore
    event->accept();
}

} // namespace hgc::ui
