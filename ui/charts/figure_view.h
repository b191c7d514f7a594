#pragma once
// Shows a ChartFigure on screen, laid out at the view's size (the export lays its own copy
// out at the export's size, so exporting never disturbs what is shown).
#include <QGraphicsView>

namespace hgc::charts {

class ChartFigure;

class FigureView : public QGraphicsView {
    Q_OBJECT
public:
    explicit FigureView(QWidget* parent = nullptr);
    /// Shows `figure` (not owned; nullptr shows nothing).
    void setFigure(ChartFigure* figure);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fit();
    ChartFigure* figure_ = nullptr;
};

} // namespace hgc::charts
