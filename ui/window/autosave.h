#pragma once
// Autosave: while the document has unsaved changes, its scenario is written every
// `interval` to the application-data directory (atomically). A clean document, a save or a
// normal exit removes the copy; a copy found at start-up means the last session did not
// end normally, and the window offers to restore it.
#include <QObject>
#include <QTimer>
#include <optional>

#include "model/scenario.h"

namespace hgc::ui {

class ScenarioDocument;

class Autosaver : public QObject {
    Q_OBJECT
public:
    explicit Autosaver(ScenarioDocument* document, QObject* parent = nullptr);

    /// Where the copy lives: <AppDataLocation>/autosave.hgc.json.
    static QString autosavePath();
    /// The file the copy was made from (empty: untitled), stored beside it.
    static QString autosaveOrigin();
    /// A copy left by a session that did not end normally, if any (and readable).
    static std::optional<Scenario> leftover();

    void setInterval(int milliseconds) { timer_.setInterval(milliseconds); }
    /// Writes the copy now if there are unsaved changes. Returns whether a copy exists.
    bool saveNow();
    /// Removes the copy (after a save, a discard, or on a normal exit).
    static void discard();

private:
    ScenarioDocument* document_;
    QTimer timer_;
};

} // namespace hgc::ui
