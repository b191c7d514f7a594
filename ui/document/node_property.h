#pragma once
// One editable property of a node, as the properties panel and the undo commands name it.
// A property edit on a multi-selection sets the same value on every selected node that has
// the property (edges have no compute distribution).
#include <QString>
#include <QVariant>
#include <optional>

#include "model/scenario.h"

namespace hgc::ui {

enum class Channel { None, Compute, Uplink };

enum class Attribute {
    Name,                // QString
    Active,              // bool
    Kind,                // int (DistributionKind); parameters reset to the family's defaults
    Param0,              // double, first parameter of the family
    Param1,              // double, second parameter
    StraggleProbability, // double in [0, 1]
    StraggleSlowdown,    // double >= 1
    FailureProbability,  // double in [0, 1)
};

struct NodeProperty {
    Channel channel = Channel::None;
    Attribute attribute = Attribute::Name;
    bool operator==(const NodeProperty&) const = default;

    static NodeProperty name() { return {Channel::None, Attribute::Name}; }
    static NodeProperty active() { return {Channel::None, Attribute::Active}; }
    /// A small integer unique per property, used as the undo merge id.
    int key() const { return static_cast<int>(channel) * 16 + static_cast<int>(attribute); }
};

/// The distribution a channel names on a worker or an edge; nullptr when the node has no
/// such channel (an edge has no compute distribution).
const Distribution* channelOf(const Worker& w, Channel c);
const Distribution* channelOf(const Edge& e, Channel c);
Distribution* channelOf(Worker& w, Channel c);
Distribution* channelOf(Edge& e, Channel c);

/// The current value of a property on a node, or an invalid QVariant when the node does not
/// have it.
QVariant propertyValue(const Worker& w, NodeProperty p);
QVariant propertyValue(const Edge& e, NodeProperty p);

/// Sets the property; returns false when the node does not have it. Does not validate.
bool setPropertyValue(Worker& w, NodeProperty p, const QVariant& v);
bool setPropertyValue(Edge& e, NodeProperty p, const QVariant& v);

} // namespace hgc::ui
