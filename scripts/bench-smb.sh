#!/usr/bin/env bash
# Benchmark (not a test) of the SMB transport against the real test server (Samba smbd), beside rclone's smb backend
# with copy --transfers 4 to the same share: SyncConfig's first sync and no-change sync, then rclone's copy and its
# no-change copy, taking turns for each round. Prints wall time, throughput, files/s, peak RSS and the ratio of the two.
# Usage: bash scripts/bench-smb.sh [LARGE_FILES=20] [LARGE_MB=64] [SMALL_FILES=2000] [ROUNDS=1]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
large=${1:-20}; large_mb=${2:-64}; small=${3:-2000}; rounds=${4:-1}

bash scripts/prerequisites.sh bench smb >/dev/null
bash scripts/servers/start smb >/dev/null
. "$root/scripts/servers/lib/common.sh"
set -a; . "$STATE/servers.env"; set +a
scripts/servers/rclone-config >/dev/null

work=$(mktemp -d)
folder="bench-$(basename "$work")"
target="$SYNCTEST_SMB_SHARE_PATH/$folder"
mkdir -p "$target" && chmod 777 "$target"
trap 'rm -rf "$work" "$target"' EXIT

repository="$work/repository"
. "$root/scripts/lib/bench.sh"
bench_executable "$work/bin"
bench_repository "$repository" "$large" "$large_mb" "$small"
printf '{ "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" } }\n' >"$work/appsettings.json"
echo "repository: $files files, $((bytes >> 20)) MiB; $(nproc) cores"

echo "smb:"
for ((round = 1; round <= rounds; round++)); do
  rm -rf "${target:?}"/* "$repository/.syncconfig" "$work/state" "$work/status"
  export SYNCTEST_SMB_REPOSITORY="$repository" SYNCTEST_SMB_PATH="\\\\$SYNCTEST_HOST\\$SYNCTEST_SMB_SHARE\\$folder"
  measure "syncconfig first sync" "$syncconfig" --config "$work/appsettings.json" sync SmbTestOffsite --now; first=$seconds
  measure "syncconfig no-change sync" "$syncconfig" --config "$work/appsettings.json" sync SmbTestOffsite --now; again=$seconds
  measure "rclone copy --transfers 4" scripts/servers/rclone copy --transfers 4 "$repository" "smb:$SYNCTEST_SMB_SHARE/$folder/rclone"; peer=$seconds
  measure "rclone no-change copy" scripts/servers/rclone copy --transfers 4 "$repository" "smb:$SYNCTEST_SMB_SHARE/$folder/rclone"; peer_again=$seconds
  awk -v a="$first" -v b="$peer" -v c="$again" -v d="$peer_again" \
    'BEGIN { printf "  ratio (rclone time / syncconfig time): first %.2f, no-change %.2f\n", b / a, d / c }'
done
