#!/usr/bin/env bash
# The local stack without Docker: redis-server, a Kafka-protocol broker (librdkafka's mock cluster, in memory),
# a standalone silo consuming from Kafka, and the gateway on port 8005 co-hosting another silo; both silos are
# members of the consumer group and keep their grains' state in the same Redis. Ctrl-C stops everything.
# Logs go to $STACK_DIR (default: a fresh temporary directory, printed at start).
set -euo pipefail
cd "$(dirname "$0")/.."

REDIS_PORT="${REDIS_PORT:-6390}"
GATEWAY_PORT="${GATEWAY_PORT:-8005}"
PARTITIONS="${PARTITIONS:-6}"
STACK_DIR="${STACK_DIR:-$(mktemp -d -t mastery-stack.XXXXXX)}"
mkdir -p "$STACK_DIR"

for tool in redis-server kcat; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }
done

pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped; logs in $STACK_DIR"
}
trap stop_all EXIT INT TERM

echo "building Silo and Gateway..."
dotnet build Gateway -nologo -v quiet >"$STACK_DIR/build.log"
silo_dll=Silo/bin/Debug/net10.0/MasteryEngine.Silo.dll
gateway_dll=Gateway/bin/Debug/net10.0/MasteryEngine.Gateway.dll

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$STACK_DIR/redis.log" 2>&1 &
pids+=($!)

# The broker writes its address to a well-known file (the mock cannot listen on a fixed port), where other
# shells read it too: kcat -b "$(cat "${XDG_RUNTIME_DIR:-/tmp}/mastery-engine/kafka-broker")" ...
broker_file="${XDG_RUNTIME_DIR:-/tmp}/mastery-engine/kafka-broker"
rm -f "$broker_file"
dotnet "$silo_dll" kafka-mock --brokers 1 --partitions "$PARTITIONS" --address-file "$broker_file" \
  >"$STACK_DIR/kafka.out" 2>"$STACK_DIR/kafka.log" &
pids+=($!)
for _ in $(seq 1 300); do [ -s "$broker_file" ] && break; sleep 0.1; done
KAFKA_BROKER="$(cat "$broker_file" 2>/dev/null || true)"
[ -n "$KAFKA_BROKER" ] || { echo "the Kafka mock broker did not start, see $STACK_DIR/kafka.log" >&2; exit 1; }

export STREAM_PROVIDER=kafka STORAGE_PROVIDER=redis KAFKA_BROKER REDIS_HOST="127.0.0.1:$REDIS_PORT"
export JWT_SECRET="${JWT_SECRET:-local-development-secret-change-me-0123456789}"

dotnet "$silo_dll" >"$STACK_DIR/silo.log" 2>&1 &
pids+=($!)
ASPNETCORE_URLS="http://127.0.0.1:$GATEWAY_PORT" dotnet "$gateway_dll" >"$STACK_DIR/gateway.log" 2>&1 &
pids+=($!)

cat <<INFO
redis    127.0.0.1:$REDIS_PORT
kafka    $KAFKA_BROKER (mock cluster, in memory; topics mastery.requests/results/events/dlq), also in $broker_file
silo     logs $STACK_DIR/silo.log
gateway  http://127.0.0.1:$GATEWAY_PORT (logs $STACK_DIR/gateway.log)

produce an event (from any shell):
  export KAFKA_BROKER="\$(cat "$broker_file")"
  echo 'student_12345:{"event_type":"completion","student_id":"student_12345","event_id":"e-1","data":{"total_exercises":10,"completed_exercises":8}}' \\
    | kcat -b "\$KAFKA_BROKER" -t mastery.requests -K: -P
read the outcome:
  kcat -b "\$KAFKA_BROKER" -t mastery.results -C -o beginning -e
Ctrl-C stops the stack.
INFO

# Stop everything as soon as one process exits.
wait -n
echo "a process of the stack exited; stopping the rest" >&2
