"""Building and running the faust apps (enrichment, alerting) the same way.

Topics carry raw bytes: agents decode with `decode_event` themselves, so an undecodable message
is dead-lettered by our code instead of stopping the agent inside faust's deserializer.
"""

from __future__ import annotations

import asyncio
from typing import Any

import faust
from aiohttp import web
from parley.shared import metrics
from parley.shared.deadletter import dead_letter
from parley.shared.kafka import faust_broker_url, faust_credentials
from parley.shared.metrics import DEADLETTERED, MESSAGES_PRODUCED, topic_label
from parley.shared.settings import ParleySettings
from parley.shared.topics import Names, TopicSpec


def make_app(settings: ParleySettings, service: str, port: int, **options: Any) -> faust.App:
    names = Names(settings.namespace)
    app = faust.App(
        names.group(service),
        broker=faust_broker_url(settings.kafka),
        broker_credentials=faust_credentials(settings.kafka),
        store="memory://",  # tables are rebuilt from their changelog topics at start
        topic_partitions=6,
        topic_replication_factor=settings.kafka.replication_factor,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        web_bind=settings.http.host,
        web_port=port,
        web_host=settings.http.host,
        autodiscover=False,
        broker_commit_every=100,
        broker_commit_interval=1.0,
        **options,
    )
    _add_health_routes(app)
    return app


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


def is_ready(app: faust.App) -> dict[str, bool]:
    consumer = getattr(app, "_consumer", None)
    started = bool(consumer is not None and consumer.started)
    return {
        "kafka": started and not consumer.should_stop if consumer is not None else False,
        "partitions_assigned": started and not app.rebalancing and bool(app.consumer.assignment()),
    }


def _add_health_routes(app: faust.App) -> None:
    @app.page("/healthz")
    async def healthz(view: Any, request: Any) -> Any:
        return web.json_response({"alive": True})

    @app.page("/readyz")
    async def readyz(view: Any, request: Any) -> Any:
        checks = is_ready(app)
        ready = all(checks.values())
        return web.json_response({"ready": ready, "checks": checks}, status=200 if ready else 503)

    @app.page("/metrics")
    async def metrics_page(view: Any, request: Any) -> Any:
        payload, content_type = metrics.render()
        return web.Response(body=payload, headers={"Content-Type": content_type})


async def send_dead_letter(
    topic: faust.TopicT,
    *,
    service: str,
    namespace: str,
    reason: str,
    error: str,
    event: Any,
) -> None:
    """Dead-letter the message behind a faust event, waiting until Kafka acknowledged it."""
    message = event.message
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
