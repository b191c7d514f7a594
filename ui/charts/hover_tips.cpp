#include "charts/hover_tips.h"

#include <QAbstractAxis>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QToolTip>
#include <QXYSeries>

#include "charts/chart_figure.h"

namespace hgc::charts {

namespace {

QString axisTitle(QAbstractSeries* series, Qt::Orientation orientation) {
    for (QAbstractAxis* axis : series->attachedAxes())
        if (axis->orientation() == orientation) return axis->titleText();
    return orientation == Qt::Horizontal ? QStringLiteral("x") : QStringLiteral("y");
}

void show(bool state, const QString& text) {
    if (state)
        QToolTip::showText(QCursor::pos(), text);
    else
        QToolTip::hideText();
}

QString pointText(QAbstractSeries* series, QPointF p) {
    return QStringLiteral("%1\n%2: %3\n%4: %5")
        .arg(series->name(), axisTitle(series, Qt::Horizontal), QString::number(p.x(), 'g', 6),
             axisTitle(series, Qt::Vertical), QString::number(p.y(), 'g', 6));
}

} // namespace

void attachHoverTips(ChartFigure& figure) {
    for (QChart* chart : figure.charts()) {
        for (QAbstractSeries* series : chart->series()) {
            if (auto* xy = qobject_cast<QXYSeries*>(series)) {
                QObject::connect(xy, &QXYSeries::hovered, xy, [xy](const QPointF& p, bool state) {
                    show(state, pointText(xy, p));
                });
            } else if (auto* area = qobject_cast<QAreaSeries*>(series)) {
                QObject::connect(
                    area, &QAreaSeries::hovered, area,
                    [area](const QPointF& p, bool state) { show(state, pointText(area, p)); });
            } else if (auto* bars = qobject_cast<QBarSeries*>(series)) {
                QObject::connect(bars, &QBarSeries::hovered, bars,
                                 [bars](bool state, int index, QBarSet* set) {
                                     QString category;
                                     for (QAbstractAxis* axis : bars->attachedAxes())
                                         if (auto* c = qobject_cast<QBarCategoryAxis*>(axis))
                                             category = c->at(index);
                                     show(state, QStringLiteral("%1\n%2: %3")
                                                     .arg(category, axisTitle(bars, Qt::Vertical),
                                                          QString::number(set->at(index), 'g', 6)));
                                 });
            }
        }
    }
}

} // namespace hgc::charts
