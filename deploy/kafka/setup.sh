#!/bin/bash
# One-shot `kafka-setup` in docker-compose.yml, run in the broker's network namespace so that it
# reaches the broker's loopback-only PLAINTEXT listener (127.0.0.1:9095), whose anonymous
# principal is the only super user. It gives each Parley principal its SCRAM credentials and
# ACLs for exactly its own topics and consumer groups. Idempotent: runs on every `up`.
# Passwords come from Docker secrets and reach kafka-configs in a file, never on a command line.
set -euo pipefail
ns=${PARLEY_NAMESPACE:-parley}
bootstrap=127.0.0.1:9095
bin=/opt/kafka/bin
export KAFKA_HEAP_OPTS=-Xmx128m

scram() {  # scram PRINCIPAL SECRET_NAME
  local file; file=$(mktemp)
  # The file form takes the value without the brackets --add-config wants.
  printf 'SCRAM-SHA-512=iterations=8192,password=%s\n' "$(<"/run/secrets/$2")" >"$file"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users \
    --entity-name "$1" --add-config-file "$file" >/dev/null
  rm -f "$file"
  echo "kafka-setup: SCRAM credentials of $1"
}

# Each kafka-acls call starts a JVM: one call per principal and operation, several topics each.
acl() {  # acl PRINCIPAL OPERATION RESOURCE-ARGS...
  local who=$1 op=$2; shift 2
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$who" \
    --operation "$op" "$@" >/dev/null
}

topics() {  # topics PRINCIPAL OPERATION SUFFIX...
  local who=$1 op=$2; shift 2
  local args=()
  for suffix in "$@"; do args+=(--topic "$ns.$suffix"); done
  acl "$who" "$op" "${args[@]}"
}

own_prefix() {  # a faust app's own changelog/repartition topics and its consumer group
  acl "$1" All --topic "$ns-$2" --resource-pattern-type prefixed
  acl "$1" Read --group "$ns-$2" --resource-pattern-type prefixed
}

principals=()
for service in ingest enrichment indexer alerting dispatcher operator; do
  scram "$ns-$service" "kafka_${service}_password"
  principals+=(--allow-principal "User:$ns-$service")
done
# Metadata of every Parley topic for all of them (the services check at start that all exist).
"$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add "${principals[@]}" --operation Describe \
  --topic "$ns." --resource-pattern-type prefixed >/dev/null

topics "$ns-ingest" Write articles.raw deadletter

topics "$ns-enrichment" Read articles.raw
topics "$ns-enrichment" Write articles.enriched deadletter
own_prefix "$ns-enrichment" enrichment

topics "$ns-indexer" Read articles.enriched talks alerts desk.feeds
topics "$ns-indexer" Write deadletter
acl "$ns-indexer" Read --group "$ns-indexer" --resource-pattern-type prefixed

topics "$ns-alerting" Read articles.enriched talks
topics "$ns-alerting" Write talks alerts deadletter
own_prefix "$ns-alerting" alerting

topics "$ns-dispatcher" Read alerts alerts.deliveries
topics "$ns-dispatcher" Write alerts.deliveries alerts.deadletter deadletter
own_prefix "$ns-dispatcher" dispatcher

# The operator (profile "operator") writes redelivery requests (`parley alerts redeliver`) and
# calendar subscriptions (`parley desk feeds create|revoke`).
topics "$ns-operator" Write alerts desk.feeds
echo "kafka-setup: ACLs set"
