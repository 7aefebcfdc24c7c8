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
from typing import Any

import httpx

from parley.services.dispatcher import delivery
from parley.services.dispatcher.delivery_state import (
    Entry,
    after_attempt,
    attempt_record,
    attempts_in_round,
    is_final,
    wait_seconds,
)
from parley.shared.alerting_settings import AlertingSection, WebhookEndpoint
from parley.shared.errors import DeliveryRejected, WebhookRetryable
from parley.shared.events import AlertDeliveryRecorded, encode, wrap
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
            self._http = delivery.make_client(self.cfg.allow_private_webhooks, connections)
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

    def stop_where(self, keep: Callable[[Entry], bool]) -> None:
        """Cancel tasks whose entries no longer belong here (partition revoked)."""
        for key, task in list(self.tasks.items()):
            entry = self.table.data.get(key)
            if entry is None or not keep(entry):
                task.cancel()

    async def persist(self, key: str, entry: Entry) -> None:
        """Keep the entry in memory and wait until its changelog partition has it."""
        self.table.data[key] = entry
        topic = self.table.changelog_topic
        await (
            await topic.send(
                key=key.encode(),
                value=json.dumps(entry).encode(),
                partition=int(entry["partition"]),
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
            entry = self.table.data.get(key)
            if entry is None or is_final(entry):
                return
            endpoint = self.cfg.endpoint(entry["endpoint"])
            if endpoint is None:
                log.warning(
                    "delivery_endpoint_unknown", alert_id=entry["alert_id"], endpoint=entry["endpoint"]
                )
                return
            await asyncio.sleep(wait_seconds(entry, datetime.now(UTC)))
            entry = self.table.data.get(key)
            if entry is None or is_final(entry):
                return
            async with self.semaphores.setdefault(endpoint.name, asyncio.Semaphore(1)):
                updated = await self._attempt(endpoint, entry)
            if is_final(updated) and updated["outcome"] != "delivered":
                await self._dead_letter(key, updated)
            await self.persist(key, updated)
            if is_final(updated):
                WEBHOOK_DELIVERIES.labels(endpoint.name, updated["outcome"]).inc()
                log.info(
                    "alert_delivery_finished",
                    alert_id=updated["alert_id"],
                    endpoint=endpoint.name,
                    outcome=updated["outcome"],
                    attempts=attempts_in_round(updated),
                )
                return

    async def _attempt(self, endpoint: WebhookEndpoint, entry: Entry) -> Entry:
        alert_id = entry["alert_id"]
        started = time.perf_counter()
        status: int | None = None
        retry_after: float | None = None
        try:
            request = delivery.sign(endpoint, alert_id, entry["alert"], datetime.now(UTC))
            status = await delivery.send(self.http, request, endpoint.timeout_s)
            outcome, detail = "delivered", ""
        except WebhookRetryable as exc:
            outcome, detail, retry_after = "retryable", str(exc), exc.retry_after
            status = _status_of(str(exc))
        except DeliveryRejected as exc:
            outcome, detail, status = "rejected", str(exc), exc.status
        seconds = time.perf_counter() - started
        WEBHOOK_SECONDS.labels(endpoint.name).observe(seconds)
        WEBHOOK_ATTEMPTS.labels(endpoint.name, outcome).inc()
        done = datetime.now(UTC)
        attempt = {
            **attempt_record(done, outcome, status, detail, seconds),
            "round": entry.get("redeliveries", 0),
        }
        made = attempts_in_round(entry) + 1
        delay = delivery.retry_delay(
            made,
            self.cfg.retry_schedule_s,
            jitter=self.cfg.retry_jitter,
            retry_after=retry_after,
            retry_after_max_s=self.cfg.retry_after_max_s,
        )
        if outcome == "delivered":
            self._observe_latency(endpoint.name, entry, done)
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
        return after_attempt(entry, attempt, delay, done)

    @staticmethod
    def _observe_latency(endpoint: str, entry: Entry, done: datetime) -> None:
        from parley.services.dispatcher.delivery_state import parse_time

        published = parse_time(entry.get("alert_time"))
        if published is not None:
            DELIVERY_LATENCY_SECONDS.labels(endpoint).observe(max(0.0, (done - published).total_seconds()))
        ingested = parse_time(entry.get("alert", {}).get("data", {}).get("ingested_at"))
        if ingested is not None and not entry.get("redeliveries"):
            STAGE_LATENCY_SECONDS.labels("delivered").observe(max(0.0, (done - ingested).total_seconds()))

    async def _dead_letter(self, key: str, entry: Entry) -> None:
        event = AlertDeliveryRecorded.model_validate(
            {
                "alert_id": entry["alert_id"],
                "endpoint": entry["endpoint"],
                "outcome": entry["outcome"],
                "attempts": [
                    {k: a.get(k) for k in ("at", "outcome", "status", "detail")} for a in entry["attempts"]
                ],
                "alert": entry["alert"],
            }
        )
        envelope = wrap(event, service=SERVICE, id_parts=(entry["outcome"], str(len(entry["attempts"]))))
        await (await self.deadletter.send(key=key.encode(), value=encode(envelope)))
        ALERTS_DEADLETTERED.labels(entry["endpoint"], entry["outcome"]).inc()
        log.warning(
            "alert_deadlettered",
            alert_id=entry["alert_id"],
            endpoint=entry["endpoint"],
            outcome=entry["outcome"],
            attempts=len(entry["attempts"]),
        )

    async def close(self) -> None:
        for task in self.tasks.values():
            task.cancel()
        if self._http is not None:
            await self._http.aclose()


def _status_of(detail: str) -> int | None:
    if detail.startswith("HTTP "):
        try:
            return int(detail.split()[1])
        except (IndexError, ValueError):
            return None
    return None
