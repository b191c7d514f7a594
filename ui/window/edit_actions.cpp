// MainWindow: the canvas edits (add, delete, duplicate, heterogeneity, layout).
#include <QMessageBox>
#include <QStatusBar>
#include <set>

#include "canvas/topology_scene.h"
#include "document/scenario_document.h"
#include "window/heterogeneity_dialog.h"
#include "window/main_window.h"
#include "window/optimise_dialog.h"

namespace hgc::ui {

void MainWindow::addEdge() {
    const NodeRef added = document_->addEdge(3);
    if (document_->contains(added)) scene_->selectNodes({added});
}

void MainWindow::addWorkers() {
    std::set<int> edges;
    for (const NodeRef& r : scene_->selectedNodes())
        edges.insert(r.edge);
    NodeRefs added;
    // Several edges: one undo step for the whole click.
    const bool macro = edges.size() > 1;
    if (macro) document_->undoStack()->beginMacro(tr("Add workers"));
    for (int e : edges)
        added += document_->addWorkers(e, 1);
    if (macro) document_->undoStack()->endMacro();
    if (!added.isEmpty()) scene_->selectNodes(added);
}

void MainWindow::deleteSelection() {
    const NodeRefs sel = scene_->selectedNodes();
    if (sel.isEmpty()) return;
    scene_->clearSelection();
    const QString error = document_->removeNodes(sel);
    if (error.isEmpty()) return;
    scene_->selectNodes(sel);
    statusBar()->showMessage(tr("Not deleted: %1").arg(error), 8000);
    if (interactive_) QMessageBox::information(this, tr("Cannot delete"), error);
}

void MainWindow::duplicateEdges() {
    NodeRefs edges, copies;
    for (const NodeRef& r : scene_->selectedNodes())
        if (r.isEdge()) edges.push_back(r);
    const bool macro = edges.size() > 1;
    if (macro) document_->undoStack()->beginMacro(tr("Duplicate edges"));
    for (const NodeRef& r : edges) {
        const NodeRef copy = document_->duplicateEdge(r.edge);
        if (document_->contains(copy)) copies.push_back(copy);
    }
    if (macro) document_->undoStack()->endMacro();
    scene_->selectNodes(copies);
}

void MainWindow::makeHeterogeneous() {
    const NodeRefs sel = scene_->selectedNodes();
    const int count = static_cast<int>(heterogeneityTargets(document_->scenario(), sel).size());
    const QString scope =
        sel.isEmpty()
            ? tr("all %1 workers").arg(count)
            : tr("the %1 selected workers (a selected edge stands for its workers)").arg(count);
    HeterogeneityDialog dialog(scope, lastHeterogeneity_, this);
    if (dialog.exec() != QDialog::Accepted) return;
    lastHeterogeneity_ = dialog.params();
    const int changed = document_->applyHeterogeneity(sel, lastHeterogeneity_);
    statusBar()->showMessage(
        tr("%1 workers made heterogeneous (seed %2)").arg(changed).arg(lastHeterogeneity_.seed),
        5000);
}

void MainWindow::resetLayout() {
    document_->resetLayout(scene_->selectedNodes());
}

void MainWindow::optimise() {
    if (!interactive_) return;
    auto* dialog = new OptimiseDialog(document_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // window-modal but non-blocking: the window keeps painting while it runs
}

} // namespace hgc::ui
