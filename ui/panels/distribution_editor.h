#pragma once
// Edits one delay distribution (compute or uplink) of the selected nodes: the family, its
// parameters (named after the family), and the straggle and failure modifiers.
#include <QGroupBox>

#include "document/node_property.h"
#include "document/node_ref.h"

class QComboBox;
class QFormLayout;
class QLabel;

namespace hgc::ui {

class PropertyLineEdit;
class ScenarioDocument;

class DistributionEditor : public QGroupBox {
    Q_OBJECT
public:
    DistributionEditor(ScenarioDocument* document, Channel channel, const QString& title,
                       QWidget* parent = nullptr);

    void setNodes(const NodeRefs& nodes);
    void refresh();
    /// Whether any selected node has this distribution.
    bool applicable() const;
    PropertyLineEdit* field(Attribute attribute) const;
    QComboBox* familyBox() const { return family_; }

private:
    ScenarioDocument* document_;
    Channel channel_;
    NodeRefs nodes_;
    QFormLayout* form_;
    QComboBox* family_;
    QLabel* familyNote_;
    QList<PropertyLineEdit*> fields_;
};

} // namespace hgc::ui
