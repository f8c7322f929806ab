#!/usr/bin/env bash
# Median wall time of N runs of a command (default 5), e.g. start-up of `list` and of a no-change sync:
#   bash scripts/bench-startup.sh 7 ./out/linux-x64/syncconfig list
#   bash scripts/bench-startup.sh 5 dotnet Runtime/SyncConfig.Runtime/bin/Release/net10.0/syncconfig.dll sync DemoOffsite --now --config cfg.json
# The command's output is discarded; prints "median min max" in seconds.
set -euo pipefail
runs=$1; shift
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "command failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.3f  min %.3f  max %.3f\n", a[int((NR+1)/2)], a[1], a[NR]}'
