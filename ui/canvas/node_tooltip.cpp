#include "canvas/node_tooltip.h"

#include <QObject>

namespace hgc::ui {

namespace {
QString notes(const NodeMarks& m) {
    QStringList parts;
    if (m.slow) parts << QObject::tr("slow (mean ≥ %1× the median)").arg(kSlowFactor);
    if (m.straggles) parts << QObject::tr("straggles");
    if (m.fails) parts << QObject::tr("may fail");
    return parts.isEmpty() ? QString()
                           : QStringLiteral("<br><i>%1</i>").arg(parts.join(QStringLiteral(", ")));
}
QString text(const Distribution& d) {
    return QString::fromStdString(describe(d)).toHtmlEscaped();
}
} // namespace

QString workerTooltip(const Worker& w, const NodeMarks& m) {
    return QObject::tr("<b>%1</b>%2<br>compute: %3<br>uplink: %4<br>load: %5 of the data%6")
        .arg(QString::fromStdString(w.name).toHtmlEscaped(),
             w.active ? QString() : QObject::tr(" (inactive)"), text(w.compute), text(w.uplink),
             QString::number(m.load, 'g', 4), notes(m));
}

QString edgeTooltip(const Edge& e, const NodeMarks& m) {
    return QObject::tr("<b>%1</b>%2<br>uplink to the master: %3<br>share: %4 of the data, waits "
                       "for %5 of %6 workers%7")
        .arg(QString::fromStdString(e.name).toHtmlEscaped(),
             e.active ? QString() : QObject::tr(" (inactive)"), text(e.uplink),
             QString::number(m.load, 'g', 4))
        .arg(m.waitFor)
        .arg(m.activeWorkers)
        .arg(notes(m));
}

} // namespace hgc::ui
