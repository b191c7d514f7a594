#pragma once
// A figure: a title, a caption, and one or more charts side by side, all items of one
// QGraphicsScene. It is what the panel shows and what every exporter renders: one
// render(QPainter&) for PNG, SVG and PDF.
#include <QGraphicsScene>
#include <QSizeF>
#include <memory>
#include <vector>

class QChart;
class QGraphicsSimpleTextItem;
class QPainter;

namespace hgc::charts {

class WrappedLegend;

class ChartFigure {
public:
    ChartFigure();
    ~ChartFigure();
    ChartFigure(const ChartFigure&) = delete;
    ChartFigure& operator=(const ChartFigure&) = delete;

    void setTitle(const QString& title, const QString& caption = {});
    QString title() const;
    /// A new chart in the house style, to the right of the others; `weight` is its share
    /// of the width. The figure owns it.
    QChart* addChart(const QString& panelTitle = {}, double weight = 1.0);
    const std::vector<QChart*>& charts() const { return charts_; }

    /// Lays the title, the charts and their legends out in a figure of this logical size
    /// (pixels at 96 dpi). Call it again after adding series: the legends are read here.
    void setSize(const QSizeF& size);
    QSizeF size() const { return size_; }
    QGraphicsScene& scene() { return scene_; }

    /// Paints the figure, laid out at its current size, scaled into `target` on any device.
    void render(QPainter& painter, const QRectF& target);

private:
    QGraphicsScene scene_;
    QGraphicsSimpleTextItem* title_ = nullptr;
    std::vector<QGraphicsSimpleTextItem*> caption_; // one per line, each centred
    std::vector<QChart*> charts_;
    std::vector<WrappedLegend*> legends_; // one under each chart
    std::vector<double> weights_;
    QSizeF size_{768, 480};
};

} // namespace hgc::charts
