#include "window/autosave.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "document/scenario_document.h"

namespace hgc::ui {

Autosaver::Autosaver(ScenarioDocument* document, QObject* parent)
    : QObject(parent), document_(document) {
    timer_.setInterval(30'000);
    connect(&timer_, &QTimer::timeout, this, &Autosaver::saveNow);
    timer_.start();
    connect(document_, &ScenarioDocument::modifiedChanged, this, [](bool modified) {
        if (!modified) discard();
    });
}

QString Autosaver::autosavePath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("autosave.hgc.json"));
}

QString Autosaver::autosaveOrigin() {
    QFile f(autosavePath() + QStringLiteral(".origin"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

std::optional<Scenario> Autosaver::leftover() {
    if (!QFile::exists(autosavePath())) return std::nullopt;
    try {
        return ScenarioDocument::readScenario(autosavePath());
    } catch (const std::exception&) {
        return std::nullopt; // an unreadable copy is no use to anyone
    }
}

bool Autosaver::saveNow() {
    if (!document_->isModified()) return QFile::exists(autosavePath());
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    if (ScenarioDocument::writeScenario(document_->scenario(), autosavePath())) return false;
    QFile origin(autosavePath() + QStringLiteral(".origin"));
    if (origin.open(QIODevice::WriteOnly)) origin.write(document_->filePath().toUtf8());
    return true;
}

void Autosaver::discard() {
    QFile::remove(autosavePath());
    QFile::remove(autosavePath() + QStringLiteral(".origin"));
}

} // namespace hgc::ui
