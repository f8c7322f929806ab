#!/usr/bin/env bash
# Installs the operating-system packages one or more purposes need: "test", "demo", "bench", and
# "native", the real test servers of scripts/servers ("sftp", "s3", "ftp", "smb", "servers-smoke").
# Only the .NET SDK is assumed to be on the machine.
set -euo pipefail
packages=()
for purpose in "${@:-test}"; do
  case "$purpose" in
    # chromium: the status page test loads index.html headless; tzdata: the window tests use IANA zones;
    # systemd: its systemd-analyze verifies the unit the template ships; openssh-client (sftp), curl,
    # smbclient and rclone: the disaster-restore tests restore the remote with each server's plain client.
    test) packages+=(chromium tzdata systemd openssh-client curl smbclient rclone) ;;
    demo) packages+=(tzdata) ;;
    # Native AOT's final link (scripts/publish-native.sh, and a team's Linux publish).
    native) packages+=(gcc libc6-dev zlib1g-dev) ;;
    bench) packages+=(rclone time) ;;
    # The server scripts find a running server by its listening port with iproute2's ss.
    sftp) packages+=(iproute2 openssh-server) ;;
    s3) packages+=(iproute2 curl memcached swift-proxy swift-object swift-account swift-container) ;;
    # pure-ftpd conflicts with vsftpd as a package; the ftp server script unpacks its binary, and
    # libsodium23 is the one library of it that vsftpd does not bring.
    ftp) packages+=(iproute2 openssl vsftpd libsodium23) ;;
    smb) packages+=(iproute2 samba smbclient libsmbclient) ;;
    # The clients scripts/servers/smoke checks the servers with.
    servers-smoke) packages+=(curl sshpass smbclient rclone) ;;
    *) echo "unknown purpose: $purpose" >&2; exit 2 ;;
  esac
done

# One dpkg-query for all: the server scripts call this on every start.
installed=" $(dpkg-query -W -f '${Package} ${Status}\n' "${packages[@]}" 2>/dev/null |
  awk '$NF == "installed" { printf "%s ", $1 }' || true)"
missing=()
for p in "${packages[@]}"; do
  [[ $installed == *" $p "* || " ${missing[*]} " == *" $p "* ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  # apt's own output goes to a log that is shown only if it fails; one line says what is being installed.
  echo "Installing ${missing[*]} ..." >&2
  log=$(mktemp)
  if ! { $SUDO apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "Installing ${missing[*]} failed (apt's output above)." >&2
    exit 1
  fi
  rm -f "$log"
fi
