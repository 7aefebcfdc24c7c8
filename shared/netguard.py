"""Outgoing connections to addresses someone else chose go only to public addresses, or to
the private destinations the operator listed for that caller.

The one network guard for every such request (ingest's feeds and pages, the dispatcher's
webhooks). It sits in the HTTP client's network backend: the host is resolved once, every
address it resolves to must be public or the connection is refused before any packet is sent,
and the socket is opened to the very address that was checked. So a DNS answer that changes
between look-ups (rebinding: public for a check, 127.0.0.1 for the connection) cannot move the
connection, and every connection is covered: the first, each redirect, each reconnect.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# (host, port) -> the addresses to choose from, as getaddrinfo gives them.
Resolver = Callable[[str, int], Awaitable[list[str]]]

# NAT64's well-known prefix (RFC 6052): the last 32 bits are the IPv4 destination.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Never public, although Python 3.11 calls them global: NAT64 for local use (RFC 8215) and the
# deprecated IPv4-compatible addresses (RFC 4291), which some stacks still route as IPv4.
NOT_PUBLIC_V6 = (ipaddress.IPv6Network("64:ff9b:1::/48"), ipaddress.IPv6Network("::/96"))


class BlockedAddress(Exception):
    """The URL's host resolves to an address Parley does not connect to."""


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped, 6to4 or NAT64 address is translated to."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """False for loopback, private, CGNAT (100.64.0.0/10), link-local, unique-local, multicast,
    reserved and unspecified addresses; an IPv6 address carrying an IPv4 address (mapped, 6to4,
    NAT64) is judged by that IPv4 address, where the packets end up."""
    if isinstance(address, ipaddress.IPv6Address):
        if any(address in network for network in NOT_PUBLIC_V6):
            return False
        inner = embedded_ipv4(address)
        if inner is not None:
            return is_public(inner)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global  # also CGNAT, which is neither private nor global
    )


@dataclass(frozen=True)
class PrivateAllowlist:
    """The non-public destinations one caller may still reach: networks ("10.20.0.0/16", an
    address alone) and host names ("webhook-sink", trusted whatever they resolve to). Each
    caller has its own (`PARLEY_INGEST_PRIVATE_ALLOWLIST`, `PARLEY_ALERTING_PRIVATE_ALLOWLIST`);
    empty, the default, allows none."""

    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> PrivateAllowlist:
        """Raises ValueError naming an entry that is neither a network nor a host name."""
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        for entry in entries:
            text = entry.strip().lower().rstrip(".")
            try:
                networks.append(ipaddress.ip_network(text, strict=False))
                continue
            except ValueError:
                pass
            labels = text.split(".")
            if not text or not all(label and len(label) <= 63 and _is_label(label) for label in labels):
                raise ValueError(f"{entry!r} is neither a network (10.0.0.0/8, ::1) nor a host name")
            hosts.add(text)
        return cls(tuple(networks), frozenset(hosts))

    def allows_host(self, host: str) -> bool:
        return host.rstrip(".").lower() in self.hosts

    def allows(self, address: IPAddress) -> bool:
        candidates: list[IPAddress] = [address]
        if isinstance(address, ipaddress.IPv6Address) and (inner := embedded_ipv4(address)) is not None:
            candidates.append(inner)
        return any(a in n for a in candidates for n in self.networks if a.version == n.version)


EVERY_ADDRESS = PrivateAllowlist((ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0")))


def _is_label(label: str) -> bool:
    return label.replace("-", "").replace("_", "").isalnum() and label.isascii() and not label.startswith("-")


def check_addresses(
    host: str, addresses: Iterable[str], allowlist: PrivateAllowlist = PrivateAllowlist()
) -> str:
    """Return the first address to connect to; every address of the host must be public or on
    the caller's allow-list (or the host itself on it)."""
    parsed = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    if not parsed:
        raise BlockedAddress(f"{host} did not resolve")
    if not allowlist.allows_host(host):
        for address in parsed:
            if not is_public(address) and not allowlist.allows(address):
                raise BlockedAddress(f"{host} resolves to a non-public address ({address})")
    return str(parsed[0])


async def resolve(host: str, port: int) -> list[str]:
    """The system resolver, without blocking the event loop."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    return [str(info[4][0]) for info in infos]


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves the host itself, checks the addresses, then connects to the checked address.

    `resolver` and `inner` (the backend that opens sockets) are replaceable for tests.
    """

    def __init__(
        self,
        allowlist: PrivateAllowlist = PrivateAllowlist(),
        *,
        resolver: Resolver = resolve,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._inner = inner or httpcore.AnyIOBackend()
        self._allowlist = allowlist
        self._resolve = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        target = check_addresses(host, await self._resolve(host, port), self._allowlist)
        # TLS still verifies the certificate against the URL's host name (httpcore passes it as SNI).
        return await self._inner.connect_tcp(
            target, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("unix sockets are not connected to")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with the guarded backend; environment proxies are never used."""

    def __init__(
        self,
        allowlist: PrivateAllowlist,
        max_connections: int,
        *,
        resolver: Resolver = resolve,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        super().__init__(trust_env=False)
        limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
        # httpx has no public hook for the network backend; the pool is rebuilt with the same TLS context.
        ssl_context = httpx.create_ssl_context(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(allowlist, resolver=resolver, inner=inner),
        )
