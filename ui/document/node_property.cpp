#include "document/node_property.h"

namespace hgc::ui {

const Distribution* channelOf(const Worker& w, Channel c) {
    if (c == Channel::Compute) return &w.compute;
    if (c == Channel::Uplink) return &w.uplink;
    return nullptr;
}
const Distribution* channelOf(const Edge& e, Channel c) {
    return c == Channel::Uplink ? &e.uplink : nullptr;
}
Distribution* channelOf(Worker& w, Channel c) {
    return const_cast<Distribution*>(channelOf(static_cast<const Worker&>(w), c));
}
Distribution* channelOf(Edge& e, Channel c) {
    return const_cast<Distribution*>(channelOf(static_cast<const Edge&>(e), c));
}

namespace {

QVariant distributionValue(const Distribution& d, Attribute a) {
    switch (a) {
    case Attribute::Kind:
        return static_cast<int>(d.kind);
    case Attribute::Param0:
        return d.params[0];
    case Attribute::Param1:
        return family(d.kind).parameterCount > 1 ? QVariant(d.params[1]) : QVariant();
    case Attribute::StraggleProbability:
        return d.straggleProbability;
    case Attribute::StraggleSlowdown:
        return d.straggleSlowdown;
    case Attribute::FailureProbability:
        return d.failureProbability;
    default:
        return {};
    }
}

bool setDistributionValue(Distribution& d, Attribute a, const QVariant& v) {
    switch (a) {
    case Attribute::Kind: {
        const auto kind = static_cast<DistributionKind>(v.toInt());
        if (kind == d.kind) return true;
        d.kind = kind;
        d.params = family(kind).defaults;
        return true;
    }
    case Attribute::Param0:
        d.params[0] = v.toDouble();
        return true;
    case Attribute::Param1:
        if (family(d.kind).parameterCount < 2) return false;
        d.params[1] = v.toDouble();
        return true;
    case Attribute::StraggleProbability:
        d.straggleProbability = v.toDouble();
        return true;
    case Attribute::StraggleSlowdown:
        d.straggleSlowdown = v.toDouble();
        return true;
    case Attribute::FailureProbability:
        d.failureProbability = v.toDouble();
        return true;
    default:
        return false;
    }
}

template <typename Node> QVariant nodeValue(const Node& n, NodeProperty p) {
    if (p.channel == Channel::None) {
        if (p.attribute == Attribute::Name) return QString::fromStdString(n.name);
        if (p.attribute == Attribute::Active) return n.active;
        return {};
    }
    const Distribution* d = channelOf(n, p.channel);
    return d ? distributionValue(*d, p.attribute) : QVariant();
}

template <typename Node> bool setNodeValue(Node& n, NodeProperty p, const QVariant& v) {
    if (p.channel == Channel::None) {
        if (p.attribute == Attribute::Name) {
            n.name = v.toString().toStdString();
            return true;
        }
        if (p.attribute == Attribute::Active) {
            n.active = v.toBool();
            return true;
        }
        return false;
    }
    Distribution* d = channelOf(n, p.channel);
    return d && setDistributionValue(*d, p.attribute, v);
}

} // namespace

QVariant propertyValue(const Worker& w, NodeProperty p) {
    return nodeValue(w, p);
}
QVariant propertyValue(const Edge& e, NodeProperty p) {
    return nodeValue(e, p);
}
bool setPropertyValue(Worker& w, NodeProperty p, const QVariant& v) {
    return setNodeValue(w, p, v);
}
bool setPropertyValue(Edge& e, NodeProperty p, const QVariant& v) {
    return setNodeValue(e, p, v);
}

} // namespace hgc::ui
