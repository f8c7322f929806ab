#!/usr/bin/env bash
# Benchmark (not a test): what SyncConfig's analyzers and generator cost in a Definitions build.
#
#   bash scripts/bench-build.sh [COUNT]          (RUNS=5 bash scripts/bench-build.sh 1000)
#
# Generates a Definitions project with COUNT definitions (default 500, a mix of every kind, one
# file each) in a temporary folder, builds it once to restore and build its dependencies, then
# recompiles it RUNS times (default 3) in each of three ways:
#   - with -p:ReportAnalyzer=true: the compiler's own report of the time spent in
#     SyncConfig.Analyzers and SyncConfig.Generators, as a share of that compile (the goal's figure);
#   - with the analyzers and the generator, not reporting (reporting slows analyzers down), and
#   - without them (-p:SyncConfigTooling=false): the same definitions as plain partial classes;
#     the difference of these two is what the tooling adds to the build, compiling the generated
#     code and concurrency included.
# Prints every run and the medians. Goal: the reported share under 10 %.
#
# The compiler server stays as the machine sets it (here UseSharedCompilation=false: every compile
# is a cold process, as on CI). SERVER=1 uses the compiler server instead, as a developer's machine
# and the IDE do (warm JIT after the first compile; the server exits by itself when idle).
# On a shared, busy machine the figures are noisy: use the medians.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-500}
runs=${RUNS:-3}
server=()
if [ "${SERVER:-0}" = 1 ]; then server=(-p:UseSharedCompilation=true); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$work/BenchDefinitions.csproj"

sed "s#@ROOT@#$root#g" "$root/Benchmarks/DefinitionsBuild/BenchDefinitions.csproj.template" >"$project"
bash "$root/Benchmarks/DefinitionsBuild/generate-definitions.sh" "$work/Definitions" "$count"
echo "Generated $count definitions in $work"

if ! dotnet build "$project" -c Release -nologo -v:q -clp:ErrorsOnly "${server[@]}" >"$work/warmup.log" 2>&1; then
  cat "$work/warmup.log"
  echo "warm-up build failed"
  exit 1
fi

# Recompiles the project (touching one definition makes CoreCompile run) and prints the Csc task's milliseconds.
compile() {
  local log=$1
  shift
  touch "$work/Definitions/Sync1.cs"
  dotnet build "$project" -c Release -nologo --no-restore --no-dependencies -v:d -clp:PerformanceSummary "${server[@]}" "$@" >"$log" 2>&1 \
    || { tail -20 "$log" >&2; exit 1; }
  awk '$2 == "ms" && $3 == "Csc" { ms = $1 } END { print ms }' "$log"
}

# Seconds that ReportAnalyzer attributes to one analyzer/generator assembly ("<0.001" counts as 0).
seconds_of() { awk -v name="$1," '$3 == name { v = $1; sub("<", "", v); s += v } END { printf "%.3f", s + 0 }' "$2"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One way at a time: with the compiler server, switching the analyzer set reloads (and re-JITs) it.
shares=() with_all=() without_all=()
printf '%-4s %12s %14s %14s %8s\n' run "csc (ms)" "analyzers (s)" "generator (s)" share
for ((run = 1; run <= runs; run++)); do
  reported=$(compile "$work/report$run.log" -p:ReportAnalyzer=true)
  analyzers=$(seconds_of SyncConfig.Analyzers "$work/report$run.log")
  generator=$(seconds_of SyncConfig.Generators "$work/report$run.log")
  share=$(awk -v a="$analyzers" -v g="$generator" -v c="$reported" 'BEGIN { printf "%.1f", (a + g) * 100000 / c }')
  shares+=("$share")
  printf '%-4s %12s %14s %14s %7s%%\n' "$run" "$reported" "$analyzers" "$generator" "$share"
done
for ((run = 1; run <= runs; run++)); do with_all+=("$(compile "$work/with$run.log")"); done
for ((run = 1; run <= runs; run++)); do without_all+=("$(compile "$work/without$run.log" -p:SyncConfigTooling=false)"); done
echo "csc (ms) with the tooling, not reporting: ${with_all[*]}; without: ${without_all[*]}"

with=$(printf '%s\n' "${with_all[@]}" | median)
without=$(printf '%s\n' "${without_all[@]}" | median)
echo "$count definitions, medians of $runs runs:"
echo "  analyzers + generator (ReportAnalyzer): $(printf '%s\n' "${shares[@]}" | median) % of compile time (goal < 10 %)"
echo "  compile time with the tooling $with ms, without $without ms: the tooling adds $(awk -v w="$with" -v o="$without" 'BEGIN { printf "%.0f", (w - o) * 100 / w }') % (generator and analyzers plus compiling the generated code)"
