#include "animation/comparison_bars.h"

#include <QPainter>
#include <cmath>

#include "animation/animation_colors.h"

namespace hgc::ui {
namespace {
constexpr int kRow = 24;
constexpr int kLabel = 150;
constexpr int kValue = 96;
} // namespace

ComparisonBars::ComparisonBars(QWidget* parent) : QWidget(parent) {
    setToolTip(tr("The same iteration (the same random delays) under each scheme: a bar grows "
                  "with the time cursor and stops when that scheme's master has decoded."));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize ComparisonBars::sizeHint() const {
    return {420, int(bars_.size()) * kRow + 40};
}
QSize ComparisonBars::minimumSizeHint() const {
    return {260, int(bars_.size()) * kRow + 40};
}

void ComparisonBars::setRuns(const std::vector<SchemeRun>& runs, double endTime) {
    bars_.clear();
    for (const SchemeRun& r : runs)
        bars_.push_back({r.label, r.trace.time});
    end_ = endTime > 0.0 ? endTime : 1.0;
    updateGeometry();
    update();
}

void ComparisonBars::setTime(double t) {
    if (t == time_) return;
    time_ = t;
    update();
}

QString ComparisonBars::verdict() const {
    if (bars_.size() < 2) return {};
    auto finished = [&](const Bar& b) { return time_ >= (std::isfinite(b.time) ? b.time : end_); };
    const Bar& mine = bars_.front();
    if (!finished(mine)) return {};
    QStringList parts;
    for (std::size_t i = 1; i < bars_.size(); ++i) {
        const Bar& other = bars_[i];
        if (!finished(other)) continue;
        const bool mineOk = std::isfinite(mine.time), otherOk = std::isfinite(other.time);
        if (!mineOk && !otherOk) continue;
        if (!otherOk)
            parts << tr("while %1 fails").arg(other.label);
        else if (!mineOk)
            parts << tr("never, while %1 takes %2").arg(other.label).arg(other.time, 0, 'g', 3);
        else if (mine.time <= other.time)
            parts
                << tr("%1× sooner than %2").arg(other.time / mine.time, 0, 'f', 2).arg(other.label);
        else
            parts
                << tr("%1× later than %2").arg(mine.time / other.time, 0, 'f', 2).arg(other.label);
    }
    if (parts.isEmpty()) return {};
    return tr("On these draws %1 finishes %2.").arg(mine.label, parts.join(tr(", ")));
}

void ComparisonBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const double trackWidth = std::max(40, width() - kLabel - kValue - 8);
    QFont f = font();
    f.setPixelSize(11);
    p.setFont(f);
    for (std::size_t i = 0; i < bars_.size(); ++i) {
        const Bar& b = bars_[i];
        const double y = 4 + i * kRow;
        p.setPen(pal.color(QPalette::Text));
        QFont lf = f;
        lf.setBold(i == 0);
        p.setFont(lf);
        p.drawText(QRectF(4, y, kLabel - 8, kRow - 4), Qt::AlignLeft | Qt::AlignVCenter, b.label);
        p.setFont(f);
        const QRectF track(kLabel, y + 4, trackWidth, kRow - 12);
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::AlternateBase));
        p.drawRoundedRect(track, 4, 4);
        const bool done = std::isfinite(b.time) && time_ >= b.time;
        const double shown = std::min(time_, std::isfinite(b.time) ? b.time : end_);
        QColor fill = done ? animation_colors::complete() : animation_colors::compute();
        if (!std::isfinite(b.time) && time_ >= end_) fill = animation_colors::failed();
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(track.left(), track.top(),
                                 track.width() * std::clamp(shown / end_, 0.0, 1.0),
                                 track.height()),
                          4, 4);
        if (std::isfinite(b.time)) {
            const double x = track.left() + track.width() * std::clamp(b.time / end_, 0.0, 1.0);
            p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
            p.drawLine(QPointF(x, track.top() - 3), QPointF(x, track.bottom() + 3));
        }
        p.setPen(pal.color(QPalette::Text));
        const QString value = !std::isfinite(b.time)
                                  ? (time_ >= end_ ? tr("fails") : tr("running…"))
                              : done ? tr("T = %1").arg(b.time, 0, 'g', 4)
                                     : tr("running…");
        p.drawText(QRectF(kLabel + trackWidth + 8, y, kValue, kRow - 4),
                   Qt::AlignLeft | Qt::AlignVCenter, value);
    }
    const QString v = verdict();
    if (!v.isEmpty()) {
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(4, 4 + bars_.size() * kRow, width() - 8, 34),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, v);
    }
}

} // namespace hgc::ui
