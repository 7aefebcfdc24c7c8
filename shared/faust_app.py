"""Building and running the faust apps (enrichment, alerting) the same way.

Topics carry raw bytes: agents decode with `decode_event` themselves, so an undecodable message
is dead-lettered by our code instead of stopping the agent inside faust's deserializer.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import Any

import faust

from parley.shared.deadletter import dead_letter
from parley.shared.faust_topics import TopicNeed, TopicsNotReady, prepare_topics
from parley.shared.faust_transport import Transport
from parley.shared.health import HealthServer
from parley.shared.kafka import (
    MAX_REQUEST_BYTES,
    METADATA_MAX_AGE_MS,
    faust_broker_url,
    faust_credentials,
    wait_for_kafka,
)
from parley.shared.lag import LagExporter
from parley.shared.logging import get_logger
from parley.shared.metrics import DEADLETTERED, MESSAGES_PRODUCED, topic_label
from parley.shared.runtime import PORTS
from parley.shared.settings import ParleySettings
from parley.shared.stalled_worker import StalledWorker
from parley.shared.topics import PARTITIONS, Names, TopicSpec


class App(faust.App):
    """faust's App on Parley's transport (`faust_transport`): it re-reads never-committed
    partitions from their start, and its consumer waits until its metadata shows
    `required_topics` (set by `prepare_topics`) before joining the group."""

    required_topics: tuple[TopicNeed, ...] = ()

    def _new_transport(self) -> Transport:
        return Transport(self.conf.broker_consumer, self)


log = get_logger(__name__)


def make_app(settings: ParleySettings, service: str, **options: Any) -> faust.App:
    """A faust app with Parley's defaults; `options` override any of them."""
    names = Names(settings.namespace)
    settings.data_dir.mkdir(parents=True, exist_ok=True)  # faust creates only the last level
    config: dict[str, Any] = {
        "broker": faust_broker_url(settings.kafka),
        "broker_credentials": faust_credentials(settings.kafka),
        "store": "memory://",  # tables are rebuilt from their changelog topics at start
        "datadir": settings.data_dir / f"{names.group(service)}-data",
        "topic_partitions": PARTITIONS,
        "topic_replication_factor": settings.kafka.replication_factor,
        "producer_acks": -1,
        "consumer_auto_offset_reset": "earliest",
        # Health and metrics are served by `shared.health` from the first second of the
        # process, before Kafka is reachable, so faust's own web server is off.
        "web_enabled": False,
        "autodiscover": False,
        "broker_commit_every": 100,
        "broker_commit_interval": 1.0,
        # A crashed worker's partitions move to the others after 10 s, not faust's default 60 s.
        "broker_session_timeout": 10.0,
        "broker_heartbeat_interval": 3.0,
        # Articles (and the dead letters that keep them) reach a few MB; with faust's 1 MB
        # defaults such a dead letter could not be sent and the poison message would be lost.
        "producer_max_request_size": MAX_REQUEST_BYTES + 1024 * 1024,
        "consumer_max_fetch_size": MAX_REQUEST_BYTES + 1024 * 1024,
        # A topic missing from the first metadata is seen at the next refresh, not 5 minutes on.
        "consumer_metadata_max_age_ms": METADATA_MAX_AGE_MS,
        "producer_metadata_max_age_ms": METADATA_MAX_AGE_MS,
    }
    config.update(options)
    return App(names.group(service), **config)


def raw_topic(app: faust.App, spec: TopicSpec, namespace: str) -> faust.TopicT:
    """A topic of ours, read and written as bytes (faust must not create or reconfigure it)."""
    return app.topic(
        spec.name(namespace),
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=spec.partitions,
    )


def internal_topic(
    app: faust.App, suffix: str, partitions: int, config: dict[str, str] | None = None
) -> faust.TopicT:
    """A faust-internal topic of the app (`<app id>-<suffix>`), read and written as bytes;
    created with the rest before the worker starts (`faust_topics.prepare_topics`)."""
    return app.topic(
        f"{app.conf.id}-{suffix}",
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
        internal=True,
        config=config,
    )


def is_ready(app: faust.App) -> dict[str, bool]:
    """Readiness of a running faust app (safe to call from the health server's thread)."""
    consumer = getattr(app, "_consumer", None)
    started = bool(consumer is not None and consumer.started and not consumer.should_stop)
    return {
        "kafka": started,
        "partitions_assigned": bool(
            started and consumer is not None and not app.rebalancing and consumer.assignment()
        ),
    }


def serve(
    app: faust.App,
    settings: ParleySettings,
    service: str,
    prepare: Callable[[], None] | None = None,
    *,
    leave_when_stalled: bool = True,
) -> None:
    """Health server first (not ready yet), then `prepare` (e.g. load models), then wait for
    Kafka and for every topic the app needs to be visible with its partitions, then the faust
    worker. Topics that never become ready stop the process with TopicsNotReady.

    The health server also runs the consumer-lag exporter of the service's group (every 15 s),
    and after each of its rounds the stalled-worker watch (`stalled_worker`), unless
    `leave_when_stalled` is off or `PARLEY_WORKER_STALL_EXIT_S` is 0.
    """
    stall_s = settings.worker.stall_exit_s
    watch = StalledWorker(app, stall_s) if leave_when_stalled and stall_s > 0 else None
    health = HealthServer(
        settings.http.host,
        settings.http_port(PORTS[service]),
        lambda: is_ready(app),
        lag=LagExporter(
            settings,
            service,
            group=app.conf.id,
            on_round=watch.observe if watch else None,
            on_failure=watch.reset if watch else None,
        ),
    ).start()
    try:
        if prepare is not None:
            prepare()
        wait_for_kafka(settings.kafka, settings.namespace)
        try:
            app.required_topics = prepare_topics(app, settings)  # type: ignore[attr-defined]
        except TopicsNotReady as exc:
            log.error("topics_not_ready", error=str(exc))
            print(f"parley {service}: {exc}", file=sys.stderr)
            raise SystemExit(1) from None
        run_worker(app, settings.log.level)
    finally:
        health.stop()


async def flush_table_writes(app: faust.App) -> None:
    """Wait until every table write so far is in its changelog topic.

    faust sends changelog records in the background and may commit the source offset before
    they reach Kafka: a crash in between would lose the write while the input counts as done.
    Agents call this after writes that must survive a crash, before taking the next event.
    """
    await app.producer.flush()


async def send_dead_letter(
    topic: faust.TopicT,
    *,
    service: str,
    namespace: str,
    reason: str,
    error: str,
    message: Any,
) -> None:
    """Dead-letter a consumed message (a faust `Message` or any record with topic, partition,
    offset, key and value), waiting until Kafka acknowledged it."""
    key, value = dead_letter(
        service=service,
        reason=reason,
        error=error,
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=message.key,
        value=message.value,
    )
    fut = await topic.send(key=key, value=value)
    await fut
    DEADLETTERED.labels(service, reason).inc()
    MESSAGES_PRODUCED.labels(service, topic_label(topic.get_topic_name(), namespace)).inc()


def run_worker(app: faust.App, loglevel: str = "WARNING") -> None:
    """Run a faust worker in this process until SIGTERM / SIGINT (faust handles both)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    worker = faust.Worker(app, loglevel=loglevel, loop=loop, override_logging=False, quiet=True)
    worker.execute_from_commandline()
