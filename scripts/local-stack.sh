#!/usr/bin/env bash
# The local stack without Docker: redis-server, a Kafka-protocol broker (librdkafka's mock cluster, in memory),
# a standalone silo consuming from Kafka, and the gateway on port 8005 co-hosting another silo; both silos are
# members of the consumer group and keep their grains' state in the same Redis.
# It stays in the foreground: the banner comes once the gateway answers /ready, Ctrl-C stops everything.
# The gateway runs as `dotnet run --project Gateway` does: Development (so the README's token command works
# against it), Gateway/ as its content root (so Gateway/appsettings*.json apply), listening on 127.0.0.1 only.
# Logs go to $STACK_DIR (default: a fresh temporary directory).
# Ports: GATEWAY_PORT (8005), REDIS_PORT (6390), and the Orleans ports of the gateway's silo (GATEWAY_SILO_PORT 11111,
# GATEWAY_SILO_GATEWAY_PORT 30000) and of the headless silo (SILO_PORT 11112, SILO_GATEWAY_PORT 30001).
# BUILD_CONFIGURATION (Debug) picks the build that runs; SKIP_BUILD=1 runs that build as it is, without building.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

REDIS_PORT="${REDIS_PORT:-6390}"
GATEWAY_PORT="${GATEWAY_PORT:-8005}"
PARTITIONS="${PARTITIONS:-6}"
GATEWAY_SILO_PORT="${GATEWAY_SILO_PORT:-11111}"
GATEWAY_SILO_GATEWAY_PORT="${GATEWAY_SILO_GATEWAY_PORT:-30000}"
SILO_PORT="${SILO_PORT:-11112}"
SILO_GATEWAY_PORT="${SILO_GATEWAY_PORT:-30001}"
READY_TIMEOUT_SECONDS="${READY_TIMEOUT_SECONDS:-180}"
BUILD_CONFIGURATION="${BUILD_CONFIGURATION:-Debug}"
STACK_DIR="${STACK_DIR:-$(mktemp -d -t mastery-stack.XXXXXX)}"
mkdir -p "$STACK_DIR"

# Our own messages go to fd 3, the terminal's stderr; fd 2 goes to a log once members run, since bash reports a
# member killed by a signal there with a long job line of its own.
exec 3>&2
fail() { echo "local-stack: $*" >&3; exit 1; }

for tool in redis-server kcat curl; do
  command -v "$tool" >/dev/null || fail "$tool is missing: apt-get install $tool"
done
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$GATEWAY_PORT" && fail "port $GATEWAY_PORT is in use (another gateway?); stop it or run with GATEWAY_PORT=<free port>"
port_in_use "$REDIS_PORT" && fail "port $REDIS_PORT is in use (another redis?); stop it or run with REDIS_PORT=<free port>"
for setting in GATEWAY_SILO_PORT GATEWAY_SILO_GATEWAY_PORT SILO_PORT SILO_GATEWAY_PORT; do
  port_in_use "${!setting}" && fail "port ${!setting} is in use (another silo?); stop it or run with $setting=<free port>"
done

pids=()
names=()
# stop PID...: SIGTERM, up to 30 s to exit (a silo leaves its cluster and hands its grains over), then SIGKILL.
stop() {
  local _
  kill "$@" 2>/dev/null || true
  for _ in $(seq 1 300); do
    any_running "$@" || break
    sleep 0.1
  done
  kill -KILL "$@" 2>/dev/null || true
}

stop_all() {
  trap - EXIT INT TERM
  # The silos first, while Redis (membership, state) and Kafka (offset commits) still answer their goodbyes.
  if [ "${#pids[@]}" -gt 2 ]; then stop "${pids[@]:2}"; fi
  stop "${pids[@]}"
  wait 2>/dev/null || true
  echo "stopped; logs in $STACK_DIR"
}
# Ctrl-C and SIGTERM are how the stack is meant to end: not an error. EXIT then runs stop_all.
trap stop_all EXIT
trap 'exit 0' INT TERM

# start NAME LOG COMMAND...: runs a member in the background and remembers it for the crash report.
start() {
  local name="$1" log="$2"
  shift 2
  "$@" >"$log" 2>&1 &
  pids+=($!)
  names+=("$name:$log")
}

# Whether a member still runs: an exited child stays a zombie (which kill -0 still finds) until it is waited for.
running() {
  local state=""
  [ -r "/proc/$1/stat" ] && read -r _ _ state _ <"/proc/$1/stat"
  [ -n "$state" ] && [ "$state" != Z ]
}

any_running() {
  local pid
  for pid in "$@"; do running "$pid" && return 0; done
  return 1
}

# One line for a member that died: which one, its exit code and the last thing it wrote.
report_exit() {
  local i pid status name log
  for i in "${!pids[@]}"; do
    pid="${pids[$i]}"
    running "$pid" && continue
    status="${1:-}"
    if [ -z "$status" ]; then
      status=0
      wait "$pid" 2>/dev/null || status=$?
    fi
    name="${names[$i]%%:*}"
    log="${names[$i]#*:}"
    local how="code $status" last
    [ "$status" -gt 128 ] && how="$how, SIG$(kill -l $((status - 128)))"
    last="$(grep -v '^\s*$' "$log" | grep -v '^\s*at ' | tail -n 1 | cut -c1-300)"
    echo "local-stack: the $name exited ($how): ${last:-it wrote nothing} (log: $log)" >&3
    return 0
  done
  return 1
}

