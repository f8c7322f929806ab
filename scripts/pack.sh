#!/usr/bin/env bash
# Packs every package of this repository (SyncConfig, SyncConfig.Runtime with the engine and transports,
# SyncConfig.Templates) and their symbols packages into one folder.
#   bash scripts/pack.sh [OUTPUT_FOLDER] [extra dotnet pack arguments, e.g. -p:Version=1.2.3]
# OUTPUT_FOLDER defaults to .artifacts/packages.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/.artifacts/packages}
shift || true
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"
dotnet pack SyncConfig.sln -c Release -nologo -clp:ErrorsOnly -p:SyncConfigPacking=true -p:PackageOutputPath="$out/" "$@"
ls -1 "$out"
