"""The fetcher against a real loopback HTTP server: compressed bodies are capped as they decode."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from parley.services.ingest.fetch import Fetcher, FetchError
from parley.services.ingest.settings import IngestSection
from tests.conftest import ROOT
from tests.limits import run_limited

# The review's bomb: 1 GiB of zeros, gzipped twice at level 9, is 1,827 bytes on the wire (made by
# streaming the zeros through zlib.compressobj, then gzip.compress(inner, 9, mtime=0)).
BOMB = (ROOT / "tests" / "fixtures" / "bombs" / "zeros-1gib.gz.gz").read_bytes()
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>' * 100


class Bodies(dict[str, tuple[bytes, str]]):
    """path -> (body, Content-Encoding) served by the loopback server."""


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, Bodies]]:
    bodies = Bodies()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            body, encoding = bodies.get(self.path, (b"", ""))
            self.send_response(200 if self.path in bodies else 404)
            self.send_header("Content-Type", "application/rss+xml")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):  # the client hangs up once it has seen enough
                self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", bodies
    httpd.shutdown()
    httpd.server_close()


def fetch(base: str, path: str, max_bytes: int = 5_000_000) -> bytes | str:
    async def go() -> bytes | str:
        fetcher = Fetcher(IngestSection(private_allowlist=("127.0.0.0/8",), per_host_interval_s=0))
        try:
            return (await fetcher.get(base + path, "feed", max_bytes=max_bytes)).body
        except FetchError as exc:
            return exc.kind
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


def test_double_gzip_bomb_is_refused_having_decoded_little(server: tuple[str, Bodies]) -> None:
    base, bodies = server
    for path in ("/feed", "/page", "/robots.txt"):
        bodies[path] = (BOMB, "gzip, gzip")
    code = f"""
import asyncio, json, tracemalloc
from parley.services.ingest.fetch import Fetcher, FetchError
from parley.services.ingest.settings import IngestSection

async def main():
    fetcher = Fetcher(IngestSection(private_allowlist=("127.0.0.0/8",), per_host_interval_s=0))
    kinds = {{}}
    for target, path in (("feed", "/feed"), ("page", "/page"), ("robots", "/robots.txt")):
        try:
            await fetcher.get({base!r} + path, target, max_bytes=5_000_000)
            kinds[target] = "accepted"
        except FetchError as exc:
            kinds[target] = exc.kind
    await fetcher.aclose()
    return kinds

tracemalloc.start()
kinds = asyncio.run(main())
print(json.dumps({{"kinds": kinds, "peak": tracemalloc.get_traced_memory()[1]}}))
"""
    outcome = run_limited(code, memory_mb=1024)
    assert len(BOMB) == 1827
    assert outcome["kinds"] == {"feed": "too_large", "page": "too_large", "robots": "too_large"}
    assert outcome["peak"] < 20_000_000  # a step past the 5 MB cap; httpx inflated the whole GiB first


def test_compressed_bodies_still_decode(server: tuple[str, Bodies]) -> None:
    base, bodies = server
    bodies["/gzip"] = (gzip.compress(FEED), "gzip")
    bodies["/twice"] = (gzip.compress(gzip.compress(FEED)), "gzip, gzip")
    bodies["/plain"] = (FEED, "")
    assert fetch(base, "/gzip") == fetch(base, "/twice") == fetch(base, "/plain") == FEED


def test_the_cap_counts_the_bytes_received_as_well(server: tuple[str, Bodies]) -> None:
    base, bodies = server
    bodies["/big"] = (gzip.compress(FEED), "gzip")
    assert fetch(base, "/big", max_bytes=1024) == "too_large"


@pytest.mark.parametrize(
    ("body", "encoding"),
    [
        (b"not gzip at all", "gzip"),
        (b"\x8b" * 100, "br"),  # never asked for
        (gzip.compress(gzip.compress(gzip.compress(FEED))), "gzip, gzip, gzip"),
    ],
)
def test_corrupt_unknown_or_deeply_stacked_encodings_are_refused(
    server: tuple[str, Bodies], body: bytes, encoding: str
) -> None:
    base, bodies = server
    bodies["/odd"] = (body, encoding)
    assert fetch(base, "/odd") == "bad_encoding"