silo_dll="$root/Silo/bin/$BUILD_CONFIGURATION/net10.0/MasteryEngine.Silo.dll"
gateway_dll="$root/Gateway/bin/$BUILD_CONFIGURATION/net10.0/MasteryEngine.Gateway.dll"
if [ "${SKIP_BUILD:-}" = 1 ]; then
  [ -f "$gateway_dll" ] && [ -f "$silo_dll" ] || fail "SKIP_BUILD=1 but there is no $BUILD_CONFIGURATION build: dotnet build Gateway -c $BUILD_CONFIGURATION"
else
  echo "building Silo and Gateway ($BUILD_CONFIGURATION, log: $STACK_DIR/build.log)..."
  dotnet build Gateway -c "$BUILD_CONFIGURATION" -nologo -v quiet >"$STACK_DIR/build.log" 2>&1 || fail "the build failed, see $STACK_DIR/build.log"
fi

exec 2>>"$STACK_DIR/local-stack.log"
echo "starting redis on 127.0.0.1:$REDIS_PORT and the Kafka mock broker..."
start redis "$STACK_DIR/redis.log" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no
# The broker writes its address to a well-known file (the mock cannot listen on a fixed port), where other
# shells read it too: kcat -b "$(cat "${XDG_RUNTIME_DIR:-/tmp}/mastery-engine/kafka-broker")" ...
broker_file="${XDG_RUNTIME_DIR:-/tmp}/mastery-engine/kafka-broker"
rm -f "$broker_file"
dotnet "$silo_dll" kafka-mock --brokers 1 --partitions "$PARTITIONS" --address-file "$broker_file" \
  >"$STACK_DIR/kafka.out" 2>"$STACK_DIR/kafka.log" &
pids+=($!)
names+=("Kafka mock broker:$STACK_DIR/kafka.log")
for _ in $(seq 1 300); do
  [ -s "$broker_file" ] && break
  report_exit && exit 1
  sleep 0.1
done
KAFKA_BROKER="$(cat "$broker_file" 2>/dev/null || true)"
[ -n "$KAFKA_BROKER" ] || fail "the Kafka mock broker wrote no address within 30 s, see $STACK_DIR/kafka.log"

export STREAM_PROVIDER=kafka STORAGE_PROVIDER=redis KAFKA_BROKER REDIS_HOST="127.0.0.1:$REDIS_PORT"
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
# Two silos on a developer's machine, one of them still compiling its first requests: with two, one missed probe
# vote evicts a silo, and the service's 1 s probes (tuned for three or more pods) would evict a busy one. Orleans'
# own defaults (5 s, 3 misses) suit this stack.
export Orleans__Membership__ProbeTimeout=00:00:05 Orleans__Membership__NumMissedProbesLimit=3
# The mock broker's classic consumer group waits a whole session timeout (45 s) before it shares the partitions with
# the second silo, and consumes nothing meanwhile; its KIP-848 groups rebalance at once.
export KAFKA_GROUP_PROTOCOL="${KAFKA_GROUP_PROTOCOL:-consumer}"

echo "starting the silo and the gateway..."
# Both are silos of one cluster on this machine, so each needs ports of its own.
(cd "$root/Silo" && ORLEANS_SILO_PORT="$SILO_PORT" ORLEANS_GATEWAY_PORT="$SILO_GATEWAY_PORT" exec dotnet "$silo_dll") >"$STACK_DIR/silo.log" 2>&1 &
pids+=($!)
names+=("silo:$STACK_DIR/silo.log")
(cd "$root/Gateway" && ORLEANS_SILO_PORT="$GATEWAY_SILO_PORT" ORLEANS_GATEWAY_PORT="$GATEWAY_SILO_GATEWAY_PORT" \
  ASPNETCORE_URLS="http://127.0.0.1:$GATEWAY_PORT" exec dotnet "$gateway_dll") >"$STACK_DIR/gateway.log" 2>&1 &
pids+=($!)
names+=("gateway:$STACK_DIR/gateway.log")

ready=""
for _ in $(seq 1 "$READY_TIMEOUT_SECONDS"); do
  report_exit && exit 1
  if curl -fsS -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/ready" 2>/dev/null; then
    ready=yes
    break
  fi
  sleep 1
done
[ -n "$ready" ] || fail "the gateway did not report ready within $READY_TIMEOUT_SECONDS s: $(curl -s "http://127.0.0.1:$GATEWAY_PORT/ready" || true) (log: $STACK_DIR/gateway.log)"

cat <<INFO
ready.
redis    127.0.0.1:$REDIS_PORT
kafka    $KAFKA_BROKER (mock cluster, in memory; topics mastery.requests/results/events/dlq), also in $broker_file
silo     logs $STACK_DIR/silo.log
gateway  http://127.0.0.1:$GATEWAY_PORT (Development, logs $STACK_DIR/gateway.log)

produce an event (from any shell):
  export KAFKA_BROKER="\$(cat "$broker_file")"
  echo 'student_12345:{"event_type":"completion","student_id":"student_12345","event_id":"e-1","data":{"total_exercises":10,"completed_exercises":8}}' \\
    | kcat -b "\$KAFKA_BROKER" -t mastery.requests -K: -P
read the outcome:
  kcat -b "\$KAFKA_BROKER" -t mastery.results -C -o beginning -e
This script stays in the foreground; Ctrl-C stops the stack.
INFO

# Stop everything as soon as one member exits, and say which one and why.
status=0
wait -n 2>/dev/null || status=$?
report_exit "$status" || echo "local-stack: a member of the stack exited (code $status); stopping the rest" >&3
exit 1
