#pragma once
// The Charts area of the app: pick a chart, see it and its table, export it. Give it the
// scenario whenever it changes (setScenario); it recomputes the shown chart in the
// background after a short debounce, with progress and a Cancel button, and never blocks
// the GUI thread. Self-contained: it knows hgc::Scenario, not the app's document.
#include <QWidget>
#include <map>
#include <memory>

#include "charts/chart_request.h"
#include "charts/chart_table_model.h"
#include "charts/figure_builder.h"
#include "charts/figure_export.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace hgc::charts {

class ChartRunner;
class FigureView;

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);
    ~ChartsPanel() override;

    ChartKind kind() const { return request_.kind; }
    bool isBusy() const;
    /// The data of the chart shown (empty until the first result).
    const ChartTableModel& model() const { return *model_; }
    /// The figure shown, nullptr until the first result.
    ChartFigure* figure() const { return figure_.get(); }
    /// Milliseconds between setScenario() and the start of the computation (default 300).
    void setDebounce(int milliseconds);
    /// Time budget of the general-allocation search behind the speed-up chart (default 10 s).
    void setOptimiserSeconds(double seconds);

    /// Writes the chart shown to PATH (.png/.svg/.pdf/.csv); throws InputError with the reason.
    void exportTo(const QString& path, const ImageOptions& options = {}) const;

public slots:
    /// Cheap when nothing a chart depends on changed (node positions are ignored): connect
    /// it to every change of the document.
    void setScenario(const hgc::Scenario& scenario);
    /// Any kind but Training, which the Training tab computes and exports.
    void setKind(hgc::charts::ChartKind kind);
    /// Starts computing the shown chart now (cancelling any computation still running).
    void recompute();
    void cancel();

signals:
    /// A new chart is shown (its model and figure are up to date).
    void chartReady(hgc::charts::ChartKind kind);
    void busyChanged(bool busy);

private:
    void buildControls();
    void showTable(const ChartTable& table);
    void showMessage(const QString& text);
    void requestChanged();
    FigureOptions figureOptions() const;

    std::optional<Scenario> scenario_;
    ChartRequest request_;
    ChartRunner* runner_;
    QTimer* debounce_;
    ChartTableModel* model_;
    std::unique_ptr<ChartFigure> figure_;
    /// Tables already computed for the current scenario, by what was requested.
    std::map<std::tuple<int, bool, long long>, ChartTable> cache_;
    ImageOptions lastImageOptions_;

    QComboBox* kindBox_;
    QCheckBox* reverseBox_;
    QCheckBox* confidenceBox_;
    QProgressBar* progressBar_;
    QPushButton* cancelButton_;
    QToolButton* exportButton_;
    QLabel* message_;
    QTabWidget* tabs_;
    FigureView* view_;
    QTableView* tableView_;
};

} // namespace hgc::charts
