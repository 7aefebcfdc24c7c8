"""Runs deliveries: one asyncio task per pending `alert@endpoint`, a semaphore per endpoint.

A task waits until the entry's `next_at` (outside the semaphore), makes one attempt, records it
in the deliveries table (in memory and in its changelog partition) and loops until the entry is
final. Backing off for one alert never holds up another alert or another endpoint. A rejected
or exhausted delivery is published to `alerts.deadletter` with every attempt's outcome.
"""

from __future__ import annotations

import asyncio
import functools
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, cast

import httpx

from parley.services.dispatcher import delivery
from parley.services.dispatcher.delivery_state import Attempt, Delivery, parse_time
from parley.shared.alerting_settings import AlertingSection, WebhookEndpoint
from parley.shared.errors import DeliveryRejected, WebhookRetryable
from parley.shared.events import AlertDeliveryRecorded, DeliveryAttempt, encode, wrap
from parley.shared.events.alerts import AttemptOutcome, DeliveryOutcome
from parley.shared.logging import get_logger
from parley.shared.metrics import (
    ALERTS_DEADLETTERED,
    DELIVERIES_PENDING,
    DELIVERY_LATENCY_SECONDS,
    STAGE_LATENCY_SECONDS,
    WEBHOOK_ATTEMPTS,
    WEBHOOK_DELIVERIES,
    WEBHOOK_SECONDS,
)

log = get_logger(__name__)
SERVICE = "dispatcher"


