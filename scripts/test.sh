#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds HGC Studio, and runs every test: the full
# build (CLI, app, all tests) and the core tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
hgc_install_packages

export QT_QPA_PLATFORM=offscreen
export DBUS_SESSION_BUS_ADDRESS=disabled:

echo "== build (release)"
hgc_configure_and_build "$HGC_ROOT/build" -DCMAKE_BUILD_TYPE=Release
echo "== tests (release)"
(cd "$HGC_ROOT/build" && ctest --no-tests=error --output-on-failure --timeout 900)

echo "== build (core, address + undefined-behaviour sanitizers)"
hgc_configure_and_build "$HGC_ROOT/build-asan" -DCMAKE_BUILD_TYPE=Debug -DHGC_CORE_ONLY=ON -DHGC_SANITIZE=ON
echo "== tests (core, sanitizers)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$HGC_ROOT/build-asan" && HGC_SANITIZED=1 ctest --no-tests=error --output-on-failure --timeout 1800)
