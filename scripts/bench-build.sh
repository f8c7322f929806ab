#!/usr/bin/env bash
# Benchmark (not a test): what SyncConfig's analyzers and generator cost in a Definitions build.
#
#   bash scripts/bench-build.sh [COUNT]          (RUNS=5 bash scripts/bench-build.sh 1000)
#
# Generates a Definitions project with COUNT definitions (default 500, a mix of every kind, one
# file each) in a temporary folder, builds it once to restore and build its dependencies, then
# recompiles it RUNS times (default 3), each time three ways:
#   - with -p:ReportAnalyzer=true: the compiler's own report of the time spent in
#     SyncConfig.Analyzers and SyncConfig.Generators, as a share of that compile (the goal's figure);
#   - with the analyzers and the generator, not reporting (reporting slows analyzers down), and
#   - without them (-p:SyncConfigTooling=false): the same definitions as plain partial classes;
#     the difference of these two is what the tooling adds to the build, compiling the generated
#     code and concurrency included.
# Prints every run and the medians. Goal: the reported share under 10 %.
#
# The compiler server stays as the machine sets it (here UseSharedCompilation=false: every compile
# is a cold process, as on CI). On a shared, busy machine the figures are noisy: use the medians.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-500}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$work/BenchDefinitions.csproj"

sed "s#@ROOT@#$root#g" "$root/Benchmarks/DefinitionsBuild/BenchDefinitions.csproj.template" >"$project"
bash "$root/Benchmarks/DefinitionsBuild/generate-definitions.sh" "$work/Definitions" "$count"
echo "Generated $count definitions in $work"

if ! dotnet build "$project" -c Release -nologo -v:q -clp:ErrorsOnly >"$work/warmup.log" 2>&1; then
  cat "$work/warmup.log"
  echo "warm-up build failed"
  exit 1
fi

# Recompiles the project (touching one definition makes CoreCompile run) and prints the Csc task's milliseconds.
compile() {
  local log=$1
  shift
  touch "$work/Definitions/Sync1.cs"
  dotnet build "$project" -c Release -nologo --no-restore --no-dependencies -v:d -clp:PerformanceSummary "$@" >"$log" 2>&1 \
    || { tail -20 "$log" >&2; exit 1; }
  awk '$2 == "ms" && $3 == "Csc" { ms = $1 } END { print ms }' "$log"
}

# Seconds that ReportAnalyzer attributes to one analyzer/generator assembly ("<0.001" counts as 0).
seconds_of() { awk -v name="$1," '$3 == name { v = $1; sub("<", "", v); s += v } END { printf "%.3f", s + 0 }' "$2"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

shares=() added=() with_all=() without_all=()
printf '%-4s %13s %14s %14s %9s %11s %14s %9s\n' run "report (ms)" "analyzers (s)" "generator (s)" share "with (ms)" "without (ms)" added
for ((run = 1; run <= runs; run++)); do
  reported=$(compile "$work/report$run.log" -p:ReportAnalyzer=true)
  with=$(compile "$work/with$run.log")
  without=$(compile "$work/without$run.log" -p:SyncConfigTooling=false)
  analyzers=$(seconds_of SyncConfig.Analyzers "$work/report$run.log")
  generator=$(seconds_of SyncConfig.Generators "$work/report$run.log")
  share=$(awk -v a="$analyzers" -v g="$generator" -v c="$reported" 'BEGIN { printf "%.1f", (a + g) * 100000 / c }')
  delta=$(awk -v w="$with" -v o="$without" 'BEGIN { printf "%.1f", (w - o) * 100 / w }')
  shares+=("$share") added+=("$delta") with_all+=("$with") without_all+=("$without")
  printf '%-4s %13s %14s %14s %8s%% %11s %14s %8s%%\n' "$run" "$reported" "$analyzers" "$generator" "$share" "$with" "$without" "$delta"
done

echo "$count definitions, median of $runs runs:"
echo "  compile time with analyzers and generator: $(printf '%s\n' "${with_all[@]}" | median) ms, without: $(printf '%s\n' "${without_all[@]}" | median) ms"
echo "  analyzers + generator (ReportAnalyzer): $(printf '%s\n' "${shares[@]}" | median) % of compile time (goal < 10 %)"
echo "  compile time they add (with vs without): $(printf '%s\n' "${added[@]}" | median) %"
