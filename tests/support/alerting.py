"""Alerting and dispatcher helpers: services as processes, webhook endpoints, Kafka I/O.

`Receiver` and `SECRET` are those of `tests.support.webhooks`, re-exported."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from parley.services.cli.stack import free_port
from parley.shared.events import ArticleEnriched, encode, wrap
from parley.shared.extraction import TalksRecord
from parley.shared.kafka import make_consumer, make_producer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import wait_until
from tests.support.processes import launch, stop
from tests.support.webhooks import SECRET, Receiver

__all__ = ["SECRET", "T0", "Receiver", "Services", "endpoint", "publish", "read_topic", "record"]

T0 = datetime(2026, 2, 10, 8, 0, tzinfo=UTC)


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

    def start(self, service: str, name: str = "", wait: bool = True, **env: str) -> None:
        """Start `service` (as `name`, to run a second replica of it) and wait until it is ready."""
        name = name or service
        self.ports.setdefault(name, free_port())
        self.procs[name] = launch([service, "run"], {**self.env(name), **env}, self.log_dir / f"{name}.log")
        if wait:
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
        stop(self.procs[service], sig)

    def stop(self) -> None:
        for service in list(self.procs):
            self.kill(service, signal.SIGTERM)


def endpoint(name: str, receiver: Receiver, **extra: Any) -> dict[str, Any]:
    return receiver.endpoint(name, **extra)


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
