// MainWindow: its actions, menus and tool bar.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStyle>
#include <QToolBar>

#include "canvas/topology_scene.h"
#include "canvas/topology_view.h"
#include "document/scenario_document.h"
#include "evaluation/evaluation_runner.h"
#include "window/main_window.h"
#include "window/theme.h"

namespace hgc::ui {

namespace {

QAction* makeAction(QObject* parent, const QString& name, const QString& text, const QString& tip,
                    const QList<QKeySequence>& keys = {},
                    QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
    auto* a = new QAction(text, parent);
    a->setObjectName(name);
    a->setShortcuts(keys);
    const QString shortcut =
        keys.isEmpty() ? QString() : keys.first().toString(QKeySequence::NativeText);
    a->setToolTip(shortcut.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, shortcut));
    a->setStatusTip(tip);
    if (icon != QStyle::SP_CustomBase) a->setIcon(QApplication::style()->standardIcon(icon));
    return a;
}

} // namespace

void MainWindow::createActions() {
    // File
    connect(makeAction(this, "actionNew", tr("&New"),
                       tr("Start a new scenario from the built-in default"), {QKeySequence::New},
                       QStyle::SP_FileIcon),
            &QAction::triggered, this, &MainWindow::newDocument);
    connect(makeAction(this, "actionOpen", tr("&Open…"), tr("Open a scenario file"),
                       {QKeySequence::Open}, QStyle::SP_DialogOpenButton),
            &QAction::triggered, this, &MainWindow::openDialog);
    connect(makeAction(this, "actionSave", tr("&Save"), tr("Save the scenario"),
                       {QKeySequence::Save}, QStyle::SP_DialogSaveButton),
            &QAction::triggered, this, &MainWindow::save);
    connect(makeAction(this, "actionSaveAs", tr("Save &As…"),
                       tr("Save the scenario under a new name"), {QKeySequence::SaveAs}),
            &QAction::triggered, this, &MainWindow::saveAs);
    connect(makeAction(this, "actionExport", tr("&Export Scenario…"),
                       tr("Write a copy of the scenario; the document keeps its own file"),
                       {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X)}),
            &QAction::triggered, this, &MainWindow::exportScenario);
    connect(makeAction(this, "actionOptimise", tr("&Optimise…"),
                       tr("Find the scheme (and nodes) with the lowest expected iteration time"),
                       {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)}),
            &QAction::triggered, this, &MainWindow::optimise);
    connect(makeAction(this, "actionExportCanvas", tr("Export &Canvas…"),
                       tr("Save the topology picture as PNG, SVG or PDF"), {}),
            &QAction::triggered, this, &MainWindow::exportCanvas);
    connect(
        makeAction(this, "actionQuit", tr("&Quit"), tr("Close HGC Studio"), {QKeySequence::Quit}),
        &QAction::triggered, this, &QWidget::close);

    // Edit
    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcuts(QKeySequence::Undo);
    undo->setIcon(QApplication::style()->standardIcon(QStyle::SP_ArrowBack));
    undo->setToolTip(tr("Undo the last edit (Ctrl+Z)"));
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIcon(QApplication::style()->standardIcon(QStyle::SP_ArrowForward));
    redo->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    connect(makeAction(this, "actionAddEdge", tr("Add &Edge"), tr("Add an edge with three workers"),
                       {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)}),
            &QAction::triggered, this, &MainWindow::addEdge);
    connect(
        makeAction(this, "actionAddWorkers", tr("Add &Worker"),
                   tr("Add a worker to each selected edge (or the edge of a selected worker)"),
                   {QKeySequence(Qt::Key_Insert), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)}),
        &QAction::triggered, this, &MainWindow::addWorkers);
    connect(makeAction(this, "actionDuplicateEdge", tr("&Duplicate Edge"),
                       tr("Copy the selected edges with their workers"),
                       {QKeySequence(Qt::CTRL | Qt::Key_D)}),
            &QAction::triggered, this, &MainWindow::duplicateEdges);
    connect(makeAction(this, "actionDelete", tr("De&lete"), tr("Delete the selected nodes"),
                       {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)},
                       QStyle::SP_TrashIcon),
            &QAction::triggered, this, &MainWindow::deleteSelection);
    connect(makeAction(this, "actionSelectAll", tr("Select &All"), tr("Select every node"),
                       {QKeySequence::SelectAll}),
            &QAction::triggered, this, [this] {
                NodeRefs all;
                const Scenario& s = document_->scenario();
                for (int i = 0; i < static_cast<int>(s.edges.size()); ++i) {
                    all.push_back(NodeRef::ofEdge(i));
                    for (int j = 0; j < static_cast<int>(s.edges[i].workers.size()); ++j)
                        all.push_back(NodeRef::ofWorker(i, j));
                }
                scene_->selectNodes(all);
            });
    connect(
        makeAction(
            this, "actionHeterogeneity", tr("Make &Heterogeneous…"),
            tr("Give the selected workers (or all) different speeds and stragglers, from a seed"),
            {QKeySequence(Qt::CTRL | Qt::Key_H)}),
        &QAction::triggered, this, &MainWindow::makeHeterogeneous);
    connect(makeAction(this, "actionResetLayout", tr("&Reset Layout"),
                       tr("Put the selected nodes (or all) back in the automatic tree layout"),
                       {QKeySequence(Qt::CTRL | Qt::Key_L)}),
            &QAction::triggered, this, &MainWindow::resetLayout);

    // View
    connect(makeAction(this, "actionZoomIn", tr("Zoom &In"), tr("Zoom in"), {QKeySequence::ZoomIn}),
            &QAction::triggered, view_, &TopologyView::zoomIn);
    connect(
        makeAction(this, "actionZoomOut", tr("Zoom &Out"), tr("Zoom out"), {QKeySequence::ZoomOut}),
        &QAction::triggered, view_, &TopologyView::zoomOut);
    connect(makeAction(this, "actionFit", tr("&Fit to Window"), tr("Show the whole topology"),
                       {QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::Key_F)}),
            &QAction::triggered, view_, &TopologyView::fitAll);
    connect(makeAction(this, "actionActualSize", tr("Actual &Size"), tr("Zoom to 100%"),
                       {QKeySequence(Qt::CTRL | Qt::Key_1)}),
            &QAction::triggered, view_, &TopologyView::resetZoom);
    connect(makeAction(this, "actionEvaluate", tr("Re-&evaluate"),
                       tr("Evaluate the scenario again now"), {QKeySequence(Qt::Key_F5)},
                       QStyle::SP_BrowserReload),
            &QAction::triggered, runner_, &EvaluationRunner::evaluateNow);

    // The canvas's context menu.
    view_->addAction(action("actionAddWorkers"));
    view_->addAction(action("actionDuplicateEdge"));
    view_->addAction(action("actionDelete"));
    auto* sep = new QAction(this);
    sep->setSeparator(true);
    view_->addAction(sep);
    view_->addAction(action("actionHeterogeneity"));
    view_->addAction(action("actionResetLayout"));
    view_->addAction(action("actionAddEdge"));
    // Delete and Insert should work when the canvas has the focus, not while typing a value.
    for (const char* name : {"actionDelete", "actionAddWorkers"})
        action(name)->setShortcutContext(Qt::WidgetWithChildrenShortcut);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action("actionNew"));
    file->addAction(action("actionOpen"));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    examplesMenu_ = file->addMenu(tr("E&xamples"));
    file->addSeparator();
    file->addAction(action("actionSave"));
    file->addAction(action("actionSaveAs"));
    file->addAction(action("actionExport"));
    file->addAction(action("actionExportCanvas"));
    file->addSeparator();
    file->addAction(action("actionQuit"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action("actionUndo"));
    edit->addAction(action("actionRedo"));
    edit->addSeparator();
    edit->addAction(action("actionAddEdge"));
    edit->addAction(action("actionAddWorkers"));
    edit->addAction(action("actionDuplicateEdge"));
    edit->addAction(action("actionDelete"));
    edit->addSeparator();
    edit->addAction(action("actionSelectAll"));
    edit->addAction(action("actionHeterogeneity"));
    edit->addAction(action("actionResetLayout"));
    edit->addSeparator();
    edit->addAction(action("actionOptimise"));

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(action("actionZoomIn"));
    viewMenu_->addAction(action("actionZoomOut"));
    viewMenu_->addAction(action("actionFit"));
    viewMenu_->addAction(action("actionActualSize"));
    viewMenu_->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        viewMenu_->addAction(d->toggleViewAction());
    viewMenu_->addSeparator();
    QMenu* themes = viewMenu_->addMenu(tr("&Theme"));
    auto* group = new QActionGroup(this);
    const Theme current = themeByName(QSettings().value(QStringLiteral("theme")).toString());
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        const QString label = t == Theme::System  ? tr("&System")
                              : t == Theme::Light ? tr("&Light")
                                                  : tr("&Dark");
        QAction* a = themes->addAction(label);
        a->setObjectName(QStringLiteral("actionTheme_") + themeName(t));
        a->setCheckable(true);
        a->setChecked(t == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [t] {
            applyTheme(t);
            QSettings().setValue(QStringLiteral("theme"), themeName(t));
        });
    }

    QMenu* evaluate = menuBar()->addMenu(tr("E&valuate"));
    evaluate->addAction(action("actionEvaluate"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About HGC Studio"), this, [this] {
        QMessageBox::about(
            this, tr("About HGC Studio"),
            tr("<h3>HGC Studio</h3><p>Hierarchical gradient coding for distributed "
               "learning at edge devices (Tang et al., arXiv 2406.10831): build a "
               "cluster, choose a scheme, and see the expected iteration time.</p>"
               "<p>Drag nodes to arrange them; wheel to zoom; middle button or "
               "Space+drag to pan; Ctrl+click or a rectangle to select several.</p>"));
    });

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(action("actionNew"));
    bar->addAction(action("actionOpen"));
    bar->addAction(action("actionSave"));
    bar->addSeparator();
    bar->addAction(action("actionUndo"));
    bar->addAction(action("actionRedo"));
    bar->addSeparator();
    bar->addAction(action("actionAddEdge"));
    bar->addAction(action("actionAddWorkers"));
    bar->addAction(action("actionDuplicateEdge"));
    bar->addAction(action("actionDelete"));
    bar->addSeparator();
    bar->addAction(action("actionHeterogeneity"));
    bar->addAction(action("actionOptimise"));
    bar->addAction(action("actionFit"));
}

} // namespace hgc::ui
