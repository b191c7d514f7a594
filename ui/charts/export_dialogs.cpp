#include "charts/export_dialogs.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QToolButton>

namespace hgc::charts {

std::optional<ImageOptions> askImageOptions(QWidget* parent, ImageOptions initial, bool askHeight) {
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Image size"));
    auto* form = new QFormLayout(&dialog);
    auto* width = new QSpinBox;
    width->setRange(16, 20000);
    width->setSuffix(QObject::tr(" px"));
    width->setValue(initial.width);
    auto* height = new QSpinBox;
    height->setRange(16, 20000);
    height->setSuffix(QObject::tr(" px"));
    height->setValue(initial.height > 0 ? initial.height : 750);
    auto* dpi = new QDoubleSpinBox;
    dpi->setRange(10, 2400);
    dpi->setDecimals(0);
    dpi->setValue(initial.dpi);
    auto* physical = new QLabel;
    auto updatePhysical = [=] {
        physical->setText(QObject::tr("%1 × %2 inches; text scales with the DPI")
                              .arg(width->value() / dpi->value(), 0, 'f', 2)
                              .arg(height->value() / dpi->value(), 0, 'f', 2));
    };
    QObject::connect(width, &QSpinBox::valueChanged, &dialog, updatePhysical);
    QObject::connect(height, &QSpinBox::valueChanged, &dialog, updatePhysical);
    QObject::connect(dpi, &QDoubleSpinBox::valueChanged, &dialog, updatePhysical);
    updatePhysical();
    form->addRow(QObject::tr("Width:"), width);
    if (askHeight) form->addRow(QObject::tr("Height:"), height);
    form->addRow(QObject::tr("Resolution (DPI):"), dpi);
    if (askHeight) form->addRow(QString(), physical);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    ImageOptions options;
    options.width = width->value();
    options.height = askHeight ? height->value() : 0;
    options.dpi = dpi->value();
    return options;
}

std::optional<QString> askExportPath(QWidget* parent, const QString& title, const QString& filter,
                                     const QString& defaultSuffix) {
    QFileDialog dialog(parent, title, QString(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(defaultSuffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return std::nullopt;
    return dialog.selectedFiles().front();
}

QToolButton* makeExportButton(QWidget* parent, std::function<void(ExportFormat)> chosen) {
    auto* button = new QToolButton(parent);
    button->setText(QObject::tr("Export"));
    button->setToolTip(QObject::tr("Save the chart as an image or its data as CSV"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    const std::pair<QString, ExportFormat> entries[] = {
        {QObject::tr("PNG image…"), ExportFormat::Png},
        {QObject::tr("SVG drawing…"), ExportFormat::Svg},
        {QObject::tr("PDF document…"), ExportFormat::Pdf},
        {QObject::tr("CSV data…"), ExportFormat::Csv}};
    for (const auto& [text, format] : entries)
        menu->addAction(text, button, [chosen, format = format] { chosen(format); });
    button->setMenu(menu);
    return button;
}

bool exportWithDialog(QWidget* parent, ExportFormat format, ImageOptions& image,
                      const std::function<void(const QString& path, const ImageOptions&)>& write) {
    static const char* filters[] = {"PNG image (*.png)", "SVG drawing (*.svg)",
                                    "PDF document (*.pdf)", "CSV data (*.csv)"};
    static const char* suffixes[] = {"png", "svg", "pdf", "csv"};
    const int f = static_cast<int>(format);
    ImageOptions options = image;
    if (format == ExportFormat::Png) {
        const auto asked = askImageOptions(parent, options);
        if (!asked) return false;
        options = *asked;
    }
    const auto path =
        askExportPath(parent, QObject::tr("Export chart"), QObject::tr(filters[f]), suffixes[f]);
    if (!path) return false;
    try {
        write(*path, options);
        image = options;
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(parent, QObject::tr("Export chart"), QString::fromUtf8(e.what()));
        return false;
    }
}

bool exportSceneWithDialog(QGraphicsScene& scene, QWidget* parent) {
    const auto path =
        askExportPath(parent, QObject::tr("Export canvas"),
                      QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
                      QStringLiteral("png"));
    if (!path) return false;
    ImageOptions options;
    options.height = 0; // follow the topology's aspect ratio
    if (exportFormatForPath(*path) == ExportFormat::Png) {
        const auto asked = askImageOptions(parent, options, false);
        if (!asked) return false;
        options = *asked;
    }
    try {
        exportScene(scene, *path, options);
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(parent, QObject::tr("Export canvas"), QString::fromUtf8(e.what()));
        return false;
    }
}

} // namespace hgc::charts
