#!/usr/bin/env bash
# Starts (start) or stops (stop) a three-master Redis Cluster on 127.0.0.1:7101-7103 for the cluster test run,
# using Debian's redis-server (installed when missing). Prints the FEEDBACKBOT_REDIS_URL that selects it.
set -euo pipefail
dir=${REDIS_CLUSTER_DIR:-/tmp/feedbackbot-redis-cluster}
ports=(7101 7102 7103)

install_redis() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y redis-server >/dev/null; else sudo apt-get install -y redis-server >/dev/null; fi
}

case "${1:-start}" in
  start)
    install_redis
    rm -rf "$dir" && mkdir -p "$dir"
    for p in "${ports[@]}"; do
      mkdir -p "$dir/$p"
      redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$dir/$p/nodes.conf" \
        --dir "$dir/$p" --appendonly no --save '' --daemonize yes --logfile "$dir/$p/redis.log" --pidfile "$dir/$p/redis.pid"
    done
    for p in "${ports[@]}"; do
      until redis-cli -p "$p" ping >/dev/null 2>&1; do sleep 0.1; done
    done
    redis-cli --cluster create 127.0.0.1:7101 127.0.0.1:7102 127.0.0.1:7103 --cluster-replicas 0 --cluster-yes >/dev/null
    until [ "$(redis-cli -p 7101 cluster info | tr -d '\r' | sed -n 's/^cluster_state://p')" = ok ]; do sleep 0.2; done
    echo "redis-cluster://127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103"
    ;;
  stop)
    for p in "${ports[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
    rm -rf "$dir"
    ;;
esac
