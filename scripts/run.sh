#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds HGC Studio and starts it on its built-in
# default scenario. Without a display (or before the desktop app is built) it runs the
# command-line evaluation and sweep of the same scenario instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
hgc_install_packages
hgc_configure_and_build "$HGC_ROOT/build" -DCMAKE_BUILD_TYPE=Release

studio="$HGC_ROOT/build/app/studio/hgc-studio"
hgc="$HGC_ROOT/build/app/cli/hgc"
default="$HGC_ROOT/resources/scenarios/default.json"
if [ -x "$studio" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$studio" "$@"
fi
if [ -x "$studio" ]; then
  echo "(no display: showing the command-line view; 'xvfb-run -a scripts/run.sh' or a desktop session starts the app)"
fi
echo
"$hgc" evaluate "$default" --method both
echo
"$hgc" sweep "$default"
