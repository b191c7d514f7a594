#include "animation/overlay_items.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <cmath>
#include <numbers>

#include "animation/animation_colors.h"

namespace hgc::ui {
namespace {

namespace colors = animation_colors;

QFont overlayFont(int pixels, bool bold) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

const QFont& tagFont() {
    static const QFont f = overlayFont(11, true);
    return f;
}

const QFont& badgeFont() {
    static const QFont f = overlayFont(11, false);
    return f;
}

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

/// Every item of the overlay is a pure view: not selectable, not movable, no mouse.
void makeInert(QGraphicsItem* item) {
    item->setAcceptedMouseButtons(Qt::NoButton);
    item->setAcceptHoverEvents(false);
    item->setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
}

QRectF exposed(const QStyleOptionGraphicsItem* option, const QRectF& fallback) {
    return option && !option->exposedRect.isEmpty() ? option->exposedRect : fallback;
}

} // namespace

OverlayRoot::OverlayRoot() {
    setFlag(ItemHasNoContents);
    setAcceptedMouseButtons(Qt::NoButton);
}

// --- WorkerMarksLayer ------------------------------------------------------------------

void WorkerMarksLayer::setWorkers(const std::vector<QPointF>& positions,
                                  const std::vector<float>& slowdowns) {
    makeInert(this);
    positions_ = positions;
    marks_.assign(positions.size(), WorkerMark{});
    slowdownTags_.assign(positions.size(), QString());
    for (std::size_t i = 0; i < slowdowns.size() && i < positions.size(); ++i)
        if (slowdowns[i] > 1.0f)
            slowdownTags_[i] =
                QStringLiteral("×%1").arg(static_cast<double>(slowdowns[i]), 0, 'g', 3);
    recomputeBounds();
    update();
}

void WorkerMarksLayer::setPosition(std::size_t worker, QPointF position) {
    if (positions_[worker] == position) return;
    update(markRect(worker));
    positions_[worker] = position;
    recomputeBounds();
    update(markRect(worker));
}

void WorkerMarksLayer::setMark(std::size_t worker, WorkerMark mark) {
    if (marks_[worker] == mark) return;
    marks_[worker] = mark;
    update(markRect(worker));
}

QRectF WorkerMarksLayer::markRect(std::size_t worker) const {
    const QPointF c = positions_[worker];
    return QRectF(c.x() - kRadius - 10, c.y() - kRadius - 4, 2 * kRadius + 40, 2 * kRadius + 12);
}

void WorkerMarksLayer::recomputeBounds() {
    QRectF r;
    for (std::size_t i = 0; i < positions_.size(); ++i)
        r = r.united(markRect(i));
    if (r != bounds_) {
        prepareGeometryChange();
        bounds_ = r;
    }
}

void WorkerMarksLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QRectF area = exposed(option, bounds_);
    painter->setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < marks_.size(); ++i) {
        if (!area.intersects(markRect(i))) continue;
        const WorkerMark& m = marks_[i];
        const QPointF c = positions_[i];
        const QRectF body(c.x() - kRadius, c.y() - kRadius, 2 * kRadius, 2 * kRadius);
        switch (m.look) {
        case WorkerMark::Look::Computing:
        case WorkerMark::Look::Ignored: {
            const bool ignored = m.look == WorkerMark::Look::Ignored;
            const QColor base = ignored ? colors::ignored() : colors::compute();
            painter->setPen(QPen(withAlpha(base, 200), ignored ? 2.0 : 2.5,
                                 ignored ? Qt::DashLine : Qt::SolidLine));
            painter->setBrush(ignored ? QBrush(withAlpha(base, 70)) : QBrush(Qt::NoBrush));
            painter->drawEllipse(body);
            if (m.level > 0) {
                // The part below a water line at `level`: a chord of the circle.
                const double p = double(m.level) / kLevels;
                const double phi = std::asin(2.0 * p - 1.0) * 180.0 / std::numbers::pi;
                painter->setPen(Qt::NoPen);
                painter->setBrush(withAlpha(base, ignored ? 120 : 150));
                painter->drawChord(body, int((180.0 - phi) * 16), int((180.0 + 2 * phi) * 16));
            }
            if (ignored) {
                // A "not waited for" sign at the bottom left (the canvas's badges are on top).
                const QRectF sign(c.x() - kRadius - 6, c.y() + kRadius - 12, 16, 16);
                painter->setPen(QPen(Qt::white, 1.5));
                painter->setBrush(colors::ignored());
                painter->drawEllipse(sign);
                painter->setPen(QPen(Qt::white, 2.5, Qt::SolidLine, Qt::RoundCap));
                painter->drawLine(QPointF(sign.left() + 4, sign.center().y()),
                                  QPointF(sign.right() - 4, sign.center().y()));
            }
            break;
        }
        case WorkerMark::Look::Sent:
            painter->setPen(QPen(colors::compute(), 2.5));
            painter->setBrush(withAlpha(colors::compute(), 150));
            painter->drawEllipse(body);
            break;
        case WorkerMark::Look::Counted: {
            // A filled disk with a check mark: distinct from the canvas's own load ring.
            painter->setPen(QPen(Qt::white, 1.5));
            painter->setBrush(withAlpha(colors::complete(), 170));
            painter->drawEllipse(body.adjusted(3, 3, -3, -3));
            painter->setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            const QPointF check[3] = {c + QPointF(-9, 0), c + QPointF(-3, 7), c + QPointF(10, -7)};
            painter->drawPolyline(check, 3);
            break;
        }
        case WorkerMark::Look::Failed: {
            painter->setPen(Qt::NoPen);
            painter->setBrush(withAlpha(colors::failed(), 60));
            painter->drawEllipse(body);
            painter->setPen(QPen(colors::failed(), 4.0, Qt::SolidLine, Qt::RoundCap));
            const double d = kRadius * 0.8;
            painter->drawLine(c + QPointF(-d, -d), c + QPointF(d, d));
            painter->drawLine(c + QPointF(-d, d), c + QPointF(d, -d));
            break;
        }
        }
        if (m.straggled && !slowdownTags_[i].isEmpty()) {
            painter->setFont(tagFont());
            painter->setPen(colors::straggler().darker(130));
            painter->drawText(QRectF(c.x() + kRadius - 4, c.y() + kRadius - 12, 30, 14),
                              Qt::AlignLeft | Qt::AlignVCenter, slowdownTags_[i]);
        }
    }
}

