#include "evaluation/number_format.h"

#include <cmath>

namespace hgc::ui {

QString formatTime(double t) {
    if (std::isnan(t)) return QStringLiteral("–");
    if (!std::isfinite(t)) return QStringLiteral("∞");
    return QString::number(t, 'g', 4);
}

QString formatProbability(double p) {
    if (p <= 0.0) return QStringLiteral("0");
    if (p < 1e-4) return QString::number(p, 'e', 1);
    return QString::number(100.0 * p, 'g', 3) + QLatin1Char('%');
}

QString formatLoad(double l) {
    return QString::number(l, 'g', 3) + QStringLiteral(" (") + QString::number(100.0 * l, 'g', 3) +
           QStringLiteral("%)");
}

} // namespace hgc::ui
