#!/usr/bin/env bash
# Creates the secret files docker-compose.yml reads (Docker secrets), with random values, in
# ${PARLEY_SECRETS_DIR:-./secrets}. Files that exist are kept, so it is safe to run again.
#   deploy/make-secrets.sh [DIR]
# The folder is private (0700); the files inside are 0644 because the containers read them as
# their own non-root users (Compose mounts them as they are).
set -euo pipefail
dir=${1:-${PARLEY_SECRETS_DIR:-./secrets}}
mkdir -p "$dir"
chmod 700 "$dir"

random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40; }
create() {  # create NAME VALUE
  [[ -e $dir/$1 ]] && return
  printf '%s\n' "$2" >"$dir/$1"
  chmod 644 "$dir/$1"
  echo "created $dir/$1"
}

create elastic_password "$(random)"
create es_indexer_password "$(random)"
create es_search_password "$(random)"
create es_operator_password "$(random)"
create ingest_api_token "$(random)"
create search_api_token "$(random)"
create grafana_admin_password "$(random)"
# Kafka SCRAM passwords: one principal per service, and the operator's (parley alerts redeliver).
create kafka_ingest_password "$(random)"
create kafka_enrichment_password "$(random)"
create kafka_indexer_password "$(random)"
create kafka_alerting_password "$(random)"
create kafka_dispatcher_password "$(random)"
create kafka_operator_password "$(random)"
# The demo receiver's signing secret, and the webhook list that signs with it (profile "demo").
# Replace alerting_webhooks with your own endpoints for real use (JSON, see docs/deployment.md).
create demo_webhook_secret "whsec_$(head -c 24 /dev/urandom | base64)"
create alerting_webhooks "[{\"name\":\"demo\",\"url\":\"http://webhook-sink:8090/hooks/parley\",\"secrets\":[\"$(<"$dir/demo_webhook_secret")\"],\"format\":\"cloudevents\"}]"
