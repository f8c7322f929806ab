#!/usr/bin/env bash
# Publishes this repository's syncconfig executable as a team's project publishes it on Linux (docs/deploy.md): Native
# AOT, one native file, with the example and end-to-end test definitions compiled in. The benchmarks time it and
# scripts/test.sh runs the end-to-end tests against it as well.
# Usage: bash scripts/publish-native.sh OUTPUT_FOLDER   (then OUTPUT_FOLDER/syncconfig)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
output=$(realpath -m "${1:?usage: publish-native.sh OUTPUT_FOLDER}")
bash "$root/scripts/prerequisites.sh" native >/dev/null
rid=$(dotnet --info | awk '/RID:/ { print $2; exit }')
log=$(mktemp)
if ! dotnet publish "$root/Runtime/SyncConfig.Runtime" -c Release -r "$rid" -p:SyncConfigNativeAot=true \
    -p:SyncConfigExamples=true -o "$output" -nologo -clp:NoSummary >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"
  echo "publishing the native syncconfig failed (output above)" >&2
  exit 1
fi
rm -f "$log"
test -x "$output/syncconfig"
