#pragma once
// A text field bound to one node property of the current selection. It shows the common
// value (or "mixed"), checks what is typed with the document as it is typed, shows why a
// value is refused right under the field, and sends only valid values to the document
// (where consecutive edits merge into one undo step).
#include <QWidget>

#include "document/node_property.h"
#include "document/node_ref.h"

class QLabel;
class QLineEdit;

namespace hgc::ui {

class ScenarioDocument;

class PropertyLineEdit : public QWidget {
    Q_OBJECT
public:
    PropertyLineEdit(ScenarioDocument* document, NodeProperty property, QWidget* parent = nullptr);

    NodeProperty property() const { return property_; }
    QLineEdit* lineEdit() const { return edit_; }
    /// The refusal reason shown under the field; empty when the text is accepted.
    QString message() const;

    void setNodes(const NodeRefs& nodes);
    /// Shows the model's value unless the user is typing a value the model already has.
    void refresh();
    /// Whether any selected node has this property.
    bool applicable() const { return holders_ > 0; }

private:
    void onEdited(const QString& text);
    void showMessage(const QString& message);

    ScenarioDocument* document_;
    NodeProperty property_;
    NodeRefs nodes_;
    int holders_ = 0;
    QLineEdit* edit_;
    QLabel* message_;
};

} // namespace hgc::ui
