"""Local HTTP servers and Kafka helpers for the ingest integration tests."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

from kafka import TopicPartition

from parley.services.ingest.cli import make_publisher
from parley.services.ingest.publisher import Publisher
from parley.services.ingest.settings import IngestSection, IngestSettings
from parley.shared.events import decode_event
from parley.shared.events.articles import ArticleReceived
from parley.shared.kafka import ensure_topics, make_consumer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import wait_until


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml"
    etag: str | None = None
    status: int = 200
    stream_bytes: int = 0  # send this many bytes of filler after `body`, without Content-Length
    hang: bool = False  # send headers and a little, then never finish


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    closing: threading.Event = field(default_factory=threading.Event)
    redirects: dict[str, str] = field(default_factory=dict)  # path -> Location

    def __post_init__(self) -> None:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self.send_error(404)
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                if self.path in server.redirects:
                    self.send_header("Location", server.redirects[self.path])
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.hang or route.stream_bytes:
                    self.send_header("Connection", "close")
                else:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                    sent = 0
                    while sent < route.stream_bytes:
                        self.wfile.write(b"x" * 65536)
                        sent += 65536
                    while route.hang and not server.closing.wait(0.2):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p.split("?", 1)[0] == path)

    def close(self) -> None:
        self.closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def rss(items: list[dict[str, str]], title: str = "Desk") -> bytes:
    body = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link><guid>{i['guid']}</guid>"
        f"<pubDate>Mon, 09 Feb 2026 10:00:00 GMT</pubDate><description>{i.get('summary', 'Summary.')}</description></item>"
        for i in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()


def atom(entries: list[dict[str, str]]) -> bytes:
    body = "".join(
        f'<entry><title>{escape(e["title"])}</title><link href="{escape(e["link"])}"/><id>{e["guid"]}</id>'
        f"<updated>2026-02-11T12:00:00Z</updated><summary>{e.get('summary', 'Summary.')}</summary></entry>"
        for e in entries
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>'
        f"<id>urn:x</id><updated>2026-02-11T12:00:00Z</updated>{body}</feed>"
    ).encode()


def settings_for(namespace: str, state_dir: Any, **cfg: Any) -> IngestSettings:
    defaults: dict[str, Any] = {
        "private_allowlist": ("127.0.0.0/8", "::1"),
        "per_host_interval_s": 0.0,
        "state_dir": state_dir,
    }
    return IngestSettings(namespace=namespace, ingest=IngestSection(**{**defaults, **cfg}))


def publisher_for(settings: IngestSettings) -> Publisher:
    ensure_topics(settings.kafka, settings.namespace)
    publisher = make_publisher(settings)
    assert isinstance(publisher, Publisher)
    return publisher


class RawReader:
    """The namespace's raw topic, read from the start. Every publish waits for Kafka's
    acknowledgement, so the topic's end offsets say exactly how many events were published."""

    def __init__(self, namespace: str) -> None:
        self.topic = Names(namespace).raw
        self.consumer = make_consumer(KafkaSettings(), "test", Names(namespace).group("test-reader"))
        self.partitions = [TopicPartition(self.topic, p) for p in range(6)]
        self.consumer.assign(self.partitions)
        self.consumer.seek_to_beginning()
        self.events: list[ArticleReceived] = []

    def total(self) -> int:
        return int(sum(self.consumer.end_offsets(self.partitions).values()))

    def _drain(self) -> int:
        for records in self.consumer.poll(timeout_ms=300).values():
            for record in records:
                event = decode_event(record.value).data
                assert isinstance(event, ArticleReceived)
                self.events.append(event)
        return len(self.events)

    def read_all(self) -> list[ArticleReceived]:
        wanted = self.total()
        wait_until(lambda: self._drain() >= wanted, 60, what=f"{wanted} raw events")
        return self.events

    def close(self) -> None:
        self.consumer.close()
