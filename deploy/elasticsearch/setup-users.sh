#!/bin/bash
# One-shot `es-setup` in docker-compose.yml: a role and a user for each Parley service that uses
# Elasticsearch, with only the privileges it needs. Idempotent (PUT), so it runs on every `up`.
#   indexer: creates and writes the namespace's indices, templates and aliases
#   search:  reads them
#   operator (the `operator` profile's CLI): reads the calendar subscriptions, for `desk feeds list|revoke`
# Passwords come from Docker secrets and reach curl on stdin, never on a command line.
set -euo pipefail
es=${ES_URL:-http://elasticsearch:9200}
ns=${PARLEY_NAMESPACE:-parley}
secrets=/run/secrets

# curl's configuration (the elastic user's credentials) on a file descriptor, not in argv.
as_elastic() { printf 'user = "elastic:%s"\n' "$(<"$secrets/elastic_password")"; }

put() {  # put PATH  (JSON body on stdin)
  curl -fsS -K <(as_elastic) -X PUT "$es$1" -H 'Content-Type: application/json' --data-binary @- >/dev/null
  echo "es-setup: PUT $1"
}

put "/_security/role/${ns}_indexer" <<JSON
{"cluster": ["monitor", "manage_index_templates"],
 "indices": [{"names": ["${ns}-*"], "privileges": ["create_index", "write", "read", "view_index_metadata", "manage"]}]}
JSON
put "/_security/role/${ns}_search" <<JSON
{"cluster": ["monitor"],
 "indices": [{"names": ["${ns}-*"], "privileges": ["read", "view_index_metadata"]}]}
JSON

put "/_security/role/${ns}_operator" <<JSON
{"cluster": [],
 "indices": [{"names": ["${ns}-feeds", "${ns}-feeds-v*"], "privileges": ["read", "view_index_metadata"]}]}
JSON

user() {  # user NAME ROLE PASSWORD_FILE
  body=$(printf '{"password": "%s", "roles": ["%s"]}' "$(sed 's/["\\]/\\&/g' "$3")" "$2")
  put "/_security/user/$1" <<<"$body"
}
user "${ns}_indexer" "${ns}_indexer" "$secrets/es_indexer_password"
user "${ns}_search" "${ns}_search" "$secrets/es_search_password"
user "${ns}_operator" "${ns}_operator" "$secrets/es_operator_password"
