#pragma once
// The Gantt view of the current iteration: one row per node (the master, then each edge and
// its workers; it scrolls for many), bars for compute and uplink, the edge and master
// completions marked, stragglers that were not waited for in their own colour, failed
// workers hatched, and a cursor at the current time. Click or drag to seek.
#include <QAbstractScrollArea>
#include <QString>
#include <vector>

#include "animation/scheme_run.h"

namespace hgc::ui {

class TimelineWidget : public QAbstractScrollArea {
    Q_OBJECT
public:
    static constexpr int kRowHeight = 16;
    static constexpr int kHeaderHeight = 22;
    static constexpr int kLabelWidth = 84;

    explicit TimelineWidget(QWidget* parent = nullptr);

    /// The run to show (its trace is copied) and the time the axis spans.
    void setRun(const Scenario& scenario, const SchemeRun& run, double endTime);
    void setTime(double t);
    int rowCount() const { return static_cast<int>(rows_.size()); }
    double time() const { return time_; }
    /// Scene of the axis: x of a time in the viewport, and back.
    double xForTime(double t) const;
    double timeAtX(double x) const;

    QSize sizeHint() const override { return {520, 260}; }

signals:
    void seekRequested(double t);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    struct Row {
        enum class Kind { Master, Edge, Worker } kind;
        int index = 0; // into trace.edges or trace.workers
        QString name;
    };
    void updateScrollRange();
    void paintAxis(QPainter& p);
    void paintRow(QPainter& p, const Row& row, int y);
    QRect cursorRect(double t) const;

    SchemeRun run_;
    std::vector<Row> rows_;
    double end_ = 1.0;
    double time_ = 0.0;
};

} // namespace hgc::ui
