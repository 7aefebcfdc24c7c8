"""Alerting and dispatcher helpers: scripted webhook receivers, services as processes, Kafka I/O."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from parley.services.cli.stack import free_port
from parley.shared.events import ArticleEnriched, encode, wrap
from parley.shared.extraction import TalksRecord
from parley.shared.kafka import make_consumer, make_producer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import wait_until

SECRET = "whsec_" + base64.b64encode(b"parley-integration-secret-24").decode()
T0 = datetime(2026, 2, 10, 8, 0, tzinfo=UTC)


@dataclass
class Receiver:
    """An HTTP receiver whose answers are scripted: `script` is consumed one status per request
    (per webhook-id when `per_id`), then `then` is answered for ever."""

    script: list[int] = field(default_factory=list)
    then: int = 200
    per_id: bool = True
    requests: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, port: int = 0) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                status = receiver.answer(headers.get("webhook-id", ""))
                with receiver._lock:
                    receiver.requests.append({"headers": headers, "body": body, "status": status})
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def answer(self, webhook_id: str) -> int:
        with self._lock:
            seen = sum(1 for r in self.requests if r["headers"].get("webhook-id") == webhook_id)
            index = seen if self.per_id else len(self.requests)
            return self.script[index] if index < len(self.script) else self.then

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def delivered(self) -> list[dict[str, Any]]:
        """2xx requests, each with the parsed payload, verified against the endpoint's secret."""
        out = []
        with self._lock:
            items = list(self.requests)
        for item in items:
            if 200 <= item["status"] < 300:
                payload = Webhook(SECRET).verify(item["body"], item["headers"])
                out.append({"id": item["headers"]["webhook-id"], "payload": payload, **item})
        return out

    def ids(self) -> list[str]:
        return [d["id"] for d in self.delivered()]


@dataclass
class Services:
    namespace: str
    webhooks: list[dict[str, Any]]
    log_dir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)

    def env(self, name: str) -> dict[str, str]:
        return {
            **os.environ,
            "PARLEY_NAMESPACE": self.namespace,
            "PARLEY_HTTP_PORT": str(self.ports[name]),
            "PARLEY_ALERTING_WEBHOOKS": json.dumps(self.webhooks),
            "PARLEY_ALERTING_PRIVATE_ALLOWLIST": '["127.0.0.0/8"]',
            "PARLEY_ALERTING_RETRY_SCHEDULE_S": "[0.3, 0.6, 1.0]",
            "PARLEY_ALERTING_RETRY_JITTER": "0.1",
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }

    def start(self, service: str, name: str = "", **env: str) -> None:
        """Start `service` (as `name`, to run a second replica of it) and wait until it is ready."""
        name = name or service
        self.ports.setdefault(name, free_port())
        log = (self.log_dir / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", "parley.services", service, "run"],
            env={**self.env(name), **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(lambda: self.ready(name), 120, what=f"{name} ready")

    def ready(self, service: str) -> bool:
        proc = self.procs[service]
        if proc.poll() is not None:
            raise AssertionError(f"{service} exited {proc.returncode}: see {self.log_dir}/{service}.log")
        try:
            return httpx.get(f"http://127.0.0.1:{self.ports[service]}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def kill(self, service: str, sig: int = signal.SIGKILL) -> None:
        proc = self.procs[service]
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=60)

    def stop(self) -> None:
        for service in list(self.procs):
            self.kill(service, signal.SIGTERM)


def endpoint(name: str, receiver: Receiver, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "url": f"http://127.0.0.1:{receiver.port}/hooks/{name}",
        "secrets": [SECRET],
        **extra,
    }


def record(**fields: Any) -> TalksRecord:
    base: dict[str, Any] = {
        "parties": ["Armenia", "Azerbaijan", "Norway"],
        "mediators": ["Norway"],
        "location": "Oslo",
        "start_date": date(2026, 3, 10),
        "end_date": date(2026, 3, 11),
        "status": "announced",
        "confidence": 0.9,
        "evidence": "talks will be held",
    }
    return TalksRecord.model_validate({**base, **fields})


def publish(ns: str, article_id: str, source: str, talks: TalksRecord, hours: float = 0) -> None:
    at = T0 + timedelta(hours=hours)
    article = ArticleEnriched(
        article_id=article_id,
        title=f"{source}: talks",
        published=at,
        ingested_at=datetime.now(UTC),
        enriched_at=datetime.now(UTC),
        source=source,
        text="...",
        story_id=f"s-{article_id}",
        talks=(talks,),
    )
    producer = make_producer(KafkaSettings(), "test")
    producer.send(
        Names(ns).enriched, key=article_id.encode(), value=encode(wrap(article, service="enrichment"))
    )
    producer.flush(timeout=30)
    producer.close()


def read_topic(topic: str) -> list[Any]:
    """Every record of a topic, from the beginning to its current end."""
    from kafka import TopicPartition

    consumer = make_consumer(KafkaSettings(), "test", None)  # type: ignore[arg-type]
    parts = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
    consumer.assign(parts)
    consumer.seek_to_beginning(*parts)
    ends = consumer.end_offsets(parts)
    out: list[Any] = []
    while any(consumer.position(tp) < ends[tp] for tp in parts):
        for records in consumer.poll(timeout_ms=500).values():
            out.extend(records)
    consumer.close()
    return out
