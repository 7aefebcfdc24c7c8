#!/usr/bin/env bash
# A private Docker engine for `make compose-test`: its own socket, state folders and pid file, so
# nothing else on the machine is touched. No iptables rules and no default bridge: the only
# network the containers get is the internal one the test creates.
#   engine.sh start|stop|status      (stop also deletes the engine's state folders)
set -euo pipefail

ROOT=${COMPOSE_TEST_ENGINE_DIR:-/run/parley-compose-test}
DATA=${COMPOSE_TEST_DATA_ROOT:-/var/lib/parley-compose-test}
SOCK=$ROOT/docker.sock
PIDFILE=$ROOT/dockerd.pid
export DOCKER_HOST=unix://$SOCK

running() { [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

start() {
  if running; then echo "engine: already running (pid $(cat "$PIDFILE"))"; return; fi
  command -v dockerd >/dev/null || { echo "engine: dockerd missing (apt-get install docker.io)" >&2; exit 1; }
  mkdir -p "$ROOT" "$DATA"
  dockerd --host "$DOCKER_HOST" --pidfile "$PIDFILE" --exec-root "$ROOT/exec" --data-root "$DATA" \
    --iptables=false --ip6tables=false --bridge=none >"$ROOT/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    if docker info >/dev/null 2>&1; then echo "engine: up (pid $(cat "$PIDFILE"))"; return; fi
    sleep 0.5
  done
  echo "engine: did not start; log tail:" >&2; tail -20 "$ROOT/dockerd.log" >&2; exit 1
}

stop() {
  if running; then
    local pid; pid=$(cat "$PIDFILE")
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
    echo "engine: stopped (pid $pid)"
  fi
  # dockerd leaves its network namespace mounted.
  if mountpoint -q "$ROOT/exec/netns/default" 2>/dev/null; then umount "$ROOT/exec/netns/default"; fi
  rm -f "$PIDFILE"
  # Nothing of the engine's is kept: the next run starts cold, with the machine's CA bundle.
  if ! grep -q " $DATA" /proc/mounts; then rm -rf --one-file-system "$DATA" "$ROOT"; fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "engine: running"; else echo "engine: stopped"; exit 3; fi ;;
  *) echo "usage: engine.sh start|stop|status" >&2; exit 2 ;;
esac
