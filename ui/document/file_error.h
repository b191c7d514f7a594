#pragma once
// Why a scenario file could not be opened or saved: the file, the JSON path of the problem
// (empty when it is not tied to a field) and the reason, kept apart so that the error
// dialog can show each on its own line.
#include <QString>

namespace hgc::ui {

struct FileError {
    QString file;
    QString jsonPath;
    QString reason;

    QString message() const {
        return jsonPath.isEmpty() ? reason : jsonPath + QStringLiteral(": ") + reason;
    }
};

} // namespace hgc::ui
