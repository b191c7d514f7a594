#include "document/property_labels.h"

#include <QObject>

namespace hgc::ui {

QString propertyLabel(NodeProperty property) {
    QString attribute;
    switch (property.attribute) {
    case Attribute::Name:
        return QObject::tr("name");
    case Attribute::Active:
        return QObject::tr("active");
    case Attribute::Kind:
        attribute = QObject::tr("distribution");
        break;
    case Attribute::Param0:
        attribute = QObject::tr("parameter 1");
        break;
    case Attribute::Param1:
        attribute = QObject::tr("parameter 2");
        break;
    case Attribute::StraggleProbability:
        attribute = QObject::tr("straggle probability");
        break;
    case Attribute::StraggleSlowdown:
        attribute = QObject::tr("straggle slowdown");
        break;
    case Attribute::FailureProbability:
        attribute = QObject::tr("failure probability");
        break;
    }
    const QString channel =
        property.channel == Channel::Compute ? QObject::tr("compute") : QObject::tr("uplink");
    return channel + QLatin1Char(' ') + attribute;
}

} // namespace hgc::ui