class Deliverer:
    def __init__(self, cfg: AlertingSection, table: Any, deadletter: Any) -> None:
        self.cfg = cfg
        self.table = table  # faust Table: `.data` in memory, `send_changelog` to persist
        self.deadletter = deadletter
        self.tasks: dict[str, asyncio.Task[None]] = {}
        self.semaphores = {w.name: asyncio.Semaphore(cfg.endpoint_concurrency) for w in cfg.webhooks}
        self._http: httpx.AsyncClient | None = None

    @property
    def http(self) -> httpx.AsyncClient:
        if self._http is None:
            connections = max(1, len(self.cfg.webhooks)) * self.cfg.endpoint_concurrency
            self._http = delivery.make_client(self.cfg.allowlist, connections)
        return self._http

    def running(self, key: str) -> bool:
        task = self.tasks.get(key)
        return task is not None and not task.done()

    def start(self, key: str) -> None:
        if self.running(key):
            return
        task = asyncio.ensure_future(self._run(key))
        self.tasks[key] = task
        task.add_done_callback(functools.partial(self._finished, key))
        self._gauge()

    def stop_where(self, keep: Callable[[Delivery], bool]) -> None:
        """Cancel tasks whose deliveries no longer belong here (partition revoked)."""
        for key, task in list(self.tasks.items()):
            current = self.read(key)
            if current is None or not keep(current):
                task.cancel()

    def read(self, key: str) -> Delivery | None:
        return Delivery.from_table(self.table.data.get(key))

    async def persist(self, key: str, current: Delivery) -> None:
        """Keep the delivery in memory and wait until its changelog partition has it."""
        value = current.to_table()
        self.table.data[key] = value
        topic = self.table.changelog_topic
        await (
            await topic.send(
                key=key.encode(),
                value=json.dumps(value).encode(),
                partition=current.partition,
                key_serializer="raw",
                value_serializer="raw",
            )
        )

    def _finished(self, key: str, _task: object = None) -> None:
        task = self.tasks.get(key)
        if task is not None and task.done():
            del self.tasks[key]
            if not task.cancelled() and task.exception() is not None:
                log.error("delivery_task_failed", key=key, error=repr(task.exception())[:300])
        self._gauge()

    def _gauge(self) -> None:
        counts = dict.fromkeys(self.semaphores, 0)
        for key in self.tasks:
            endpoint = key.rsplit("@", 1)[-1]
            counts[endpoint] = counts.get(endpoint, 0) + 1
        for name, count in counts.items():
            DELIVERIES_PENDING.labels(name).set(count)

    async def _run(self, key: str) -> None:
        while True:
            current = self.read(key)
            if current is None or current.final:
                return
            endpoint = self.cfg.endpoint(current.endpoint)
            if endpoint is None:
                log.warning("delivery_endpoint_unknown", alert_id=current.alert_id, endpoint=current.endpoint)
                return
            await asyncio.sleep(current.wait_seconds(datetime.now(UTC)))
            current = self.read(key)
            if current is None or current.final:
                return
            async with self.semaphores.setdefault(endpoint.name, asyncio.Semaphore(1)):
                updated = await self._attempt(endpoint, current)
            if updated.final and updated.outcome != "delivered":
                await self._dead_letter(key, updated)
            await self.persist(key, updated)
            if updated.final:
                WEBHOOK_DELIVERIES.labels(endpoint.name, updated.outcome).inc()
                log.info(
                    "alert_delivery_finished",
                    alert_id=updated.alert_id,
                    endpoint=endpoint.name,
                    outcome=updated.outcome,
                    attempts=updated.attempts_in_round(),
                )
                return

    async def _attempt(self, endpoint: WebhookEndpoint, current: Delivery) -> Delivery:
        alert_id = current.alert_id
        started = time.perf_counter()
        status: int | None = None
        retry_after: float | None = None
        outcome: AttemptOutcome
        try:
            request = delivery.sign(endpoint, alert_id, current.alert, datetime.now(UTC))
            status = await delivery.send(self.http, request, endpoint.timeout_s)
            outcome, detail = "delivered", ""
        except WebhookRetryable as exc:
            outcome, detail, retry_after, status = "retrying", str(exc), exc.retry_after, exc.status
        except DeliveryRejected as exc:
            outcome, detail, status = "rejected", str(exc), exc.status
        seconds = time.perf_counter() - started
        WEBHOOK_SECONDS.labels(endpoint.name).observe(seconds)
        WEBHOOK_ATTEMPTS.labels(endpoint.name, outcome).inc()
        done = datetime.now(UTC)
        attempt = Attempt.made(done, outcome, status, detail, seconds, current.redeliveries)
        made = current.attempts_in_round() + 1
        delay = delivery.retry_delay(
            made,
            self.cfg.retry_schedule_s,
            jitter=self.cfg.retry_jitter,
            retry_after=retry_after,
            retry_after_max_s=self.cfg.retry_after_max_s,
        )
        if outcome == "delivered":
            self._observe_latency(endpoint.name, current, done)
        else:
            log.info(
                "alert_delivery_attempt_failed",
                alert_id=alert_id,
                endpoint=endpoint.name,
                attempt=made,
                outcome=outcome,
                detail=detail[:200],
                retry_in_s=delay,
            )
        return current.after(attempt, delay, done)

    @staticmethod
    def _observe_latency(endpoint: str, current: Delivery, done: datetime) -> None:
        if current.alert_time is not None:
            DELIVERY_LATENCY_SECONDS.labels(endpoint).observe(
                max(0.0, (done - current.alert_time).total_seconds())
            )
        data = current.alert.get("data")
        ingested = parse_time(data.get("ingested_at")) if isinstance(data, dict) else None
        if ingested is not None and not current.redeliveries:
            STAGE_LATENCY_SECONDS.labels("delivered").observe(max(0.0, (done - ingested).total_seconds()))

    async def _dead_letter(self, key: str, current: Delivery) -> None:
        event = AlertDeliveryRecorded(
            alert_id=current.alert_id,
            endpoint=current.endpoint,
            outcome=cast(DeliveryOutcome, current.outcome),
            attempts=tuple(
                DeliveryAttempt(at=a.at, outcome=a.outcome, status=a.status, detail=a.detail)
                for a in current.attempts
            ),
            alert=current.alert,
        )
        envelope = wrap(event, service=SERVICE, id_parts=(current.outcome, str(len(current.attempts))))
        await (await self.deadletter.send(key=key.encode(), value=encode(envelope)))
        ALERTS_DEADLETTERED.labels(current.endpoint, current.outcome).inc()
        log.warning(
            "alert_deadlettered",
            alert_id=current.alert_id,
            endpoint=current.endpoint,
            outcome=current.outcome,
            attempts=len(current.attempts),
        )

    async def close(self) -> None:
        for task in self.tasks.values():
            task.cancel()
        if self._http is not None:
            await self._http.aclose()
