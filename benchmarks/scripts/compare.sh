#!/usr/bin/env bash
# CloudTwin side by side with moto (and nginx, through http-vs-nginx.sh when present).
# Regenerates the tables of docs/comparison.md:
#
#   benchmarks/scripts/compare.sh            # build, start moto, measure, write docs/comparison.md
#   benchmarks/scripts/compare.sh --no-build # reuse benchmarks/target/benchmarks.jar
#
# Environment: MOTO_ROUNDS (default 25), TWIN_ROUNDS (default 500), OUT (default docs/comparison.md).
# Every process this script starts is stopped by its own process id when it exits (trap EXIT).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    *) echo "unknown argument: $arg (known: --no-build)" >&2; exit 2 ;;
  esac
done

MOTO_ROUNDS="${MOTO_ROUNDS:-25}"
TWIN_ROUNDS="${TWIN_ROUNDS:-500}"
OUT="${OUT:-docs/comparison.md}"
WORK="$(mktemp -d)"
MOTO_PID=""

cleanup() {
  if [[ -n "$MOTO_PID" ]] && kill -0 "$MOTO_PID" 2>/dev/null; then
    kill "$MOTO_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$MOTO_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

log() { echo "[compare.sh] $*" >&2; }

if [[ "$BUILD" == 1 ]]; then
  log "building benchmarks/target/benchmarks.jar"
  ./mvnw -q -B -pl benchmarks -am package -DskipTests
fi
JAR=benchmarks/target/benchmarks.jar
[[ -f "$JAR" ]] || { echo "missing $JAR: run without --no-build" >&2; exit 1; }

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)"
MACHINE="$(uname -srm), ${cpu:-unknown CPU}, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo 2>/dev/null || echo '? RAM'), load average at start $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

ARGS=(--out "$OUT" --moto-rounds "$MOTO_ROUNDS" --twin-rounds "$TWIN_ROUNDS" --machine "$MACHINE")

# ---------------------------------------------------------------- moto
if command -v moto_server >/dev/null 2>&1; then
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  MOTO_VERSION="$(python3 -c 'import moto; print(moto.__version__)' 2>/dev/null || echo unknown)"
  log "starting moto_server $MOTO_VERSION on 127.0.0.1:$PORT"
  moto_server -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
  MOTO_PID=$!
  up=0
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$PORT/moto-api/"; then up=1; break; fi
    kill -0 "$MOTO_PID" 2>/dev/null || break
    sleep 0.2
  done
  if [[ "$up" == 1 ]]; then
    # moto reads its image catalogue on the first DescribeImages; on a busy machine that outlasts
    # the SDK client's read timeout, so it is done here, untimed, with a generous one.
    curl -s -m 600 -o /dev/null -H 'Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ec2/aws4_request' \
      "http://127.0.0.1:$PORT/?Action=DescribeImages&Owner.1=amazon&Version=2016-11-15" || true
    ARGS+=(--moto-endpoint "http://127.0.0.1:$PORT" --moto-version "$MOTO_VERSION" --moto-pid "$MOTO_PID" \
      --clk-tck "$(getconf CLK_TCK 2>/dev/null || echo 100)")
  else
    log "moto_server did not answer; its log:"; cat "$WORK/moto.log" >&2
    ARGS+=(--moto-absent-reason "moto_server did not start on this machine")
  fi
else
  log "moto_server is not installed on this machine: the moto column says so"
  ARGS+=(--moto-absent-reason "moto_server not installed on this machine (pip install 'moto[server]')")
fi

# ---------------------------------------------------------------- nginx (another script)
HTTP_SCRIPT=benchmarks/scripts/http-vs-nginx.sh
if [[ -f "$HTTP_SCRIPT" ]]; then
  log "running $HTTP_SCRIPT"
  if bash "$HTTP_SCRIPT" >"$WORK/http.txt" 2>"$WORK/http.err"; then
    ARGS+=(--http-report "$WORK/http.txt")
    NGINX_V="$(nginx -v 2>&1 | sed 's/^nginx version: //' || true)"
    WRK_V="$(wrk -v 2>&1 | head -n 1 | sed 's/ Copyright.*//' || true)"
    ARGS+=(--http-versions "${NGINX_V:-nginx ?}, ${WRK_V:-wrk ?}")
  else
    log "$HTTP_SCRIPT failed:"; cat "$WORK/http.err" >&2
    ARGS+=(--http-absent-reason "$HTTP_SCRIPT failed in this run: $(tail -n 3 "$WORK/http.err" | tr '\n' ' ')")
  fi
else
  ARGS+=(--http-absent-reason "$HTTP_SCRIPT is not on this branch yet (it comes with the load-balancing work)")
fi

# ---------------------------------------------------------------- measure and write
java -cp "$JAR" io.github.cloudtwin.benchmarks.compare.Compare "${ARGS[@]}"
