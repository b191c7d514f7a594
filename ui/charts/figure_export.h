#pragma once
// The one render path of every export (STYLE.md "one render path, many formats"): a paint
// function is drawn onto a QImage (PNG), a QSvgGenerator (SVG) or a QPdfWriter (PDF), on a
// white background. Charts and the canvas both go through it; nothing is a screen grab.
//
// Sizes: a figure is `width` x `height` pixels at `dpi`, i.e. width/dpi inches wide. It is
// laid out at the logical size width*96/dpi (fonts are in logical pixels), so a 300 dpi
// export is the same picture as a 96 dpi one with more detail, and the SVG and PDF have
// the same physical size as the PNG.
#include <QRectF>
#include <QString>
#include <functional>
#include <optional>

class QGraphicsScene;
class QPainter;

namespace hgc::charts {

class ChartFigure;

enum class ExportFormat { Png, Svg, Pdf, Csv };

/// By the file's extension (case-insensitive); nothing for an unknown one.
std::optional<ExportFormat> exportFormatForPath(const QString& path);

struct ImageOptions {
    int width = 1200; // pixels
    int height = 750; // pixels; 0: from the content's aspect ratio (scene export)
    double dpi = 150;
};

/// Throws InputError when a size or the DPI is out of range (1..20000 px, 10..2400 dpi).
void checkImageOptions(const ImageOptions& options);
QSizeF logicalSize(const ImageOptions& options);

using PaintFunction = std::function<void(QPainter& painter, const QRectF& target)>;

/// Paints into PATH as PNG, SVG or PDF (by extension). `paint` draws the picture scaled into
/// `target` (logical coordinates). Throws InputError naming the file when the extension is
/// not png/svg/pdf or the file cannot be written.
void exportPainting(const PaintFunction& paint, const QString& path, const ImageOptions& options,
                    const QString& title = {});

/// A figure to PNG/SVG/PDF: laid out at the logical size of `options`.
void exportFigure(ChartFigure& figure, const QString& path, const ImageOptions& options);

/// Any scene (the app's topology canvas) to PNG/SVG/PDF. `source` defaults to the items'
/// bounding rectangle plus a margin; with options.height == 0 the height follows its aspect.
void exportScene(QGraphicsScene& scene, const QString& path, ImageOptions options,
                 QRectF source = {});

} // namespace hgc::charts
