"""Which webhook URLs Parley may call: http(s) only, no private/loopback/link-local targets by default.

A URL is checked here when the settings are read; a name is checked where each connection is
opened (`parley.shared.netguard`, used by the webhook client in `delivery.py`).

A URL may carry credentials (`https://user:token@host/...`); they are never shown: logs and the
CLI use the endpoint's *name* or `display_url` (scheme, host, port and path only).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from parley.shared.netguard import PrivateAllowlist, is_public

BLOCKED_HOSTNAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def is_private_address(address: str) -> bool:
    """True for an IP literal that is not public (the shared rule: loopback, private, CGNAT,
    link-local, unique-local, multicast, reserved, unspecified and their IPv6 embeddings)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    return not is_public(ip)


def check_url(url: str, *, allowlist: PrivateAllowlist) -> str | None:
    """The reason a webhook URL is refused, or None. Names are checked at each connection."""
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
    if allowlist.allows_host(host):
        return None
    if host in BLOCKED_HOSTNAMES or host.endswith(".localhost"):
        address = "127.0.0.1"
    elif is_private_address(host):
        address = host
    else:
        return None
    if allowlist.allows(ipaddress.ip_address(address.split("%", 1)[0])):
        return None
    return (
        "webhook url points at a private, loopback or link-local address "
        "(list it in PARLEY_ALERTING_PRIVATE_ALLOWLIST to allow it)"
    )


def display_url(url: str) -> str:
    """Scheme, host, port and path: no credentials, query or fragment."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<invalid url>"
    return f"{parts.scheme}://{host}{port}{parts.path}"
