#pragma once
// The current scheme against uncoded (and gc) on the same draws: one bar per scheme that
// fills with the time cursor and stops at that scheme's iteration time, so the gain is seen
// as the bars race, then stated in numbers.
#include <QString>
#include <QWidget>
#include <vector>

#include "animation/scheme_run.h"

namespace hgc::ui {

class ComparisonBars : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonBars(QWidget* parent = nullptr);

    void setRuns(const std::vector<SchemeRun>& runs, double endTime);
    void setTime(double t);
    /// "hgc finishes 1.84× sooner than uncoded on these draws", once every run is done.
    QString verdict() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Bar {
        QString label;
        double time = 0.0; // +inf when the iteration fails
    };
    std::vector<Bar> bars_;
    double end_ = 1.0;
    double time_ = 0.0;
};

} // namespace hgc::ui
