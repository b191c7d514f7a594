#pragma once
// The recent-files list, kept in QSettings, most recent first, without duplicates.
#include <QObject>
#include <QStringList>

namespace hgc::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 8;
    using QObject::QObject;

    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void store(const QStringList& files);
};

} // namespace hgc::ui
