#!/usr/bin/env bash
# Compose v2 (`docker compose`, needed for `up --wait`) is not packaged for Debian: build it from
# its Go module once and keep it under build/ (about 140 s on 2 idle cores).
#   compose-plugin.sh DOCKER_CONFIG_DIR
set -euo pipefail
VERSION=v2.29.7
out=${1:?usage: compose-plugin.sh DOCKER_CONFIG_DIR}/cli-plugins/docker-compose
if [[ -x $out ]] && "$out" version 2>/dev/null | grep -q "$VERSION"; then echo "compose: $VERSION (built before)"; exit 0; fi
mkdir -p "$(dirname "$out")"
dir=$(go mod download -json "github.com/docker/compose/v2@$VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
(cd "$dir" && go build -ldflags "-X github.com/docker/compose/v2/internal.Version=$VERSION" -o "$out.tmp" ./cmd)
mv "$out.tmp" "$out"
echo "compose: built $VERSION"
