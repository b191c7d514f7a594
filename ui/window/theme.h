#pragma once
// Light and dark palettes for the Fusion style, so that the app looks the same on every
// desktop and a lecturer can switch to the one that suits the projector.
#include <QString>

namespace hgc::ui {

enum class Theme { System, Light, Dark };

void applyTheme(Theme theme);
Theme themeByName(const QString& name); // "light", "dark", anything else: System
QString themeName(Theme theme);

} // namespace hgc::ui
