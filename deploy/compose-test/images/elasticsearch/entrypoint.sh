#!/bin/bash
# Stand-in for the official image's start: the real node (Maven jars, our launcher) on
# 127.0.0.1:9201 inside the container, and auth_proxy.py on :9200 in front of it. Honours
# cluster.name, ES_JAVA_OPTS, ELASTIC_PASSWORD(_FILE) and the data folder of the official image.
set -euo pipefail
home=/usr/share/elasticsearch
mkdir -p "$home/data" "$home/logs"
python3 /usr/share/elasticsearch/auth_proxy.py 9200 9201 "$home/data/standin-security.json" &
proxy=$!
java ${ES_JAVA_OPTS:--Xms512m -Xmx512m} -XX:+ExitOnOutOfMemoryError -cp "$home/lib/*" \
  org.elasticsearch.node.ParleyLocalNode --home "$home" --http-port 9201 --transport-port 9300 \
  --cluster-name "${cluster_name:-${CLUSTER_NAME:-docker-cluster}}" --node-name "${HOSTNAME:-node}" &
node=$!
stop() { kill -TERM "$node" 2>/dev/null; wait "$node"; kill -TERM "$proxy" 2>/dev/null; }
trap stop TERM INT
# Either process ending ends the container.
wait -n "$node" "$proxy" || true
stop
