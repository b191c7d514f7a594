#pragma once
// The canvas widget: zoom with the wheel (around the cursor) or keys, fit to the nodes,
// pan with the middle button (or Space + drag), rubber-band selection with the left
// button on empty space, Ctrl+click to add to the selection. Its actions() make the
// context menu; a right click first selects the node under the cursor.
#include <QGraphicsView>

namespace hgc::ui {

class TopologyScene;

class TopologyView : public QGraphicsView {
    Q_OBJECT
public:
    explicit TopologyView(TopologyScene* scene, QWidget* parent = nullptr);

    double zoom() const { return transform().m11(); }

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitAll();

signals:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void scaleBy(double factor);

    TopologyScene* scene_;
    bool panning_ = false;
    bool spaceHeld_ = false;
    QPoint lastPan_;
};

} // namespace hgc::ui
