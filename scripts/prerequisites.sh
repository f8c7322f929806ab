#!/usr/bin/env bash
# Installs the operating-system packages a purpose needs ("test", "demo", "bench").
# Only the .NET SDK is assumed to be on the machine.
set -euo pipefail
purpose=${1:-test}
packages=()
case "$purpose" in
  # chromium: the status page test loads index.html headless; tzdata: the window tests use IANA zones.
  test) packages+=(chromium tzdata) ;;
  demo) packages+=(tzdata) ;;
  bench) packages+=(rclone) ;;
esac

missing=()
for p in "${packages[@]+"${packages[@]}"}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
