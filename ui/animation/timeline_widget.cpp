#include "animation/timeline_widget.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <cmath>

#include "animation/animation_colors.h"

namespace hgc::ui {
namespace {

namespace colors = animation_colors;

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

/// A step of 1, 2 or 5 times a power of ten giving about `ticks` ticks over `span`.
double niceStep(double span, int ticks) {
    const double raw = span / std::max(ticks, 1);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * p >= raw) return m * p;
    return 10.0 * p;
}

void diamond(QPainter& p, QPointF c, double r, const QColor& color) {
    const QPointF pts[4] = {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r),
                            c + QPointF(-r, 0)};
    p.setPen(QPen(Qt::white, 1));
    p.setBrush(color);
    p.drawPolygon(pts, 4);
}

} // namespace

TimelineWidget::TimelineWidget(QWidget* parent) : QAbstractScrollArea(parent) {
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    verticalScrollBar()->setSingleStep(kRowHeight);
    setToolTip(tr("Timeline of this iteration: one row per node.\n"
                  "Dark bar: computing; light bar: uplink; diamond: an edge or the master "
                  "decoded.\nOrange: a straggler that was not waited for; hatched red: "
                  "no answer.\nClick or drag to move the time cursor."));
}

void TimelineWidget::setRun(const Scenario& scenario, const SchemeRun& run, double endTime) {
    run_ = run;
    end_ = endTime > 0.0 ? endTime : 1.0;
    rows_.clear();
    rows_.push_back({Row::Kind::Master, -1, tr("master")});
    std::size_t first = 0;
    for (std::size_t i = 0; i < run_.trace.edges.size(); ++i) {
        const Edge& e = scenario.edges[run_.trace.edges[i].edge];
        rows_.push_back({Row::Kind::Edge, int(i), QString::fromStdString(e.name)});
        const std::size_t count = run_.scheme.edges[i].workers.size();
        for (std::size_t k = first; k < first + count; ++k) {
            const WorkerTrace& w = run_.trace.workers[k];
            rows_.push_back(
                {Row::Kind::Worker, int(k),
                 QStringLiteral("  ") + QString::fromStdString(e.workers[w.worker].name)});
        }
        first += count;
    }
    updateScrollRange();
    viewport()->update();
}

void TimelineWidget::setTime(double t) {
    if (t == time_) return;
    const QRect before = cursorRect(time_);
    time_ = t;
    viewport()->update(before.united(cursorRect(time_)));
}

double TimelineWidget::xForTime(double t) const {
    const double width = std::max(10, viewport()->width() - kLabelWidth - 12);
    return kLabelWidth + std::clamp(t / end_, 0.0, 1.05) * width;
}

double TimelineWidget::timeAtX(double x) const {
    const double width = std::max(10, viewport()->width() - kLabelWidth - 12);
    return std::clamp((x - kLabelWidth) / width, 0.0, 1.0) * end_;
}

QRect TimelineWidget::cursorRect(double t) const {
    const int x = int(std::round(xForTime(t)));
    return QRect(x - 3, 0, 7, viewport()->height());
}

void TimelineWidget::updateScrollRange() {
    const int content = rowCount() * kRowHeight + kHeaderHeight + 4;
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0, std::max(0, content - viewport()->height()));
}

void TimelineWidget::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) emit seekRequested(timeAtX(event->position().x()));
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) emit seekRequested(timeAtX(event->position().x()));
}

void TimelineWidget::paintEvent(QPaintEvent* event) {
    QPainter p(viewport());
    p.setClipRect(event->rect());
    const QPalette& pal = palette();
    const int scroll = verticalScrollBar()->value();
    const int firstRow = std::max(0, (event->rect().top() - kHeaderHeight + scroll) / kRowHeight);
    const int lastRow =
        std::min(rowCount() - 1, (event->rect().bottom() - kHeaderHeight + scroll) / kRowHeight);
    p.save();
    p.setClipRect(QRect(0, kHeaderHeight, viewport()->width(), viewport()->height())
                      .intersected(event->rect()));
    for (int r = firstRow; r <= lastRow; ++r) {
        const int y = kHeaderHeight + r * kRowHeight - scroll;
        if (r % 2) p.fillRect(QRect(0, y, viewport()->width(), kRowHeight), pal.alternateBase());
        paintRow(p, rows_[r], y);
    }
    p.restore();
    paintAxis(p);
    const double x = xForTime(time_);
    p.setPen(QPen(colors::cursor(), 2));
    p.drawLine(QPointF(x, kHeaderHeight - 6), QPointF(x, viewport()->height()));
}

