#include "charts/wrapped_legend.h"

#include <QAreaSeries>
#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QtMath>

#include "charts/chart_style.h"
#include "charts/series_helpers.h"

namespace hgc::charts {

namespace {

constexpr qreal kSampleWidth = 26;
constexpr qreal kGap = 6;      // between sample and label
constexpr qreal kSpacing = 18; // between entries
constexpr qreal kRowGap = 4;

QPolygonF star(QPointF centre, qreal radius) {
    QPolygonF p;
    for (int i = 0; i < 10; ++i) {
        const qreal r = i % 2 ? radius * 0.45 : radius;
        const qreal a = -M_PI / 2 + i * M_PI / 5;
        p << centre + QPointF(r * std::cos(a), r * std::sin(a));
    }
    return p;
}

} // namespace

WrappedLegend::WrappedLegend(QChart* chart) : chart_(chart) {}

void WrappedLegend::readEntries() {
    entries_.clear();
    for (QLegendMarker* marker : chart_->legend()->markers()) {
        // The chart's legend is hidden, so its markers all are: ask the series instead.
        if (marker->series()->property(kHiddenFromLegend).toBool() || marker->label().isEmpty())
            continue;
        Entry e;
        e.label = marker->label();
        e.pen = marker->pen();
        e.brush = marker->brush();
        QAbstractSeries* series = marker->series();
        if (auto* scatter = qobject_cast<QScatterSeries*>(series)) {
            e.sample = Sample::Marker;
            e.shape = scatter->markerShape();
            e.brush = scatter->brush();
            e.pen = scatter->pen();
        } else if (auto* line = qobject_cast<QLineSeries*>(series)) {
            e.sample = Sample::Line;
            e.pen = line->pen();
            e.points = line->pointsVisible();
        } else if (auto* area = qobject_cast<QAreaSeries*>(series)) {
            e.brush = area->brush();
            e.pen = area->pen();
        }
        entries_.push_back(e);
    }
}

qreal WrappedLegend::layout(qreal width) {
    prepareGeometryChange();
    readEntries();
    const QFontMetricsF metrics(chartFont(kLabelPixels));
    const qreal rowHeight = std::max<qreal>(metrics.height(), 14);
    // Rows are filled greedily, then each row is centred.
    std::vector<std::vector<Entry*>> rows(1);
    qreal used = 0;
    for (Entry& e : entries_) {
        const qreal w = kSampleWidth + kGap + metrics.horizontalAdvance(e.label);
        if (used > 0 && used + kSpacing + w > width) rows.emplace_back(), used = 0;
        used += (used > 0 ? kSpacing : 0) + w;
        e.box = QRectF(0, 0, w, rowHeight);
        rows.back().push_back(&e);
    }
    qreal y = 0;
    for (auto& row : rows) {
        if (row.empty()) continue;
        qreal total = -kSpacing;
        for (Entry* e : row)
            total += e->box.width() + kSpacing;
        qreal x = std::max<qreal>(0, (width - total) / 2);
        for (Entry* e : row) {
            e->box.moveTo(x, y);
            x += e->box.width() + kSpacing;
        }
        y += rowHeight + kRowGap;
    }
    bounds_ = QRectF(0, 0, width, entries_.empty() ? 0 : y);
    update();
    return bounds_.height();
}

QRectF WrappedLegend::boundingRect() const {
    return bounds_;
}

void WrappedLegend::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(chartFont(kLabelPixels));
    for (const Entry& e : entries_) {
        const QRectF sample(e.box.left(), e.box.top(), kSampleWidth, e.box.height());
        const QPointF centre = sample.center();
        switch (e.sample) {
        case Sample::Line: {
            QPen pen = e.pen;
            pen.setCapStyle(Qt::FlatCap);
            painter->setPen(pen);
            painter->drawLine(QPointF(sample.left(), centre.y()),
                              QPointF(sample.right(), centre.y()));
            if (e.points) {
                painter->setBrush(pen.color());
                painter->drawEllipse(centre, 3.5, 3.5);
            }
            break;
        }
        case Sample::Marker:
            painter->setPen(e.pen);
            painter->setBrush(e.brush);
            if (e.shape == QScatterSeries::MarkerShapeStar)
                painter->drawPolygon(star(centre, 8));
            else if (e.shape == QScatterSeries::MarkerShapeRectangle)
                painter->drawRect(QRectF(centre - QPointF(5, 5), QSizeF(10, 10)));
            else
                painter->drawEllipse(centre, 5.5, 5.5);
            break;
        case Sample::Box:
            painter->setPen(e.pen);
            painter->setBrush(e.brush);
            painter->drawRect(QRectF(sample.left() + 3, centre.y() - 6, sample.width() - 6, 12));
            break;
        }
        painter->setPen(Qt::black);
        painter->drawText(QRectF(sample.right() + kGap, e.box.top(), e.box.width(), e.box.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, e.label);
    }
}

} // namespace hgc::charts
