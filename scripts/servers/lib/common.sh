# Shared by the scripts in scripts/servers: where the state lives, the fixed ports, the test
# account, and how a server process is launched, found and stopped. Sourced, not run.
#
# A process is found by the port it listens on, never by a pid file or `kill -0`: on machines
# whose PID 1 does not reap children, a killed server lingers as a zombie that still "exists".
# A listener counts as ours only when it was started from this state folder, so a foreign
# process on one of our ports is reported, never killed.

servers_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
project_root=$(cd "$servers_root/../.." && pwd)

STATE=${SYNCCONFIG_SERVERS_STATE:-/tmp/syncconfig-servers}
HOST=127.0.0.1
# Swift, the slow starter, comes last: the servers start together and are awaited in this order,
# so each one's start-up time is its own.
ALL_SERVERS=(sftp ftp smb s3)

# The one system account SFTP, FTP and SMB log in as. Its password is generated per state folder:
# it is a real local account, so a well-known password would open the machine's own sshd to it.
TEST_USER=syncconfig-test

# Every port in one place; none is a service's default, so a machine's own daemons never collide.
SFTP_PORT=2222
FTP_PORT=2121            # vsftpd, plain FTP only
FTPS_PORT=2990           # vsftpd, explicit TLS required, require_ssl_reuse=NO
FTPS_REUSE_PORT=2991     # vsftpd, explicit TLS required, require_ssl_reuse=YES (the negative test)
PUREFTPD_PORT=2122       # pure-ftpd, TLS optional
# Each FTP server's passive data ports, first:last.
FTP_PASSIVE=30000:30019
FTPS_PASSIVE=30020:30039
FTPS_REUSE_PASSIVE=30040:30059
PUREFTPD_PASSIVE=30060:30259
SMB_PORT=4445
S3_PORT=18080            # the Swift proxy with s3api; the rest of Swift sits behind it
SWIFT_OBJECT_PORT=16010
SWIFT_CONTAINER_PORT=16011
SWIFT_ACCOUNT_PORT=16012
MEMCACHED_PORT=11311

say() { printf '%s\n' "$*"; }
die() { printf 'servers: %s\n' "$*" >&2; exit 1; }

# Seconds since the epoch with microseconds, for start-up times.
now() { printf '%s' "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# Reads the requested server names (default: all) into the array `servers`, in the order of
# ALL_SERVERS whatever order they were given in.
parse_servers() {
  local name wanted=" "
  for name in "${@:-all}"; do
    case "$name" in
      all) wanted+="${ALL_SERVERS[*]} " ;;
      sftp | s3 | ftp | smb) wanted+="$name " ;;
      *) die "unknown server '$name' (expected all, sftp, s3, ftp or smb)" ;;
    esac
  done
  servers=()
  for name in "${ALL_SERVERS[@]}"; do
    [[ $wanted == *" $name "* ]] && servers+=("$name")
  done
  return 0
}

require_root() {
  [ "$(id -u)" -eq 0 ] || die "run as root: the servers switch to the test account and create it"
}

