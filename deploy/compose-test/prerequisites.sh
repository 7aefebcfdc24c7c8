#!/usr/bin/env bash
# What `make compose-test` needs on the host: Debian's Docker engine and debootstrap (installed
# with apt when missing), plus Go (Compose v2's build), Maven and Java (the stand-ins' jars).
set -euo pipefail
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if ((${#missing[@]})); then
  echo "prerequisites: installing ${missing[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
for tool in docker go mvn java; do
  command -v "$tool" >/dev/null || { echo "prerequisites: $tool is required" >&2; exit 1; }
done
echo "prerequisites: ok"
