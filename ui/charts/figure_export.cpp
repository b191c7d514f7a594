#include "charts/figure_export.h"

#include <QBuffer>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cmath>

#include "charts/chart_figure.h"
#include "util/errors.h"

namespace hgc::charts {

namespace {

constexpr double kLogicalDpi = 96.0;

[[noreturn]] void fail(const QString& path, const QString& reason) {
    throw InputError(path.toStdString(), reason.toStdString());
}

/// Every format is produced in memory, then written atomically: a failed export leaves an
/// existing file untouched.
void writeBytes(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        fail(path, "cannot write: " + file.errorString());
}

QByteArray renderPng(const PaintFunction& paint, const ImageOptions& options) {
    QImage image(options.width, options.height, QImage::Format_ARGB32_Premultiplied);
    const int dotsPerMeter = static_cast<int>(std::lround(options.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        paint(painter, QRectF(0, 0, options.width, options.height));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.convertToFormat(QImage::Format_RGB32).save(&buffer, "PNG");
    return bytes;
}

QByteArray renderSvg(const PaintFunction& paint, const QSizeF& logical, const QString& title) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(static_cast<int>(kLogicalDpi));
    svg.setSize(logical.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), logical));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("HGC Studio"));
    QPainter painter(&svg);
    painter.fillRect(QRectF(QPointF(0, 0), logical), Qt::white);
    paint(painter, QRectF(QPointF(0, 0), logical));
    painter.end();
    // Rich-text items (Qt Charts' axis titles and labels) reach the SVG engine with the
    // generic family name, which another machine resolves to any sans-serif; here it was
    // fontconfig's DejaVu Sans, so say so (the PNG and PDF carry the glyphs themselves).
    bytes.replace(R"(font-family="Sans Serif")", R"(font-family="DejaVu Sans")");
    return bytes;
}

QByteArray renderPdf(const PaintFunction& paint, const QSizeF& logical, const QString& title) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("HGC Studio"));
    pdf.setResolution(1200);
    const QSizeF points = logical * 72.0 / kLogicalDpi;
    pdf.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&pdf);
    const QRectF page(0, 0, pdf.width(), pdf.height());
    painter.fillRect(page, Qt::white);
    painter.scale(page.width() / logical.width(), page.height() / logical.height());
    paint(painter, QRectF(QPointF(0, 0), logical));
    painter.end();
    return bytes;
}

} // namespace

std::optional<ExportFormat> exportFormatForPath(const QString& path) {
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == "png") return ExportFormat::Png;
    if (ext == "svg") return ExportFormat::Svg;
    if (ext == "pdf") return ExportFormat::Pdf;
    if (ext == "csv") return ExportFormat::Csv;
    return std::nullopt;
}

void checkImageOptions(const ImageOptions& options) {
    if (options.width < 1 || options.width > 20000)
        throw InputError("--width", "must be between 1 and 20000 pixels");
    if (options.height < 0 || options.height > 20000)
        throw InputError("--height", "must be between 1 and 20000 pixels");
    if (!(options.dpi >= 10 && options.dpi <= 2400))
        throw InputError("--dpi", "must be between 10 and 2400");
}

QSizeF logicalSize(const ImageOptions& options) {
    return QSizeF(options.width, options.height) * (kLogicalDpi / options.dpi);
}

void exportPainting(const PaintFunction& paint, const QString& path, const ImageOptions& options,
                    const QString& title) {
    checkImageOptions(options);
    const auto format = exportFormatForPath(path);
    if (!format || *format == ExportFormat::Csv)
        fail(path, "unknown image format (use .png, .svg or .pdf)");
    const QSizeF logical = logicalSize(options);
    switch (*format) {
    case ExportFormat::Png:
        writeBytes(path, renderPng(
                             [&](QPainter& p, const QRectF& target) {
                                 // Device pixels -> logical: the picture is laid out at
                                 // the logical size and scaled up to the requested pixels.
                                 p.scale(target.width() / logical.width(),
                                         target.height() / logical.height());
                                 paint(p, QRectF(QPointF(0, 0), logical));
                             },
                             options));
        break;
    case ExportFormat::Svg:
        writeBytes(path, renderSvg(paint, logical, title));
        break;
    case ExportFormat::Pdf:
        writeBytes(path, renderPdf(paint, logical, title));
        break;
    case ExportFormat::Csv:
        break;
    }
}

void exportFigure(ChartFigure& figure, const QString& path, const ImageOptions& options) {
    checkImageOptions(options);
    if (options.height == 0) fail(path, "a chart needs a height");
    figure.setSize(logicalSize(options));
    exportPainting([&](QPainter& p, const QRectF& target) { figure.render(p, target); }, path,
                   options, figure.title());
}

void exportScene(QGraphicsScene& scene, const QString& path, ImageOptions options, QRectF source) {
    if (source.isEmpty()) {
        source = scene.itemsBoundingRect();
        const qreal margin = 0.04 * std::max(source.width(), source.height()) + 8;
        source.adjust(-margin, -margin, margin, margin);
    }
    if (source.isEmpty()) fail(path, "the canvas is empty");
    if (options.height == 0)
        options.height = std::max(
            1, static_cast<int>(std::lround(options.width * source.height() / source.width())));
    exportPainting(
        [&](QPainter& p, const QRectF& target) {
            p.setRenderHint(QPainter::Antialiasing);
            p.setRenderHint(QPainter::TextAntialiasing);
            scene.render(&p, target, source, Qt::KeepAspectRatio);
        },
        path, options);
}

} // namespace hgc::charts
