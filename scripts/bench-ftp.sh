#!/usr/bin/env bash
# Benchmark (not a test) of the FTP and FTPS transports against the real test servers, beside rclone copy --transfers 4
# to the same server: SyncConfig's first sync and no-change sync, then rclone's copy and its no-change copy, taking
# turns for each round. FTP goes to pure-ftpd, FTPS to vsftpd (the servers the end-to-end definitions name).
# Prints wall time, throughput, files/s, peak RSS and SyncConfig's throughput as a ratio of rclone's.
# Usage: bash scripts/bench-ftp.sh [LARGE_FILES=20] [LARGE_MB=64] [SMALL_FILES=2000] [ROUNDS=1]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
large=${1:-20}; large_mb=${2:-64}; small=${3:-2000}; rounds=${4:-1}

bash scripts/prerequisites.sh bench >/dev/null
bash scripts/servers/start ftp >/dev/null
. "$root/scripts/servers/lib/common.sh"
set -a; . "$STATE/servers.env"; set +a

work=$(mktemp -d)
target="$SYNCTEST_HOME/bench-$(basename "$work")"
mkdir -p "$target" && chmod 777 "$target"
trap 'rm -rf "$work" "$target"' EXIT

repository="$work/repository"
. "$root/scripts/lib/bench.sh"
bench_executable "$work/bin"
bench_repository "$repository" "$large" "$large_mb" "$small"
printf '{ "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" } }\n' >"$work/appsettings.json"
echo "repository: $files files, $((bytes >> 20)) MiB; $(nproc) cores"

for protocol in ftp ftps; do
  # FTPS by name: .NET resumes TLS sessions on data connections only for a named host ("localhost" is 127.0.0.1 here).
  if [ $protocol = ftp ]; then sync=FtpTestOffsite; host=$SYNCTEST_HOST; remote=pureftpd; else sync=FtpsTestOffsite; host=localhost; remote=ftps; fi
  echo "$protocol:"
  for ((round = 1; round <= rounds; round++)); do
    rm -rf "${target:?}"/* "$repository/.syncconfig" "$work/state" "$work/status"
    export SYNCTEST_FTP_REPOSITORY="$repository" SYNCTEST_FTP_SERVER="$host$target"
    measure "syncconfig first sync" "$syncconfig" --config "$work/appsettings.json" sync "$sync" --now; first=$seconds
    measure "syncconfig no-change sync" "$syncconfig" --config "$work/appsettings.json" sync "$sync" --now; again=$seconds
    measure "rclone copy --transfers 4" scripts/servers/rclone copy --transfers 4 "$repository" "$remote:$target/rclone"; peer=$seconds
    measure "rclone no-change copy" scripts/servers/rclone copy --transfers 4 "$repository" "$remote:$target/rclone"; peer_again=$seconds
    awk -v a="$first" -v b="$peer" -v c="$again" -v d="$peer_again" \
      'BEGIN { printf "  ratio (rclone time / syncconfig time): first %.2f, no-change %.2f\n", b / a, d / c }'
  done
done
