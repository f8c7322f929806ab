#!/usr/bin/env bash
# Builds the runtime and runs the demo: a generated repository synced to a local folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/prerequisites.sh demo
dotnet run --project Runtime/SyncConfig.Runtime -c Release -- "$@"