check_state_path() {
  case "$STATE" in
    /*) ;;
    *) die "SYNCCONFIG_SERVERS_STATE must be an absolute path, not '$STATE'" ;;
  esac
  # servers.env holds plain KEY=VALUE lines that both bash and the tests read without quoting.
  [[ "$STATE" =~ ^[A-Za-z0-9_./-]+$ ]] || die "SYNCCONFIG_SERVERS_STATE may hold only letters, digits and _ . / -"
}

# A random secret of letters and digits, created once per state folder and kept in FILE.
secret() {
  local file=$1
  if [ ! -s "$file" ]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '+/=\n' | head -c 24 >"$file")
  fi
  cat "$file"
}

# A login shell, because vsftpd's PAM stack (pam_shells) refuses accounts without one.
ensure_test_user() {
  local home="$STATE/home"
  if ! id -u "$TEST_USER" >/dev/null 2>&1; then
    useradd --home-dir "$home" --no-create-home --shell /bin/bash --user-group "$TEST_USER"
  elif [ "$(getent passwd "$TEST_USER" | cut -d: -f6)" != "$home" ]; then
    usermod --home "$home" "$TEST_USER"
  fi
  mkdir -p "$home"
  chown "$TEST_USER:$TEST_USER" "$home"
  chmod 755 "$STATE" "$home"
  printf '%s:%s\n' "$TEST_USER" "$(secret "$STATE/password")" | chpasswd
}

# Whether anything listens on TCP PORT. Cheap, unlike listener_pid, which scans every process.
port_listening() {
  [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
}

# The pid listening on TCP PORT, or nothing.
listener_pid() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1
}

# Ours when its command line names the state folder, or its binary lies in it (pure-ftpd rewrites
# its command line).
is_ours() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "$STATE/" ||
    [[ "$(readlink "/proc/$1/exe" 2>/dev/null)" == "$STATE/"* ]]
}

command_of() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null
}

# Shows the end of each log, from the last start onwards.
log_tail() {
  local log
  for log in "$@"; do
    [ -s "$log" ] || continue
    printf -- '--- %s\n' "$log" >&2
    awk '/^=== .* starting: / { n = 0 } { line[n++] = $0 } END { for (i = (n > 25 ? n - 25 : 0); i < n; i++) print line[i] }' "$log" >&2
  done
}

# Succeeds when our server listens on PORT, fails when nothing does, and stops the script when a
# process of another state folder or program holds it.
ours_listening() {
  local name=$1 port=$2 pid
  port_listening "$port" || return 1
  pid=$(listener_pid "$port")
  is_ours "$pid" && return 0
  die "$name: port $port is taken by another process (pid $pid: $(command_of "$pid"))"
}

# launch NAME PORT COMMAND...: starts COMMAND in its own session unless PORT listens already
# (check_ports has made sure that a listener there is ours). Its output goes to logs/NAME.log.
# Sets `launched_pid` (empty when it was already running). The server keeps no descriptor of the
# caller's: a test runner that captures our output must not wait for a daemon to close its pipe.
launch() {
  local name=$1 port=$2
  shift 2
  launched_pid=
  port_listening "$port" && return 0
  local log="$STATE/logs/$name.log"
  printf '=== %s starting: %s\n' "$(date '+%F %T')" "$*" >>"$log"
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done
    exec setsid "$@" >>"$log" 2>&1 </dev/null
  ) &
  launched_pid=$!
}

# wait_listening NAME PORT SECONDS PID: waits until PORT listens; on a timeout, or when the
# launched process exits first, stops what was launched and fails with its log's last lines.
wait_listening() {
  local name=$1 port=$2 seconds=$3 pid=$4 log="$STATE/logs/$1.log" deadline
  deadline=$(awk -v a="$(now)" -v s="$seconds" 'BEGIN { printf "%.0f", (a + s) * 1000 }')
  while ! port_listening "$port"; do
    if [ -n "$pid" ] && ! process_alive "$pid"; then
      log_tail "$log"
      die "$name exited before listening on $HOST:$port"
    fi
    if [ "$(awk -v a="$(now)" 'BEGIN { printf "%.0f", a * 1000 }')" -gt "$deadline" ]; then
      [ -n "$pid" ] && kill_session "$pid" KILL
      log_tail "$log"
      die "$name did not listen on $HOST:$port within $seconds s"
    fi
    sleep 0.05
  done
}

# Alive means running: a zombie still has a /proc entry but is no server.
process_alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# Signals the whole process group when the process belongs to one of our sessions (launch makes
# every server a session leader), so per-connection children go too; otherwise the process alone.
kill_session() {
  local pid=$1 signal=$2 stat pgid
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  read -r _ _ pgid _ <<<"$stat"
  if [ "$pgid" -gt 1 ] && is_ours "$pgid"; then
    kill "-$signal" -- "-$pgid" 2>/dev/null || true
  else
    kill "-$signal" "$pid" 2>/dev/null || true
  fi
}

# stop_listener NAME PORT: stops our server on PORT and waits until the port is free.
stop_listener() {
  local name=$1 port=$2 pid signal tries
  port_listening "$port" || return 0
  pid=$(listener_pid "$port")
  if ! is_ours "$pid"; then
    say "$name: port $port belongs to another process (pid $pid), left alone" >&2
    return 0
  fi
  for signal in TERM KILL; do
    kill_session "$pid" "$signal"
    for ((tries = 0; tries < 100; tries++)); do
      port_listening "$port" || return 0
      sleep 0.05
    done
  done
  die "$name still listens on $HOST:$port after SIGKILL"
}

# Prints "running (pid N)", "stopped", or "port taken by ..." for a port.
listener_state() {
  local pid
  if ! port_listening "$1"; then
    printf 'stopped'
    return
  fi
  pid=$(listener_pid "$1")
  if is_ours "$pid"; then
    printf 'running (pid %s)' "$pid"
  else
    printf 'port taken by pid %s: %s' "$pid" "$(command_of "$pid")"
  fi
}

# Each server's file (lib/NAME.sh) provides NAME_listeners (lines "process port"), NAME_prepare
# (configuration, keys, its part of servers.env), NAME_launch PROCESS PORT, and may provide
# NAME_ready (what must work beyond listening).
START_TIMEOUT=60

# Stops the script before anything is touched when a port of the server is held by another
# process: the test account, for one, is shared with whatever state folder holds it.
check_ports() {
  local name port
  while read -r name port; do
    ours_listening "$name" "$port" || true
  done < <("${1}_listeners")
}

# launch_server NAME: launches every process of the server that is not running yet, and records
# in `launched` the pids of those it launched.
declare -A launched=()
launch_server() {
  local name port
  while read -r name port; do
    "${1}_launch" "$name" "$port"
    launched[$name]=$launched_pid
  done < <("${1}_listeners")
}

# await_server NAME STARTED: waits until every process of a launched server listens and the server
# is ready, then reports the time since STARTED.
await_server() {
  local server=$1 started=$2 name port fresh=
  while read -r name port; do
    wait_listening "$name" "$port" "$START_TIMEOUT" "${launched[$name]}"
    fresh+=${launched[$name]}
  done < <("${server}_listeners")
  if declare -F "${server}_ready" >/dev/null; then "${server}_ready"; fi
  if [ -n "$fresh" ]; then
    say "$server: ready in $(elapsed "$started") s"
  else
    say "$server: already running"
  fi
}

stop_server() {
  local name port
  while read -r name port; do
    stop_listener "$name" "$port"
  done < <("${1}_listeners")
  say "$1: stopped"
}

# servers.env is the concatenation of the common part and each prepared server's part, rewritten
# whole so a reader never sees half a file.
write_env() {
  local env="$STATE/servers.env" part
  {
    say "# Written by scripts/servers/start; read by the tests. Test-only secrets: never copy them elsewhere."
    say "SYNCTEST_STATE=$STATE"
    say "SYNCTEST_HOST=$HOST"
    say "SYNCTEST_USER=$TEST_USER"
    say "SYNCTEST_PASSWORD=$(secret "$STATE/password")"
    say "SYNCTEST_HOME=$STATE/home"
    for part in "${ALL_SERVERS[@]}"; do
      if [ -f "$STATE/$part/server.env" ]; then cat "$STATE/$part/server.env"; fi
    done
  } >"$env.tmp"
  chmod 600 "$env.tmp"
  mv "$env.tmp" "$env"
}

for server_file in "$servers_root"/lib/{sftp,s3,ftp,smb}.sh; do
  # shellcheck source=/dev/null
  . "$server_file"
done
unset server_file
