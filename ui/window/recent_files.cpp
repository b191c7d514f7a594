#include "window/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace hgc::ui {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

QStringList RecentFiles::files() const {
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::store(const QStringList& files) {
    QSettings().setValue(kKey, files.mid(0, kMaxFiles));
    emit changed();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list);
}

void RecentFiles::remove(const QString& path) {
    QStringList list = files();
    list.removeAll(path);
    store(list);
}

void RecentFiles::clear() {
    store({});
}

} // namespace hgc::ui