// --- TransitDotsLayer ------------------------------------------------------------------

void TransitDotsLayer::resize(std::size_t dots) {
    makeInert(this);
    dots_.assign(dots, Dot{});
    prepareGeometryChange();
    bounds_ = QRectF();
    update();
}

void TransitDotsLayer::setPath(std::size_t dot, QPointF from, QPointF to) {
    Dot& d = dots_[dot];
    if (d.from == from && d.to == to) return;
    if (d.progress >= 0.0f) update(dotRect(d));
    d.from = from;
    d.to = to;
    const QRectF span = QRectF(from, to).normalized().adjusted(-kRadius - 3, -kRadius - 3,
                                                               kRadius + 3, kRadius + 3);
    if (!bounds_.contains(span)) {
        prepareGeometryChange();
        bounds_ = bounds_.united(span);
    }
    if (d.progress >= 0.0f) update(dotRect(d));
}

QPointF TransitDotsLayer::position(std::size_t dot) const {
    const Dot& d = dots_[dot];
    return d.from + (d.to - d.from) * std::max(0.0f, d.progress);
}

QRectF TransitDotsLayer::dotRect(const Dot& d) const {
    const QPointF p = d.from + (d.to - d.from) * std::max(0.0f, d.progress);
    const double r = kRadius + 3;
    return QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r);
}

