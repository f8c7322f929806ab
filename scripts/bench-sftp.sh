#!/usr/bin/env bash
# Benchmark (not a test) of the SFTP transport against the real test server (OpenSSH on 127.0.0.1:2222): a
# repository of LARGE files of LARGE_MB MiB plus SMALL small files, synced by the built syncconfig (first sync, then
# a no-change sync) and copied by `rclone copy --transfers 4` into an empty folder of the same server, alternating,
# RUNS times. Prints wall time, throughput, files/s and peak RSS of each, and the ratio rclone time / SyncConfig time
# of the first syncs (1.0 or more: SyncConfig is at least as fast), from the median runs.
# Usage: bash scripts/bench-sftp.sh [LARGE=20] [LARGE_MB=64] [SMALL=2000] [RUNS=3]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
large=${1:-20} large_mb=${2:-64} small=${3:-2000} runs=${4:-3}

bash scripts/prerequisites.sh bench >/dev/null
bash scripts/servers/start sftp >/dev/null
scripts/servers/rclone-config >/dev/null
state=${SYNCCONFIG_SERVERS_STATE:-/tmp/syncconfig-servers}
set -a
. "$state/servers.env"
set +a

# The executable as a Linux deployment runs it (Native AOT, docs/deploy.md).
native=$(mktemp -d /tmp/bench-sftp-bin.XXXXXX)
bash scripts/publish-native.sh "$native"
syncconfig=("$native/syncconfig")

# The repository: <computer>/<definition>/ folders as a backup tool leaves them, large images of random data and
# small files of 1-64 KiB. Made once per size and kept in the state folder.
repository="$state/bench-data/sftp-repository-${large}x${large_mb}M-${small}"
if [ ! -d "$repository" ]; then
  mkdir -p "$repository.tmp/SRV01/4F1A9C2E7B3D5A60" "$repository.tmp/PC02/9B2C4D6E8F0A1B3C"
  for ((i = 0; i < large; i++)); do
    head -c "$((large_mb * 1024 * 1024))" /dev/urandom >"$repository.tmp/SRV01/4F1A9C2E7B3D5A60/image-$i.mrimg"
  done
  for ((i = 0; i < small; i++)); do
    dir="$repository.tmp/PC02/9B2C4D6E8F0A1B3C/part-$((i / 250))"
    mkdir -p "$dir"
    head -c "$(((RANDOM % 64 + 1) * 1024))" /dev/urandom >"$dir/file-$i.bin"
  done
  mv "$repository.tmp" "$repository"
fi
bytes=$(du -sb --exclude=.syncconfig "$repository" | cut -f1)
files=$(find "$repository" -type f -not -path '*/.syncconfig/*' | wc -l)

work=$(mktemp -d)
trap 'rm -rf "$work" "$native"' EXIT
printf '{ "SyncConfig": { "StateFolder": "%s/state", "StatusFolder": "%s/status", "TimeZone": "UTC" } }\n' "$work" "$work" >"$work/appsettings.json"

# An empty target folder in the test account's home, writable by it.
fresh_target() {
  local target="$SYNCTEST_HOME/bench-$1-$$"
  rm -rf "$target"
  mkdir -p "$target"
  chmod 777 "$target"
  printf '%s' "$target"
}

# timed NAME COMMAND...: runs COMMAND, appends "seconds peak-KiB" to $work/NAME.
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; echo "bench: $name failed" >&2; exit 1; }
  cat "$work/time" >>"$work/$name"
}

# The end-to-end tests' SftpTestOffsite definition (all references) pointed at this repository and a target folder.
export SYNCTEST_SFTP_REPOSITORY="$repository" SYNCTEST_SFTP_FOLDER=Offsite SYNCTEST_SFTP_USER="$SYNCTEST_USER" \
  SYNCTEST_SFTP_PASSWORD="$SYNCTEST_PASSWORD" SYNCTEST_SFTP_HOST_KEY="$SYNCTEST_SFTP_HOST_KEY_SHA256"
sync_command() { echo env SYNCTEST_SFTP_SERVER="$SYNCTEST_HOST$1" "${syncconfig[@]}" sync SftpTestOffsite --now --config "$work/appsettings.json"; }

echo "SFTP benchmark: $files files, $((bytes / 1024 / 1024)) MiB ($large x $large_mb MiB + $small small), $runs runs, server 127.0.0.1:$SYNCTEST_SFTP_PORT"
for ((run = 1; run <= runs; run++)); do
  # Alternate who goes first, so neither always meets a warm or a cold page cache.
  for tool in $([ $((run % 2)) -eq 1 ] && echo "syncconfig rclone" || echo "rclone syncconfig"); do
    target=$(fresh_target "$tool")
    if [ "$tool" = syncconfig ]; then
      rm -rf "$work/state" "$work/status"
      timed syncconfig-first $(sync_command "$target")
      timed syncconfig-nochange $(sync_command "$target")
      arrived=$(find "$target/Offsite" -type f -not -path '*/.syncconfig*' | wc -l)
    else
      timed rclone scripts/servers/rclone copy --transfers 4 --exclude '/.syncconfig/**' "$repository" "sftp:$target"
      arrived=$(find "$target" -type f | wc -l)
    fi
    [ "$arrived" -ge "$files" ] || { echo "bench: $tool left $arrived of $files files on the server" >&2; exit 1; }
    rm -rf "$target"
  done
  echo "run $run: syncconfig $(tail -n1 "$work/syncconfig-first" | cut -d' ' -f1) s (no change $(tail -n1 "$work/syncconfig-nochange" | cut -d' ' -f1) s), rclone $(tail -n1 "$work/rclone" | cut -d' ' -f1) s"
done

# The median run of each (by wall time), with its own peak RSS.
median() { sort -n "$work/$1" | sed -n "$(((runs + 1) / 2))p"; }
report() {
  local name=$1 seconds kib
  read -r seconds kib < <(median "$1")
  awk -v n="$name" -v s="$seconds" -v k="$kib" -v b="$bytes" -v f="$files" \
    'BEGIN { printf "%-22s %7.2f s %8.1f MiB/s %8.0f files/s  peak RSS %5.0f MiB\n", n, s, b / 1048576 / s, f / s, k / 1024 }'
}
report syncconfig-first
report syncconfig-nochange
report rclone
read -r ours _ < <(median syncconfig-first)
read -r theirs _ < <(median rclone)
awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "ratio (rclone time / SyncConfig first-sync time): %.2f\n", a / b }'
