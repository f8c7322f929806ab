#!/usr/bin/env bash
# Benchmark (not a test) of the status files at scale: SYNCS syncs whose last attempt saw FILES unchanged files.
# Fabricates the status folder in both layouts (paths inside <sync>.json as before, summaries with the lists in
# <sync>.files.json as now), then runs 'status' and 'run' (page written at start and every minute) over each and
# prints time and resident memory. Usage: bash scripts/bench-status.sh [WORKDIR] [SYNCS] [FILES] [RUN_SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=${1:-$(mktemp -d)}
syncs=${2:-200}
files=${3:-50000}
seconds=${4:-130}
dotnet build Benchmarks/StatusBench -c Release -nologo -v q -clp:ErrorsOnly | grep -v "^$" || true
bench=Benchmarks/StatusBench/bin/Release/net10.0/StatusBench
for layout in with-lists summaries; do
  "$bench" fabricate "$work/$layout" "$layout" "$syncs" "$files"
  start=$(date +%s.%N)
  "$bench" status "$work/$layout" "$syncs"
  echo "  status process, start to exit: $(awk "BEGIN { printf \"%.2f\", $(date +%s.%N) - $start }") s"
  "$bench" run "$work/$layout" "$syncs" "$seconds"
done
rm -rf "$work"
