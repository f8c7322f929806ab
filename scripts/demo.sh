#!/usr/bin/env bash
# Builds the runtime and runs the demo: generates a demo repository under ./.demo (once; seeded) and
# runs `syncconfig sync DemoOffsite --now` into ./.demo/offsite, then prints where the status page is.
# Run it twice for a no-change sync; pass --add-incrementals to add last night's backups first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/prerequisites.sh demo
echo "Building the runtime (the first build takes about half a minute) ..."
dotnet build Runtime/SyncConfig.Runtime -c Release -v quiet -nologo
dotnet run --no-build --project Runtime/SyncConfig.Runtime -c Release -- demo "$@"
