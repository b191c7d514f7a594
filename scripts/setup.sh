#!/usr/bin/env bash
# Installs the Debian packages HGC Studio needs (only those missing), through sudo when
# not root. Sourced by run.sh and test.sh; safe to run again.
set -euo pipefail

HGC_PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
  libeigen3-dev nlohmann-json3-dev zlib1g-dev
  xvfb xauth fonts-dejavu-core
  dataset-fashion-mnist
)

hgc_missing_packages() {
  local missing=()
  for p in "${HGC_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

hgc_install_packages() {
  local missing
  missing=$(hgc_missing_packages)
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: $missing" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "setup: installing $missing"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing
}

hgc_configure_and_build() { # build-dir [cmake args...]
  local dir=$1
  shift
  cmake -S "$HGC_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" --parallel "$(nproc)"
}

HGC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export HGC_ROOT
