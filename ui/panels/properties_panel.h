#pragma once
// The properties of the selected nodes: name, active, and the compute and uplink
// distributions. A multi-selection edits all selected nodes at once; mixed values are shown
// as such. With nothing selected it edits the scenario's name, description and simulation
// settings.
#include <QWidget>

#include "document/node_ref.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QGroupBox;

namespace hgc::ui {

class DistributionEditor;
class PropertyLineEdit;
class ScenarioDocument;

class PropertiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit PropertiesPanel(ScenarioDocument* document, QWidget* parent = nullptr);

    const NodeRefs& nodes() const { return nodes_; }
    PropertyLineEdit* nameField() const { return name_; }
    QCheckBox* activeBox() const { return active_; }
    DistributionEditor* computeEditor() const { return compute_; }
    DistributionEditor* uplinkEditor() const { return uplink_; }

public slots:
    void setNodes(const hgc::ui::NodeRefs& nodes);
    void refresh();

private:
    void refreshScenarioInfo();

    ScenarioDocument* document_;
    NodeRefs nodes_;
    QLabel* header_;
    QGroupBox* general_;
    PropertyLineEdit* name_;
    QCheckBox* active_;
    QLabel* activeMessage_;
    DistributionEditor* compute_;
    DistributionEditor* uplink_;
    QGroupBox* scenarioBox_;
    QLineEdit* scenarioName_;
    QPlainTextEdit* description_;
};

} // namespace hgc::ui
