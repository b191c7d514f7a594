#pragma once
// A chart legend that wraps onto as many rows as its width needs. Qt Charts' own legend
// keeps one row and elides the labels, and a figure's labels ("best gc (s=25): 49.2") are
// the point of it. Entries are read from the chart's legend markers (so hideFromLegend()
// still applies); the chart's own legend is hidden.
#include <QGraphicsItem>
#include <QPen>
#include <QScatterSeries>

class QChart;

namespace hgc::charts {

class WrappedLegend : public QGraphicsItem {
public:
    explicit WrappedLegend(QChart* chart);

    /// Re-reads the chart's markers and lays them out in rows of at most `width`; returns
    /// the height needed.
    qreal layout(qreal width);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    enum class Sample { Line, Marker, Box };
    struct Entry {
        QString label;
        Sample sample = Sample::Box;
        QPen pen;
        QBrush brush;
        bool points = false;
        QScatterSeries::MarkerShape shape = QScatterSeries::MarkerShapeCircle;
        QRectF box; // where it is drawn, in item coordinates
    };
    void readEntries();

    QChart* chart_;
    std::vector<Entry> entries_;
    QRectF bounds_;
};

} // namespace hgc::charts
