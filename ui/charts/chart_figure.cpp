#include "charts/chart_figure.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QPainter>

#include "charts/chart_style.h"
#include "charts/wrapped_legend.h"

namespace hgc::charts {

ChartFigure::ChartFigure() {
    scene_.setBackgroundBrush(Qt::white);
    title_ = scene_.addSimpleText(QString(), chartFont(kTitlePixels, true));
}

ChartFigure::~ChartFigure() = default; // the scene deletes its items, charts included

void ChartFigure::setTitle(const QString& title, const QString& caption) {
    title_->setText(title);
    for (QGraphicsSimpleTextItem* line : caption_)
        delete line;
    caption_.clear();
    for (const QString& text : caption.split('\n', Qt::SkipEmptyParts)) {
        auto* line = scene_.addSimpleText(text, chartFont(kSubtitlePixels));
        line->setBrush(QColor(80, 80, 80));
        caption_.push_back(line);
    }
    setSize(size_);
}

QString ChartFigure::title() const {
    return title_->text();
}

QChart* ChartFigure::addChart(const QString& panelTitle, double weight) {
    auto* chart = new QChart;
    applyChartStyle(chart, panelTitle);
    chart->legend()->hide();
    scene_.addItem(chart);
    auto* legend = new WrappedLegend(chart);
    scene_.addItem(legend);
    legends_.push_back(legend);
    charts_.push_back(chart);
    weights_.push_back(weight);
    setSize(size_);
    return chart;
}

void ChartFigure::setSize(const QSizeF& size) {
    size_ = size;
    scene_.setSceneRect(QRectF(QPointF(0, 0), size));
    qreal top = 8;
    std::vector<QGraphicsSimpleTextItem*> lines{title_};
    lines.insert(lines.end(), caption_.begin(), caption_.end());
    for (QGraphicsSimpleTextItem* text : lines) {
        if (text->text().isEmpty()) continue;
        const QRectF box = text->boundingRect();
        text->setPos((size.width() - box.width()) / 2, top);
        top += box.height() + 2;
    }
    double total = 0;
    for (double w : weights_)
        total += w;
    qreal left = 0;
    for (std::size_t i = 0; i < charts_.size(); ++i) {
        const qreal width = size.width() * weights_[i] / total;
        constexpr qreal kInset = 12, kBottom = 8;
        const qreal legendHeight = legends_[i]->layout(width - 2 * kInset);
        const qreal chartHeight = size.height() - top - legendHeight - kBottom;
        legends_[i]->setPos(left + kInset, top + chartHeight);
        charts_[i]->setGeometry(QRectF(left, top, width, chartHeight));
        // Lay out now rather than at the next event-loop turn: exports render at once.
        if (charts_[i]->layout()) charts_[i]->layout()->activate();
        left += width;
    }
}

void ChartFigure::render(QPainter& painter, const QRectF& target) {
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene_.render(&painter, target, QRectF(QPointF(0, 0), size_), Qt::IgnoreAspectRatio);
}

} // namespace hgc::charts
