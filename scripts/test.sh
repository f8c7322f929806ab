#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, builds, runs every
# test project, and prints "N passed, N failed, N skipped" summed from the TRX results.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/prerequisites.sh test || { echo "prerequisites failed"; exit 1; }
bash scripts/servers/start sftp >/dev/null || { echo "starting the SFTP test server failed"; exit 1; }
bash scripts/servers/start s3 >/dev/null || { echo "starting the S3 test server failed"; exit 1; }
bash scripts/servers/start ftp >/dev/null || { echo "starting the FTP test servers failed"; exit 1; }
bash scripts/servers/start smb >/dev/null || { echo "starting the SMB test server failed"; exit 1; }

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

# The executable as a Linux deployment publishes it (Native AOT): the end-to-end tests run it too, below.
native="$root/.artifacts/native"
bash scripts/publish-native.sh "$native" || { echo "0 passed, 1 failed"; exit 1; }

dotnet build SyncConfig.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test --solution SyncConfig.sln -c Release --no-build --report-trx --results-directory "$results" "$@"
code=$?
# The tests that start the executable (SyncConfigProcess), once more against the native one: what needs reflection or
# runtime code generation works in the build output and fails only there.
SYNCCONFIG_TEST_EXECUTABLE="$native/syncconfig" dotnet test --project Tests/SyncConfig.Runtime.Tests -c Release --no-build \
  --report-trx --results-directory "$results/native" --filter "FullyQualifiedName~.Cli.|FullyQualifiedName~.Reliability.|FullyQualifiedName~.Security." || code=$?

# Sum the <Counters> of every TRX file (MTP's own summary says "succeeded", not "passed").
passed=0; failed=0; skipped=0
attr() { grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]*' || echo 0; }
while IFS= read -r counters; do
  passed=$((passed + $(attr passed "$counters")))
  for a in failed error timeout aborted; do failed=$((failed + $(attr $a "$counters"))); done
  for a in notExecuted notRunnable; do skipped=$((skipped + $(attr $a "$counters"))); done
done < <(find "$results" -name '*.trx' -exec grep -ho '<Counters [^>]*>' {} +)
# The crash matrix says how many fault points it ran; show that beside the totals.
find "$results" -name '*.trx' -exec grep -ho 'crash matrix [^<]*' {} + | sort -u || true
summary="$passed passed, $failed failed, $skipped skipped"
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then summary="$passed passed, 1 failed, $skipped skipped"; fi
echo "$summary"
exit $code
