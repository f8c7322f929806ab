#!/usr/bin/env bash
# Benchmark (not a test) of the S3 transport against the S3 test server (Swift's s3api on 127.0.0.1): SyncConfig's
# first sync and no-change sync of a repository next to `rclone copy --transfers 4` of the same data, alternating,
# with throughput, files/s, SyncConfig's peak RSS and the ratio. Then the no-change sync of a mirror of many small
# objects (one paginated listing for SyncConfig; rclone asks each object's modification time).
# Usage: bash scripts/bench-s3.sh [LARGE_FILES] [LARGE_MB] [SMALL_FILES] [RUNS] [MANY_OBJECTS]
#        (default: 20 64 2000 2 20000; MANY_OBJECTS 0 skips that part)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
large=${1:-20} large_mb=${2:-64} small=${3:-2000} runs=${4:-2} many=${5:-20000}

bash scripts/prerequisites.sh bench >/dev/null
scripts/servers/start s3 >/dev/null
scripts/servers/rclone-config >/dev/null
state=${SYNCCONFIG_SERVERS_STATE:-/tmp/syncconfig-servers}
. "$state/servers.env"
work=$(mktemp -d /tmp/bench-s3.XXXXXX)
trap 'rm -rf "$work"' EXIT
# The executable as a Linux deployment runs it (Native AOT, docs/deploy.md).
bash scripts/publish-native.sh "$work/bin"
syncconfig="$work/bin/syncconfig"
printf '{ "SyncConfig": { "StateFolder": "%s/state", "StatusFolder": "%s/status", "TimeZone": "UTC" } }\n' "$work" "$work" >"$work/appsettings.json"

# A repository as backups lay it out: <computer>/<backup definition>/<image files>.
make_repository() { # DIR LARGE LARGE_MB SMALL
  local dir=$1 i
  mkdir -p "$dir/PC-BIG/00000000000000A1"
  for ((i = 0; i < $2; i++)); do
    head -c "$(($3 * 1024 * 1024))" /dev/urandom >"$dir/PC-BIG/00000000000000A1/image-$i.mrimg"
  done
  for ((i = 0; i < $4; i++)); do
    local folder="$dir/PC-$((i % 20))/00000000000000B$((i % 7))"
    mkdir -p "$folder"
    head -c "$((1024 + (i * 7919) % 65536))" /dev/urandom >"$folder/inc-$i.mrimg"
  done
}

bytes_of() { du -sb --exclude=.syncconfig "$1" | cut -f1; }
files_of() { find "$1" -type f -not -path '*/.syncconfig/*' | wc -l; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
now() { date +%s.%N; }

# syncconfig ROOT -> "seconds peak_kib" (exits on a failed sync)
run_syncconfig() {
  local started ended rss
  started=$(now)
  env SYNCTEST_S3_REPOSITORY="$repo" SYNCCONFIG_S3_ENDPOINT="${SYNCTEST_S3_ENDPOINT#http://}" \
    SYNCCONFIG_S3_BUCKET="$SYNCTEST_S3_BUCKET" SYNCCONFIG_S3_REGION="$SYNCTEST_S3_REGION" SYNCCONFIG_S3_ROOT="$1" \
    SYNCCONFIG_S3_ACCESS_KEY="$SYNCTEST_S3_ACCESS_KEY" SYNCCONFIG_S3_SECRET_KEY="$SYNCTEST_S3_SECRET_KEY" \
    /usr/bin/time -f '%M' -o "$work/rss" "$syncconfig" sync S3Offsite --now --config "$work/appsettings.json" >"$work/sync.log" 2>&1 ||
    { cat "$work/sync.log" >&2; return 1; }
  ended=$(now)
  rss=$(tail -n 1 "$work/rss")
  printf '%s %s' "$(seconds "$started" "$ended")" "$rss"
}

run_rclone() { # ROOT -> seconds
  local started ended
  started=$(now)
  scripts/servers/rclone copy --transfers 4 "$repo" "s3:$SYNCTEST_S3_BUCKET/$1" --exclude '.syncconfig/**' >"$work/rclone.log" 2>&1 ||
    { cat "$work/rclone.log" >&2; return 1; }
  ended=$(now)
  seconds "$started" "$ended"
}

purge() { scripts/servers/rclone purge "s3:$SYNCTEST_S3_BUCKET/$1" >/dev/null 2>&1 || true; }

report() { # LABEL SECONDS BYTES FILES [RSS_KIB]
  awk -v l="$1" -v s="$2" -v b="$3" -v f="$4" -v r="${5:-}" 'BEGIN {
    printf "%-34s %8.2f s %9.1f MiB/s %9.0f files/s", l, s, b / 1048576 / s, f / s
    if (r != "") printf "   peak RSS %6.0f MiB", r / 1024
    printf "\n" }'
}

repo="$work/repository"
make_repository "$repo" "$large" "$large_mb" "$small"
bytes=$(bytes_of "$repo") files=$(files_of "$repo")
echo "repository: $files files, $((bytes / 1048576)) MiB ($large x $large_mb MiB + $small small); $runs runs, alternating"
sc_first=() rc_first=()
for ((run = 0; run < runs; run++)); do
  prefix="bench/$(basename "$work")-$run"
  out=$(run_syncconfig "$prefix/syncconfig") || exit 1
  read -r t rss <<<"$out"
  report "syncconfig first sync" "$t" "$bytes" "$files" "$rss"
  sc_first+=("$t")
  out=$(run_syncconfig "$prefix/syncconfig") || exit 1
  read -r t rss <<<"$out"
  report "syncconfig no-change sync" "$t" "$bytes" "$files" "$rss"
  t=$(run_rclone "$prefix/rclone") || exit 1
  report "rclone copy --transfers 4 (first)" "$t" "$bytes" "$files"
  rc_first+=("$t")
  t=$(run_rclone "$prefix/rclone") || exit 1
  report "rclone copy (no change)" "$t" "$bytes" "$files"
  purge "$prefix"
done
best() { printf '%s\n' "$@" | sort -n | head -n 1; }
if [ "$runs" -gt 0 ]; then
  awk -v s="$(best "${sc_first[@]}")" -v r="$(best "${rc_first[@]}")" \
    'BEGIN { printf "first sync, best of runs: syncconfig %.2f s, rclone %.2f s, ratio (rclone time / syncconfig time) %.2f\n", s, r, r / s }'
fi

if [ "$many" -gt 0 ]; then
  rm -rf "$repo"
  mkdir -p "$repo"
  for ((i = 0; i < many; i++)); do
    folder="$repo/PC-$((i % 50))/00000000000000C$((i % 4))"
    [ -d "$folder" ] || mkdir -p "$folder"
    printf '%s' "$i" >"$folder/f-$i.mrimg"
  done
  prefix="bench/$(basename "$work")-many"
  echo "mirror of $many small objects"
  out=$(run_syncconfig "$prefix/syncconfig") || exit 1
  read -r t rss <<<"$out"
  report "syncconfig first sync" "$t" "$(bytes_of "$repo")" "$many" "$rss"
  out=$(run_syncconfig "$prefix/syncconfig") || exit 1
  read -r t rss <<<"$out"
  report "syncconfig no-change sync" "$t" "$(bytes_of "$repo")" "$many" "$rss"
  t=$(run_rclone "$prefix/rclone") || exit 1
  report "rclone copy (first)" "$t" "$(bytes_of "$repo")" "$many"
  t=$(run_rclone "$prefix/rclone") || exit 1
  report "rclone copy (no change)" "$t" "$(bytes_of "$repo")" "$many"
  purge "$prefix"
fi
