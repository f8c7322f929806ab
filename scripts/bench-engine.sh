#!/usr/bin/env bash
# Benchmark (not a test) of the sync engine on a Local Path target: a repository of 100,000 small files and one
# of a few large files, each timed as a first sync and a no-change sync, next to cp -r and rclone sync of the
# same data in the same run. Usage: bash scripts/bench-engine.sh [WORKDIR] [FILES]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/prerequisites.sh bench || echo "rclone could not be installed; comparing with cp -r only"
work=${1:-$(mktemp -d)}
files=${2:-100000}
dotnet build Benchmarks/EngineBench -c Release -nologo -clp:ErrorsOnly >/dev/null
bench=Benchmarks/EngineBench/bin/Release/net10.0/EngineBench
"$bench" many-files "$work/many" "$files"
"$bench" large-files "$work/large"
