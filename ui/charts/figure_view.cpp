#include "charts/figure_view.h"

#include <QResizeEvent>

#include "charts/chart_figure.h"

namespace hgc::charts {

FigureView::FigureView(QWidget* parent) : QGraphicsView(parent) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::white);
    viewport()->setMouseTracking(true); // hover tooltips
    setMinimumSize(320, 220);
}

void FigureView::setFigure(ChartFigure* figure) {
    figure_ = figure;
    setScene(figure ? &figure->scene() : nullptr);
    fit();
}

void FigureView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fit();
}

void FigureView::fit() {
    if (!figure_) return;
    figure_->setSize(QSizeF(viewport()->size()));
    setSceneRect(QRectF(QPointF(0, 0), QSizeF(viewport()->size())));
}

} // namespace hgc::charts
