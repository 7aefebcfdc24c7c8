"""SSRF guard for ingest's fetches: the shared network guard (`parley.shared.netguard`)."""

from __future__ import annotations

from parley.shared.netguard import (
    BlockedAddress,
    GuardedBackend,
    GuardedTransport,
    IPAddress,
    check_addresses,
    is_public,
    resolve,
)

__all__ = [
    "BlockedAddress",
    "GuardedBackend",
    "GuardedTransport",
    "IPAddress",
    "check_addresses",
    "is_public",
    "resolve",
]
