#pragma once
// How the studio writes numbers: times with four significant digits, probabilities as
// percentages, infinities as "∞".
#include <QString>

namespace hgc::ui {

QString formatTime(double t);
QString formatProbability(double p);
QString formatLoad(double l); // a fraction of the data set, e.g. "0.125 (12.5%)"

} // namespace hgc::ui
