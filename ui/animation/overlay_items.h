#pragma once
// The few graphics items of the canvas overlay. Each draws many nodes' marks in one item and
// repaints only the rectangles of marks that changed, so that 500 workers animate with a
// constant number of items and no per-frame allocation. None of them can be hit by the mouse
// (empty shape), so clicks, drags and context menus reach the canvas nodes underneath.
#include <QGraphicsObject>
#include <QString>
#include <vector>

namespace hgc::ui {

/// Parent of every overlay item, so that one deletion (or the scene's clear()) takes them all;
/// a QObject, so the overlay notices when the scene deleted it.
class OverlayRoot : public QGraphicsObject {
public:
    OverlayRoot();
    QRectF boundingRect() const override { return {}; }
    QPainterPath shape() const override { return {}; }
    void paint(QPainter*, const QStyleOptionGraphicsItem*, QWidget*) override {}
};

/// What a worker looks like at one moment.
struct WorkerMark {
    enum class Look : unsigned char { Computing, Sent, Counted, Ignored, Failed };
    Look look = Look::Computing;
    unsigned char level = 0; // fill, 0..kLevels (computing progress, quantised)
    bool straggled = false;  // the straggle slowdown struck: a "×f" tag
    bool operator==(const WorkerMark&) const = default;
};

/// Fill, rings and crosses of every worker.
class WorkerMarksLayer : public QGraphicsItem {
public:
    static constexpr int kLevels = 16;
    static constexpr double kRadius = 22.0; // the canvas's worker body

    void setWorkers(const std::vector<QPointF>& positions, const std::vector<float>& slowdowns);
    void setPosition(std::size_t worker, QPointF position);
    /// Repaints the worker's rectangle only if its mark changed.
    void setMark(std::size_t worker, WorkerMark mark);
    const WorkerMark& mark(std::size_t worker) const { return marks_[worker]; }
    std::size_t size() const { return marks_.size(); }

    QRectF boundingRect() const override { return bounds_; }
    QPainterPath shape() const override { return {}; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF markRect(std::size_t worker) const;
    void recomputeBounds();

    std::vector<QPointF> positions_;
    std::vector<WorkerMark> marks_;
    std::vector<QString> slowdownTags_; // "×5", built once per structure
    QRectF bounds_;
};

/// Results on their way: one dot per worker and per edge, reused.
class TransitDotsLayer : public QGraphicsItem {
public:
    static constexpr double kRadius = 5.5;
    enum class Kind : unsigned char { Worker, Late, Edge };

    void resize(std::size_t dots);
    void setPath(std::size_t dot, QPointF from, QPointF to);
    /// progress < 0 hides the dot. Repaints only when it moved by a visible amount.
    void setDot(std::size_t dot, float progress, Kind kind);
    bool visible(std::size_t dot) const { return dots_[dot].progress >= 0.0f; }
    QPointF position(std::size_t dot) const;
    std::size_t size() const { return dots_.size(); }

    QRectF boundingRect() const override { return bounds_; }
    QPainterPath shape() const override { return {}; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Dot {
        QPointF from, to;
        float progress = -1.0f;
        Kind kind = Kind::Worker;
    };
    QRectF dotRect(const Dot& d) const;

    std::vector<Dot> dots_;
    QRectF bounds_;
};

/// The status of an edge or of the master: an outline around its body, a pill with "k of m
/// arrived", a cross when its uplink fails, greyed when the master went on without it.
class NodeBadge : public QGraphicsItem {
public:
    enum class Status : unsigned char { Waiting, Complete, Failed, Ignored };

    explicit NodeBadge(QSizeF body);
    /// Repaints only when something changed.
    void setStatus(Status status, const QString& text);
    Status status() const { return status_; }
    const QString& text() const { return text_; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override { return {}; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QSizeF body_;
    Status status_ = Status::Waiting;
    QString text_;
    double pillWidth_ = 0.0;
};

} // namespace hgc::ui
