#pragma once
// `hgc-studio --screenshot OUT.png`: waits until the window's evaluation (and the sweep)
// has finished, lets the window paint, saves a picture of it and quits the application.
#include <QString>

namespace hgc::ui {
class MainWindow;
}

namespace hgc::studio {

/// Arranges the screenshot; the application exits with 0 when the picture is saved, 1 when
/// it cannot be written or the evaluation did not finish within `timeoutMs`.
void takeScreenshotWhenReady(ui::MainWindow* window, const QString& outPath,
                             int timeoutMs = 120000);

} // namespace hgc::studio
