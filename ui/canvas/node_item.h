#pragma once
// A node on the canvas: the master, an edge or a worker. A thin view: it draws what the
// scene tells it (name, load ring, marks) and reports its moves to the scene; it never
// touches the document.
#include <QGraphicsItem>

#include "canvas/node_marks.h"
#include "document/node_ref.h"

namespace hgc::ui {

class NodeItem : public QGraphicsItem {
public:
    enum class Kind { Master, Edge, Worker };
    enum { Type = UserType + 1 };

    NodeItem(Kind kind, NodeRef ref);

    Kind kind() const { return kind_; }
    NodeRef ref() const { return ref_; }
    int type() const override { return Type; }

    struct Look {
        QString name;
        QString detail; // second line: the load, or what the master waits for
        bool active = true;
        NodeMarks marks;
    };
    void setLook(const Look& look);
    const Look& look() const { return look_; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QRectF bodyRect() const;
    void paintBadges(QPainter* painter, const QRectF& body) const;

    Kind kind_;
    NodeRef ref_;
    Look look_;
};

} // namespace hgc::ui
