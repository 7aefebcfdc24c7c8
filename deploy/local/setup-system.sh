#!/usr/bin/env bash
# System packages that the local servers and the tests use, installed from Debian when missing.
#
#   java, mvn        run and assemble the local Kafka and Elasticsearch (deploy/local/infra.py)
#   kcat             an independent Kafka client for tests and debugging
#   promtool         validates the Prometheus configuration (package `prometheus`)
#   docker-compose   validates the compose file (`docker-compose config`), when Debian has it
#   chromium         the browser tests drive Debian's Chromium (Playwright, headless); none is downloaded
#   npm              installs the pinned axe-core the browser tests inject
#
# Idempotent and fast when everything is present: only `command -v` checks run, and
# `apt-get update` runs once, only when something has to be installed. Without root (and without
# password-less sudo) it prints the install command instead of failing.
set -euo pipefail

# command -> Debian package
declare -A wanted=(
  [java]=openjdk-17-jdk-headless
  [mvn]=maven
  [kcat]=kcat
  [promtool]=prometheus
  [docker-compose]=docker-compose
  [chromium]=chromium
  [npm]=npm
)
# Packages whose absence from the archive is tolerated.
optional=" docker-compose "

missing=()
for cmd in java mvn kcat promtool docker-compose chromium npm; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${wanted[$cmd]}")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: not a Debian-like system; please install: ${missing[*]}" >&2
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "setup-system: not root; to install what the tests use, run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "setup-system: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq

# Keep only the packages the archive has; a missing optional one is reported, not fatal.
install=()
for pkg in "${missing[@]}"; do
  if apt-cache show "$pkg" >/dev/null 2>&1; then
    install+=("$pkg")
  elif [[ "$optional" == *" $pkg "* ]]; then
    echo "setup-system: package $pkg is not available here; skipping it" >&2
  else
    echo "setup-system: package $pkg is not available from the configured archives" >&2
    exit 1
  fi
done
[ ${#install[@]} -eq 0 ] && exit 0

# Installing `prometheus` would otherwise start a system-wide Prometheus on 0.0.0.0:9090;
# policy-rc.d (exit 101) tells Debian's maintainer scripts not to start any service.
policy=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
  "${sudo_cmd[@]}" chmod 755 "$policy"
  added_policy=1
fi
cleanup() { if [ "$added_policy" -eq 1 ]; then "${sudo_cmd[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${install[@]}" >/dev/null
echo "setup-system: installed ${install[*]}"
