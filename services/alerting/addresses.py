"""Which webhook URLs Parley may call: http(s) only, no private/loopback/link-local targets by default.

A URL may carry credentials (`https://user:token@host/...`); they are never shown: logs and the
CLI use the endpoint's *name* or `display_url` (scheme, host, port and path only).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

BLOCKED_HOSTNAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def is_private_address(address: str) -> bool:
    """True for loopback, private (RFC 1918 / ULA), link-local, unspecified, reserved or multicast."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_unspecified
        or ip.is_reserved
        or ip.is_multicast
    )


def check_url(url: str, *, allow_private: bool) -> str | None:
    """The reason a webhook URL is refused, or None. Names resolve later (see `check_resolved`)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "not a valid URL"
    if parts.scheme not in ("http", "https"):
        return "webhook url must be http(s)://..."
    host = (parts.hostname or "").rstrip(".").lower()
    if not host or any(c.isspace() for c in url):
        return "webhook url has no host"
    if port == 0:
        return "webhook url has port 0"
    if not allow_private and (
        host in BLOCKED_HOSTNAMES or host.endswith(".localhost") or is_private_address(host)
    ):
        return (
            "webhook url points at a private, loopback or link-local address "
            "(set PARLEY_ALERTING_ALLOW_PRIVATE_WEBHOOKS=true to allow it)"
        )
    return None


def check_resolved(url: str, *, allow_private: bool) -> str | None:
    """Resolve the URL's host and refuse it when any address is private (blocking: run in a thread)."""
    if allow_private:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except OSError:
        return None  # unresolvable: the request itself fails and is retried
    if any(is_private_address(str(info[4][0])) for info in infos):
        return "webhook host resolves to a private, loopback or link-local address"
    return None


def display_url(url: str) -> str:
    """Scheme, host, port and path: no credentials, query or fragment."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<invalid url>"
    return f"{parts.scheme}://{host}{port}{parts.path}"
