#pragma once
// The app's export dialogs: a file name (the extension picks the format) and, for PNG, the
// size and resolution. Both charts and the canvas use them; errors are shown in a message
// box with the exporter's one-line reason.
#include <QString>
#include <functional>
#include <optional>

#include "charts/figure_export.h"

class QGraphicsScene;
class QToolButton;
class QWidget;

namespace hgc::charts {

/// Asks for width, height and DPI; nothing when cancelled. `askHeight` false: the height
/// follows the content (canvas).
std::optional<ImageOptions> askImageOptions(QWidget* parent, ImageOptions initial,
                                            bool askHeight = true);

/// Asks for a file name with the given filter (e.g. "PNG image (*.png)"); nothing when
/// cancelled. Adds `defaultSuffix` when the name has none.
std::optional<QString> askExportPath(QWidget* parent, const QString& title, const QString& filter,
                                     const QString& defaultSuffix);

/// An "Export" button whose menu offers PNG, SVG, PDF and CSV; `chosen` gets the format.
QToolButton* makeExportButton(QWidget* parent, std::function<void(ExportFormat)> chosen);

/// Export > FORMAT… of a chart: for PNG asks the size (starting from `image`, which keeps
/// the answer once the export succeeded), then the file; `write` writes it, and its error
/// is shown in a message box. Returns true when written.
bool exportWithDialog(QWidget* parent, ExportFormat format, ImageOptions& image,
                      const std::function<void(const QString& path, const ImageOptions&)>& write);

/// File > Export canvas: asks for a file (.png/.svg/.pdf) and, for PNG, the size; renders
/// the scene's items through the same exporter as the charts. Returns true when written.
bool exportSceneWithDialog(QGraphicsScene& scene, QWidget* parent);

} // namespace hgc::charts
