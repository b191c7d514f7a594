#pragma once
// The HGC Studio window: the canvas in the middle, properties on the left, results and the
// scheme on the right, the undo history on demand. It wires the document to its views and
// holds the File/Edit/View actions; the work itself is done by the document (edits), the
// runner (evaluation) and the panels.
#include <QMainWindow>
#include <functional>

#include "document/file_error.h"
#include "document/heterogeneity.h"
#include "document/node_ref.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QUndoView;

namespace hgc {
struct Scenario;
}

namespace hgc::charts {
class ChartsPanel;
}

namespace hgc::ui {

class AnimationPanel;
class Autosaver;
class EvaluationRunner;
class PropertiesPanel;
class RecentFiles;
class ResultsPanel;
class ScenarioDocument;
class SchemePanel;
class TrainingPanel;
class TopologyScene;
class TopologyView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// The built-in scenario that New and a start without a file open.
    static QString defaultScenarioPath() { return QStringLiteral(":/scenarios/default.json"); }

    /// `interactive` false: never ask anything (tests, --screenshot); dialogs are skipped and
    /// errors go to the status bar and `lastError()`.
    explicit MainWindow(bool interactive = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument* document() const { return document_; }
    TopologyScene* scene() const { return scene_; }
    TopologyView* view() const { return view_; }
    EvaluationRunner* runner() const { return runner_; }
    Autosaver* autosaver() const { return autosaver_; }
    PropertiesPanel* propertiesPanel() const { return properties_; }
    SchemePanel* schemePanel() const { return scheme_; }
    ResultsPanel* resultsPanel() const { return results_; }
    charts::ChartsPanel* chartsPanel() const { return charts_; }
    AnimationPanel* animationPanel() const { return animation_; }
    QAction* action(const QString& objectName) const;

    /// Opens a file into the window (asking about unsaved changes first when interactive).
    bool openFile(const QString& path);
    /// Starts a new untitled document from a built-in scenario (":/scenarios/x.json").
    bool newFromResource(const QString& resource);
    const FileError& lastError() const { return lastError_; }
    /// Offers to restore an autosaved copy left by a crash (interactive only).
    void offerAutosaveRestore();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createBottomDocks(const std::function<QDockWidget*(const QString&, const QString&,
                                                            QWidget*, Qt::DockWidgetArea)>& dock);
    void createStatusBar();
    void restoreSettings();
    void updateTitle();
    void updateActions();
    void showFileError(const QString& what, const FileError& error);

    // File actions (file_actions.cpp).
    bool maybeSave();
    void newDocument();
    void openDialog();
    bool save();
    bool saveAs();
    void exportScenario();
    void exportCanvas();
    void rebuildRecentMenu();
    void rebuildExamplesMenu();

    // Edit actions (edit_actions.cpp).
    void addEdge();
    void addWorkers();
    void deleteSelection();
    void duplicateEdges();
    void makeHeterogeneous();
    void resetLayout();
    void optimise();

    bool interactive_;
    ScenarioDocument* document_;
    TopologyScene* scene_;
    TopologyView* view_;
    EvaluationRunner* runner_;
    Autosaver* autosaver_;
    RecentFiles* recent_;
    PropertiesPanel* properties_ = nullptr;
    SchemePanel* scheme_ = nullptr;
    ResultsPanel* results_ = nullptr;
    QUndoView* history_ = nullptr;
    charts::ChartsPanel* charts_ = nullptr;
    AnimationPanel* animation_ = nullptr;
    TrainingPanel* training_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* examplesMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QLabel* evaluationStatus_ = nullptr;
    QLabel* zoomStatus_ = nullptr;
    QLabel* sizeStatus_ = nullptr;
    FileError lastError_;
    HeterogeneityParams lastHeterogeneity_;
    QString untitledName_;
};

} // namespace hgc::ui
