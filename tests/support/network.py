"""A resolver and a network backend for tests of the network guard: no packet leaves the machine."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpcore

# Every form of a non-public address the guard must refuse, as a resolver could answer it.
NON_PUBLIC_FORMS = (
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.169.254",
    "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1",
    "::1", "::", "fe80::1", "fd00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:100.64.0.1",  # IPv4-mapped
    "2002:7f00:1::1", "2002:a9fe:a9fe::1",  # 6to4 of 127.0.0.1 and 169.254.169.254
    "64:ff9b::7f00:1", "64:ff9b:1::5db8:d822",  # NAT64, NAT64 for local use
    "::7f00:1",  # IPv4-compatible
)  # fmt: skip


class FixedResolver:
    """Answers every look-up with the same addresses, and counts the look-ups."""

    def __init__(self, *addresses: str) -> None:
        self.addresses = list(addresses)
        self.lookups = 0

    async def __call__(self, host: str, port: int) -> list[str]:
        self.lookups += 1
        return list(self.addresses)


class RecordingNetwork(httpcore.AsyncNetworkBackend):
    """Records each connection attempt and refuses it: nothing is ever connected."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.attempts.append(host)
        raise httpcore.ConnectError(f"test network: no connection to {host}")

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("test network: no unix sockets")

    async def sleep(self, seconds: float) -> None:
        return None
