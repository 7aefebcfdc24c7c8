"""Operator tools behind `parley alerts redeliver` and `parley webhooks list|test`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from kafka import TopicPartition

from parley.services.dispatcher import delivery
from parley.services.dispatcher.settings import DispatcherSettings
from parley.shared.alerting_settings import WebhookEndpoint
from parley.shared.errors import DeliveryRejected, InputError, PoisonMessage, WebhookRetryable
from parley.shared.events import (
    AlertRedeliveryRequested,
    Envelope,
    TalksAnnounced,
    TalksCorroborated,
    TalksUpdated,
    WebhookTested,
    decode_event,
    encode,
    to_dict,
    wrap,
)
from parley.shared.kafka import kafka_errors, make_consumer, make_producer
from parley.shared.topics import Names

ALERT_TYPES = (TalksAnnounced, TalksUpdated, TalksCorroborated)


@dataclass(frozen=True)
class StoredAlert:
    partition: int
    key: bytes | None
    envelope: Envelope

    @property
    def alert_id(self) -> str:
        return str(getattr(self.envelope.data, "alert_id", ""))


def read_alerts(settings: DispatcherSettings, wanted: Callable[[StoredAlert], bool]) -> list[StoredAlert]:
    """Every alert on the alerts topic (from the beginning to the current end) that `wanted` keeps."""
    topic = Names(settings.namespace).alerts
    consumer = make_consumer(settings.kafka, "parley-admin", cast(str, None), consumer_timeout_ms=2000)
    found: list[StoredAlert] = []
    try:
        with kafka_errors("reading alerts"):
            partitions = [
                TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())
            ]
            consumer.assign(partitions)
            consumer.seek_to_beginning(*partitions)
            ends = consumer.end_offsets(partitions)
            while any(consumer.position(tp) < ends[tp] for tp in partitions):
                for tp, records in consumer.poll(timeout_ms=1000).items():
                    for record in records:
                        if record.offset >= ends[tp]:
                            continue
                        try:
                            envelope = decode_event(
                                record.value, expected=(*ALERT_TYPES, AlertRedeliveryRequested)
                            )
                        except PoisonMessage:
                            continue
                        if isinstance(envelope.data, AlertRedeliveryRequested):
                            continue
                        alert = StoredAlert(tp.partition, record.key, envelope)
                        if wanted(alert):
                            found.append(alert)
    finally:
        consumer.close()
    return found


def request_redelivery(
    settings: DispatcherSettings, *, alert_id: str | None, since: datetime | None, endpoint: str | None
) -> list[str]:
    """Ask the dispatcher to send alerts again whatever their state; returns the alert ids."""
    if endpoint is not None and settings.alerting.endpoint(endpoint) is None:
        raise InputError(f"no webhook endpoint named {endpoint!r}")
    if alert_id is None and since is None:
        raise InputError("give an alert id or --since")

    def wanted(alert: StoredAlert) -> bool:
        if alert_id is not None:
            return alert.alert_id == alert_id or alert.envelope.id == alert_id
        assert since is not None
        return alert.envelope.time >= since

    alerts = {a.alert_id: a for a in read_alerts(settings, wanted)}  # the latest copy of each id
    if alert_id is not None and not alerts:
        raise InputError(f"no alert {alert_id!r} on {Names(settings.namespace).alerts}")
    producer = make_producer(settings.kafka, "parley-admin")
    try:
        now = datetime.now(UTC)
        for alert in alerts.values():
            request = AlertRedeliveryRequested(
                alert_id=alert.alert_id,
                endpoints=(endpoint,) if endpoint else (),
                alert=to_dict(alert.envelope),
                requested_at=now,
            )
            envelope = wrap(request, service="cli", id_parts=(now.isoformat(), endpoint or "*"))
            with kafka_errors("requesting redelivery"):
                producer.send(
                    Names(settings.namespace).alerts,
                    key=alert.key,
                    value=encode(envelope),
                    partition=alert.partition,
                ).get(timeout=30)
    finally:
        producer.close()
    return sorted(alerts)


def webhook_rows(settings: DispatcherSettings) -> list[dict[str, Any]]:
    """What `parley webhooks list` shows: never a secret or a URL's credentials."""
    return [
        {
            "name": w.name,
            "url": w.display,
            "format": w.format,
            "secrets": len(w.secrets),
            "timeout_s": w.timeout_s,
        }
        for w in settings.alerting.webhooks
    ]


def send_test(settings: DispatcherSettings, name: str) -> tuple[str, int]:
    """Send one signed `parley.webhook.tested.v1`; returns (webhook id, HTTP status)."""
    endpoint = settings.alerting.endpoint(name)
    if endpoint is None:
        raise InputError(f"no webhook endpoint named {name!r}")
    now = datetime.now(UTC)
    envelope = wrap(WebhookTested(endpoint=name, sent_at=now), service="cli", id_parts=(now.isoformat(),))
    return envelope.id, asyncio.run(_send_once(endpoint, envelope.id, to_dict(envelope), settings))


async def _send_once(
    endpoint: WebhookEndpoint, message_id: str, doc: dict[str, Any], settings: DispatcherSettings
) -> int:
    async with delivery.make_client(settings.alerting.allowlist) as client:
        try:
            request = delivery.sign(endpoint, message_id, doc, datetime.now(UTC))
            return await delivery.send(client, request, endpoint.timeout_s)
        except (WebhookRetryable, DeliveryRejected) as exc:
            raise InputError(f"webhook {name_of(endpoint)} answered: {exc}") from None


def name_of(endpoint: WebhookEndpoint) -> str:
    return endpoint.name
