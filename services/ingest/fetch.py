"""Polite, bounded HTTP GETs for feeds, pages and robots.txt.

Every request: a descriptive User-Agent, connect/read timeouts plus a total deadline (a server
that never finishes is cut off), a response size cap enforced while streaming on the bytes
received and on the bytes decoded, step by step (`decoding.py`, so a compressed bomb stops a step
past the cap instead of being inflated first), redirects followed by hand up to a bound (each hop re-checked by the
SSRF guard, see `netguard.py`), a global concurrency limit and a minimum interval per host.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Literal

import httpcore
import httpx

from parley.services.ingest.decoding import BoundedDecoder, DecodeError
from parley.services.ingest.settings import IngestSection
from parley.shared.metrics import FETCH_ERRORS, FETCH_SECONDS
from parley.shared.netguard import BlockedAddress, GuardedTransport, Resolver, resolve
from parley.shared.urls import redact_urls

Target = Literal["feed", "page", "robots"]
ErrorKind = Literal[
    "blocked_address",
    "timeout",
    "too_large",
    "too_many_redirects",
    "http_status",
    "connection",
    "bad_url",
    "bad_encoding",
]
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    def __init__(
        self, kind: ErrorKind, message: str, status: int | None = None, retry_after_s: float | None = None
    ) -> None:
        super().__init__(redact_urls(message))  # it is logged and stored: no URL credentials
        self.kind = kind
        self.status = status
        self.retry_after_s = retry_after_s


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int  # 200 or 304
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


class Fetcher:
    """One per process (per event loop): shares connections, the concurrency limit and host pacing."""

    def __init__(
        self,
        cfg: IngestSection,
        *,
        resolver: Resolver = resolve,
        network: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        """`resolver` and `network` (the backend that opens sockets) are replaceable for tests."""
        self._cfg = cfg
        self.user_agent = cfg.user_agent
        timeout = httpx.Timeout(cfg.read_timeout_s, connect=cfg.connect_timeout_s)
        self._client = httpx.AsyncClient(
            transport=GuardedTransport(cfg.allowlist, cfg.max_concurrency, resolver=resolver, inner=network),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": cfg.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._slots = asyncio.Semaphore(cfg.max_concurrency)
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._host_next: dict[str, float] = {}

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _pace(self, host: str) -> None:
        lock = self._host_locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._host_next.get(host, 0.0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self._host_next[host] = time.monotonic() + self._cfg.per_host_interval_s

    async def get(
        self,
        url: str,
        target: Target,
        *,
        max_bytes: int,
        accept: str = "*/*",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        started = time.monotonic()
        try:
            return await self._get(url, max_bytes, accept, etag, last_modified)
        except FetchError as exc:
            FETCH_ERRORS.labels(target, exc.kind).inc()
            raise
        finally:
            FETCH_SECONDS.labels(target).observe(time.monotonic() - started)

    async def _get(
        self, url: str, max_bytes: int, accept: str, etag: str | None, last_modified: str | None
    ) -> FetchResult:
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self._cfg.max_redirects + 1):
            try:
                parsed = httpx.URL(current)
            except httpx.InvalidURL as exc:
                raise FetchError("bad_url", f"invalid URL {current!r}: {exc}") from None
            if parsed.scheme not in ("http", "https") or not parsed.host:
                raise FetchError("bad_url", f"only http(s) URLs are fetched, not {current[:200]!r}")
            await self._pace(parsed.host)
            async with self._slots:
                result = await self._one(parsed, headers, max_bytes)
            if isinstance(result, FetchResult):
                return result
            current = str(parsed.join(result))
        raise FetchError("too_many_redirects", f"more than {self._cfg.max_redirects} redirects from {url}")

    async def _one(self, url: httpx.URL, headers: dict[str, str], max_bytes: int) -> FetchResult | str:
        """One request: the result, or the Location of a redirect."""
        try:
            async with asyncio.timeout(self._cfg.total_timeout_s):
                async with self._client.stream("GET", url, headers=headers) as response:
                    if response.status_code in _REDIRECTS:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError("http_status", "redirect without Location", response.status_code)
                        return location
                    if response.status_code == 304:
                        return FetchResult(str(url), 304, headers=dict(response.headers))
                    if response.status_code != 200:
                        raise FetchError(
                            "http_status",
                            f"HTTP {response.status_code} from {url.host}",
                            response.status_code,
                            retry_after(response.headers.get("retry-after")),
                        )
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(
                            "too_large", f"{declared} bytes declared, over the cap of {max_bytes}"
                        )
                    body = await _read_capped(response, max_bytes)
                    return FetchResult(str(url), 200, body, dict(response.headers))
        except TimeoutError:
            raise FetchError("timeout", f"no complete response within {self._cfg.total_timeout_s}s") from None
        except httpx.TimeoutException as exc:
            raise FetchError("timeout", f"{type(exc).__name__} from {url.host}") from None
        except BlockedAddress as exc:
            raise FetchError("blocked_address", str(exc)) from None
        except DecodeError as exc:
            raise FetchError("too_large" if exc.kind == "too_large" else "bad_encoding", str(exc)) from None
        except (httpx.HTTPError, OSError) as exc:
            raise FetchError("connection", f"{type(exc).__name__}: {exc}"[:300]) from None


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """The body, decoded here rather than by httpx: both the bytes received and the bytes they
    decode to are capped, and counted as they come (DecodeError / FetchError past the cap)."""
    decoder = BoundedDecoder(response.headers.get("content-encoding"), max_bytes)
    received = 0
    body = bytearray()
    async for raw in response.aiter_raw():
        received += len(raw)
        if received > max_bytes:
            raise FetchError("too_large", f"response over the cap of {max_bytes} bytes received")
        body += decoder.decode(raw)
    body += decoder.decode(b"")
    return bytes(body)
