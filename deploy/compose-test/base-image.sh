#!/usr/bin/env bash
# The base image every stand-in and the Parley image build FROM: Debian bookworm (minbase) made
# by debootstrap, with this machine's CA bundle so apt and pip work behind its TLS proxy. Built
# afresh each run: the CA bundle differs from one machine to the next.
#   base-image.sh NAME:TAG
set -euo pipefail
TAG=${1:?usage: base-image.sh NAME:TAG}

# The Debian mirror this machine already uses; no host name is written into the repository.
shopt -s nullglob
sources=(/etc/apt/sources.lis[t] /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
mirror=$(cat "${sources[@]}" | grep -E '^(URIs:|deb )' | grep -v security | head -1 | sed -E 's/^URIs:[[:space:]]*//; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//; s/[[:space:]].*//')
[[ -n $mirror ]] || { echo "base-image: no Debian mirror in /etc/apt/sources.list*" >&2; exit 1; }

rootfs=$(mktemp -d /tmp/parley-rootfs.XXXXXX)
# debootstrap can leave /proc mounted in the new root: unmount before anything reads or deletes it.
unmount_all() { findmnt -R -n -l -o TARGET "$rootfs" 2>/dev/null | tac | xargs -r -n1 umount -l || true; }
trap 'unmount_all; rm -rf --one-file-system "$rootfs" "$rootfs.log"' EXIT
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
  || { tail -20 "$rootfs.log" >&2; exit 1; }
unmount_all
mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/usr/local/share/ca-certificates"
cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
if compgen -G '/usr/local/share/ca-certificates/*' >/dev/null; then
  cp /usr/local/share/ca-certificates/* "$rootfs/usr/local/share/ca-certificates/"
fi
# Same sources as the host (bookworm, updates, security), and no recommends: small images.
for f in "${sources[@]}"; do cp "$f" "$rootfs$f"; done
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$rootfs/etc/apt/apt.conf.d/90parley"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar --numeric-owner --one-file-system -C "$rootfs" -c . | docker import \
  -c 'CMD ["/bin/bash"]' -c 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt' \
  - "$TAG" >/dev/null
echo "base-image: $TAG"