void TransitDotsLayer::setDot(std::size_t dot, float progress, Kind kind) {
    Dot& d = dots_[dot];
    const bool wasShown = d.progress >= 0.0f, shown = progress >= 0.0f;
    if (!wasShown && !shown) return;
    if (wasShown && shown && d.kind == kind) {
        const QPointF delta = (d.to - d.from) * (progress - d.progress);
        if (std::abs(delta.x()) + std::abs(delta.y()) < 0.4) return; // not a visible move
    }
    if (wasShown) update(dotRect(d));
    d.progress = progress;
    d.kind = kind;
    if (shown) update(dotRect(d));
}

void TransitDotsLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QRectF area = exposed(option, bounds_);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(Qt::white, 1.5));
    for (const Dot& d : dots_) {
        if (d.progress < 0.0f) continue;
        const QRectF r = dotRect(d);
        if (!area.intersects(r)) continue;
        switch (d.kind) {
        case Kind::Worker:
            painter->setBrush(colors::compute());
            break;
        case Kind::Late:
            painter->setBrush(colors::ignored());
            break;
        case Kind::Edge:
            painter->setBrush(colors::edgeLink());
            break;
        }
        const double radius = d.kind == Kind::Edge ? kRadius + 1.5 : kRadius;
        painter->drawEllipse(r.center(), radius, radius);
    }
}

// --- NodeBadge --------------------------------------------------------------------------

NodeBadge::NodeBadge(QSizeF body) : body_(body) {
    makeInert(this);
}

QRectF NodeBadge::boundingRect() const {
    const QRectF body(-body_.width() / 2, -body_.height() / 2, body_.width(), body_.height());
    const QRectF pill(-pillWidth_ / 2, body.top() - 24, pillWidth_, 19);
    return body.adjusted(-6, -6, 6, 6).united(pill.adjusted(-2, -2, 2, 2));
}

void NodeBadge::setStatus(Status status, const QString& text) {
    if (status == status_ && text == text_) return;
    prepareGeometryChange();
    status_ = status;
    text_ = text;
    pillWidth_ = text_.isEmpty() ? 0.0 : QFontMetricsF(badgeFont()).horizontalAdvance(text_) + 16;
    update();
}

void NodeBadge::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF body(-body_.width() / 2, -body_.height() / 2, body_.width(), body_.height());
    QColor tone = colors::compute();
    switch (status_) {
    case Status::Waiting:
        break;
    case Status::Complete:
        tone = colors::complete();
        painter->setPen(QPen(tone, 4));
        painter->setBrush(withAlpha(tone, 40));
        painter->drawRoundedRect(body.adjusted(-3, -3, 3, 3), 10, 10);
        break;
    case Status::Failed: {
        tone = colors::failed();
        painter->setPen(QPen(tone, 4, Qt::SolidLine, Qt::RoundCap));
        const QRectF x = body.adjusted(body.width() / 2 - body.height() / 2, 2,
                                       -(body.width() / 2 - body.height() / 2), -2);
        painter->drawLine(x.topLeft(), x.bottomRight());
        painter->drawLine(x.bottomLeft(), x.topRight());
        break;
    }
    case Status::Ignored:
        tone = colors::ignored();
        painter->setPen(QPen(tone, 2, Qt::DashLine));
        painter->setBrush(withAlpha(tone, 110));
        painter->drawRoundedRect(body.adjusted(-3, -3, 3, 3), 10, 10);
        break;
    }
    if (text_.isEmpty()) return;
    painter->setFont(badgeFont());
    const QRectF pill(-pillWidth_ / 2, body.top() - 24, pillWidth_, 19);
    painter->setPen(QPen(tone, 1.5));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(pill, 9, 9);
    painter->setPen(tone.darker(140));
    painter->drawText(pill, Qt::AlignCenter, text_);
}

} // namespace hgc::ui
