#!/usr/bin/env bash
# Throughput of the twin's real HTTP listener versus nginx as a round-robin reverse proxy, both in
# front of the same backend (an nginx answering "ok"), all on 127.0.0.1. Installs nginx and wrk
# with apt-get when missing (Debian), stops every process it started by pid, prints the
# throughputs, their ratio, latency percentiles and the p99 latency each proxy adds over the backend
# reached directly. Usage: benchmarks/scripts/http-vs-nginx.sh [seconds] [connections]
set -euo pipefail

DURATION="${1:-15}"
CONNECTIONS="${2:-32}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${JAR:-$ROOT/benchmarks/target/benchmarks.jar}" # JAR=... compares another build
WORK="$(mktemp -d /tmp/http-vs-nginx.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  exec 3>&- 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "installing nginx and wrk (apt-get)"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light wrk >/dev/null
fi
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -q -B -pl core,benchmarks -am package -DskipTests)
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
BACKEND_PORT="$(free_port)"
PROXY_PORT="$(free_port)"

common() {
  cat <<CONF
pid $1;
error_log $WORK/$2-error.log warn;
worker_processes auto;
daemon off;
events { worker_connections 4096; }
CONF
}
temp_paths() {
  cat <<CONF
    access_log off;
    client_body_temp_path $WORK/$1-body;
    proxy_temp_path $WORK/$1-proxy;
    fastcgi_temp_path $WORK/$1-fastcgi;
    uwsgi_temp_path $WORK/$1-uwsgi;
    scgi_temp_path $WORK/$1-scgi;
CONF
}

{ common "$WORK/backend.pid" backend; cat <<CONF
http {
$(temp_paths backend)
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$BACKEND_PORT;
        location / { return 200 "ok\n"; }
    }
}
CONF
} > "$WORK/backend.conf"

{ common "$WORK/proxy.pid" proxy; cat <<CONF
http {
$(temp_paths proxy)
    keepalive_requests 1000000;
    upstream backends {
        server 127.0.0.1:$BACKEND_PORT;
        server 127.0.0.1:$BACKEND_PORT;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        location / {
            proxy_pass http://backends;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header X-Forwarded-For \$remote_addr;
        }
    }
}
CONF
} > "$WORK/proxy.conf"

nginx -c "$WORK/backend.conf" -p "$WORK" &
PIDS+=($!)
nginx -c "$WORK/proxy.conf" -p "$WORK" &
PIDS+=($!)
NGINX_PROXY_PID=$!

mkfifo "$WORK/twin.in"
java -cp "$JAR" io.github.cloudtwin.benchmarks.HttpBenchmarkMain "$BACKEND_PORT" < "$WORK/twin.in" > "$WORK/twin.out" 2>&1 &
PIDS+=($!)
TWIN_PID=$!
exec 3>"$WORK/twin.in"

for _ in $(seq 1 100); do
  grep -q '^PORT ' "$WORK/twin.out" 2>/dev/null && break
  sleep 0.2
done
TWIN_PORT="$(sed -n 's/^PORT //p' "$WORK/twin.out")"
if [ -z "$TWIN_PORT" ]; then
  echo "the twin did not start:"; cat "$WORK/twin.out"; exit 1
fi
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$PROXY_PORT/" >/dev/null 2>&1 && break
  sleep 0.2
done

# wrk with --latency; prints "<requests/s> <p50 µs> <p99 µs>"
run_wrk() {
  wrk -t2 -c"$CONNECTIONS" -d"${2}s" --latency "$1" | tee "$WORK/wrk.out" | awk '
    function us(v) {
      if (v ~ /us$/) return v + 0;
      if (v ~ /ms$/) return v * 1000;
      if (v ~ /s$/) return v * 1000000;
      return v;
    }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = us($2) }
    $1 == "99%" { p99 = us($2) }
    END { printf "%s %.0f %.0f\n", rps, p50, p99 }'
}

echo "warming up (5 s each)"
run_wrk "http://127.0.0.1:$BACKEND_PORT/" 5 >/dev/null
run_wrk "http://127.0.0.1:$PROXY_PORT/" 5 >/dev/null
run_wrk "http://127.0.0.1:$TWIN_PORT/" 5 >/dev/null
echo "measuring ${DURATION}s each, ${CONNECTIONS} connections, 2 wrk threads; load: $(uptime | sed 's/.*load/load/')"
# CPU clock ticks (user + system) of a process and its children (nginx's workers), from /proc
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" 2>/dev/null || true); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
requests_done() { awk '/requests in/ { print $1 }' "$WORK/wrk.out"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
read -r DIRECT_RPS DIRECT_P50 DIRECT_P99 <<<"$(run_wrk "http://127.0.0.1:$BACKEND_PORT/" "$DURATION")"
before=$(cpu_ticks "$NGINX_PROXY_PID")
read -r NGINX_RPS NGINX_P50 NGINX_P99 <<<"$(run_wrk "http://127.0.0.1:$PROXY_PORT/" "$DURATION")"
NGINX_CPU_US=$(( ($(cpu_ticks "$NGINX_PROXY_PID") - before) * TICK_US * 100 / $(requests_done) ))
before=$(cpu_ticks "$TWIN_PID")
read -r TWIN_RPS TWIN_P50 TWIN_P99 <<<"$(run_wrk "http://127.0.0.1:$TWIN_PORT/" "$DURATION")"
TWIN_CPU_US=$(( ($(cpu_ticks "$TWIN_PID") - before) * TICK_US * 100 / $(requests_done) ))

echo "backend direct      : $DIRECT_RPS requests/s, p50 $DIRECT_P50 µs, p99 $DIRECT_P99 µs"
echo "nginx reverse proxy : $NGINX_RPS requests/s, p50 $NGINX_P50 µs, p99 $NGINX_P99 µs"
echo "CloudTwin listener  : $TWIN_RPS requests/s, p50 $TWIN_P50 µs, p99 $TWIN_P99 µs"
awk -v t="$TWIN_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "ratio twin/nginx    : %.2f\n", t / n }'
# the proxy's own CPU per request (the backend's is the same for both): robust to a loaded machine
awk -v t="$TWIN_CPU_US" -v n="$NGINX_CPU_US" 'BEGIN {
  printf "proxy CPU / request : CloudTwin %.1f µs, nginx %.1f µs (nginx/twin %.2f)\n", t / 100, n / 100, n / t }'
awk -v t="$TWIN_P99" -v n="$NGINX_P99" -v d="$DIRECT_P99" 'BEGIN {
  printf "p99 added latency   : CloudTwin %.0f µs, nginx %.0f µs (through-proxy p99 minus direct p99)\n", t - d, n - d }'