void TimelineWidget::paintAxis(QPainter& p) {
    const QPalette& pal = palette();
    p.fillRect(QRect(0, 0, viewport()->width(), kHeaderHeight), pal.base());
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(kLabelWidth, kHeaderHeight - 1, viewport()->width(), kHeaderHeight - 1);
    QFont f = font();
    f.setPixelSize(10);
    p.setFont(f);
    const double step = niceStep(end_, std::max(2, (viewport()->width() - kLabelWidth) / 70));
    for (double t = 0.0; t <= end_ * 1.0001; t += step) {
        const double x = xForTime(t);
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(QPointF(x, kHeaderHeight - 5), QPointF(x, kHeaderHeight - 1));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(x - 30, 2, 60, kHeaderHeight - 8), Qt::AlignCenter,
                   QString::number(t, 'g', 4));
    }
    p.drawText(QRectF(4, 2, kLabelWidth - 8, kHeaderHeight - 6), Qt::AlignLeft | Qt::AlignVCenter,
               tr("t = %1").arg(time_, 0, 'g', 4));
}

void TimelineWidget::paintRow(QPainter& p, const Row& row, int y) {
    const QPalette& pal = palette();
    QFont f = font();
    f.setPixelSize(10);
    p.setFont(f);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(4, y, kLabelWidth - 8, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter,
               row.kind == Row::Kind::Master ? QStringLiteral("master") : row.name);
    const double mid = y + kRowHeight / 2.0;
    const double barTop = y + 3, barHeight = kRowHeight - 6;
    auto bar = [&](double from, double to, const QBrush& brush) {
        if (!(to > from)) return;
        const double x0 = xForTime(from), x1 = xForTime(std::min(to, end_ * 1.05));
        p.fillRect(QRectF(x0, barTop, std::max(1.0, x1 - x0), barHeight), brush);
    };
    p.setRenderHint(QPainter::Antialiasing);
    switch (row.kind) {
    case Row::Kind::Master: {
        const IterationTrace& t = run_.trace;
        if (std::isfinite(t.time)) {
            p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
            p.drawLine(QPointF(xForTime(0), mid), QPointF(xForTime(t.time), mid));
            diamond(p, QPointF(xForTime(t.time), mid), 6, colors::complete());
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QPointF(xForTime(t.time) + 9, mid + 4), tr("T = %1").arg(t.time, 0, 'g', 4));
        } else {
            p.setPen(colors::failed());
            p.drawText(QPointF(xForTime(0) + 4, mid + 4), tr("fails: too few answers"));
        }
        break;
    }
    case Row::Kind::Edge: {
        const EdgeTrace& e = run_.trace.edges[row.index];
        if (run_.scheme.flat) {
            p.setPen(pal.color(QPalette::Mid));
            p.drawText(QPointF(xForTime(0) + 4, mid + 4), tr("relays its workers' results"));
            break;
        }
        if (!std::isfinite(e.done)) {
            p.setPen(colors::failed());
            p.drawText(QPointF(xForTime(0) + 4, mid + 4), tr("cannot decode"));
            break;
        }
        if (e.done > end_) {
            p.setPen(pal.color(QPalette::Mid));
            p.drawText(
                QPointF(xForTime(0) + 4, mid + 4),
                tr("would decode at t = %1, after the master is done").arg(e.done, 0, 'g', 4));
            break;
        }
        p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
        p.drawLine(QPointF(xForTime(0), mid), QPointF(xForTime(e.done), mid));
        const QColor tone = e.waitedFor ? colors::edgeLink() : colors::ignored();
        if (e.uplinkFailed)
            bar(e.done, end_ * 1.05, QBrush(withAlpha(colors::failed(), 160), Qt::BDiagPattern));
        else
            bar(e.done, e.arriveMaster, withAlpha(tone, 170));
        diamond(p, QPointF(xForTime(e.done), mid), 5.5,
                e.waitedFor ? colors::complete() : colors::ignored());
        break;
    }
    case Row::Kind::Worker: {
        const WorkerTrace& w = run_.trace.workers[row.index];
        if (w.failed) {
            // A lost uplink: it computes like the others and fails when it would send.
            const double sends = std::isfinite(w.computeDone) ? w.computeDone : 0.0;
            bar(0.0, sends, colors::straggler());
            bar(sends, end_ * 1.05, QBrush(withAlpha(colors::failed(), 180), Qt::BDiagPattern));
            break;
        }
        const QColor tone = w.waitedFor ? colors::compute() : colors::straggler();
        bar(0.0, w.computeDone, tone);
        if (w.straggled)
            bar(0.0, w.computeDone, QBrush(withAlpha(Qt::white, 150), Qt::FDiagPattern));
        bar(w.computeDone, w.arriveEdge, withAlpha(tone, 110));
        if (run_.scheme.flat) bar(w.arriveEdge, w.arriveMaster, withAlpha(tone, 60));
        break;
    }
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

} // namespace hgc::ui
