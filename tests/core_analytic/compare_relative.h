#pragma once
// The analytic tests' comparison against closed forms and references.
#include <QString>
#include <QTest>
#include <cmath>

namespace hgc {

/// Fails the test unless |actual - expected| <= tolerance |expected|; NaN fails too.
inline void compareRelative(double actual, double expected, double tolerance) {
    if (!(std::abs(actual - expected) <= tolerance * std::abs(expected)))
        QFAIL(qPrintable(QString("got %1, expected %2 (relative error %3 > %4)")
                             .arg(actual, 0, 'g', 12)
                             .arg(expected, 0, 'g', 12)
                             .arg(std::abs(actual - expected) / std::abs(expected))
                             .arg(tolerance)));
}

} // namespace hgc
