# Shared by the transport benchmarks (bench-ftp.sh, bench-smb.sh): source it, then call the functions.

# bench_executable DIR: publishes the syncconfig executable as a Linux deployment runs it (Native AOT, docs/deploy.md),
# with the end-to-end test definitions the benchmarks sync; sets `syncconfig`. The build output would also time the
# JIT compiling the program on every start.
bench_executable() {
  bash "$root/scripts/publish-native.sh" "$1"
  syncconfig="$1/syncconfig"
}

# bench_repository DIR LARGE LARGE_MB SMALL: LARGE files of LARGE_MB and SMALL files of 1-64 KB, spread over computers
# and backup definitions; sets `files` and `bytes`.
bench_repository() {
  local repository=$1 large=$2 large_mb=$3 small=$4 i dir
  for ((i = 0; i < large; i++)); do
    dir="$repository/PC0$((i % 4))/DEF$((i % 3))"; mkdir -p "$dir"
    head -c "$((large_mb << 20))" /dev/urandom >"$dir/image-$i.mrimg"
  done
  for ((i = 0; i < small; i++)); do
    dir="$repository/PC0$((i % 4))/DEF$((i % 3))/index"; mkdir -p "$dir"
    head -c "$(((RANDOM % 64 + 1) << 10))" /dev/urandom >"$dir/chunk-$i.idx"
  done
  files=$(find "$repository" -type f | wc -l)
  bytes=$(du -sb "$repository" | cut -f1)
}

# measure LABEL COMMAND...: runs it under GNU time (scratch files in $work) and prints one line; sets `seconds`.
measure() {
  local label=$1 rss; shift
  /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r seconds rss user system <"$work/time"
  awk -v l="$label" -v s="$seconds" -v b="$bytes" -v f="$files" -v r="$rss" -v u="$user" -v y="$system" \
    'BEGIN { printf "  %-28s %7.2f s %8.1f MiB/s %8.0f files/s  peak RSS %4.0f MiB  CPU %5.2f s\n", l, s, b / 1048576 / s, f / s, r / 1024, u + y }'
}
