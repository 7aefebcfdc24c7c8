"""The dispatcher faust app (`parley dispatcher run`): routes alerts by the rules and delivers them.

    alerts --dispatch--> rules --> deliveries table (changelog = <ns>.alerts.deliveries,
                                   key alert_id@endpoint) --> per-delivery tasks --> webhooks
                                                          \\-> alerts.deadletter (rejected, exhausted)

It is a process of its own so that a slow or failing endpoint never holds up talks decisions
and delivery scales separately. On each alert it records a `pending` entry per endpoint and hands
it to the deliverer; on start and after every rebalance it resumes each unfinished entry of its
partitions found in the recovered table (at least once: receivers de-duplicate by `webhook-id`).
An alert whose entries exist is never sent again, whichever app version or group replays it.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from functools import partial
from typing import Any

import faust

from parley.services.dispatcher.deliverer import Deliverer
from parley.services.dispatcher.progress import advanced, first_unprocessed, skipped_range
from parley.services.dispatcher.records import Recorder
from parley.services.dispatcher.rules_holder import RulesHolder
from parley.services.dispatcher.settings import DispatcherSettings
from parley.shared.errors import KafkaUnavailable
from parley.shared.events import (
    AlertRedeliveryRequested,
    TalksAnnounced,
    TalksCorroborated,
    TalksUpdated,
    decode_event,
)
from parley.shared.faust_agents import DeadLetters, handle_safely, settle
from parley.shared.faust_app import flush_table_writes, make_app, raw_topic
from parley.shared.logging import get_logger
from parley.shared.metrics import (
    ALERTS_RECOVERED,
    DELIVERIES_RESUMED,
    MESSAGES_CONSUMED,
)
from parley.shared.partition_reader import PartitionReader
from parley.shared.retrying import until_done
from parley.shared.stall import StallWatch
from parley.shared.topics import ALERTS as ALERTS_TOPIC
from parley.shared.topics import ALERTS_DEADLETTER, ALERTS_DELIVERIES, DEADLETTER

SERVICE = "dispatcher"
RESUME_INTERVAL_S = 1.0
# A partition behind its end with no progress for this long is read again from its expected
# offset; long enough that a merely busy dispatcher is never sent back.
STALL_CHECK_S = 5.0
STALL_S = 15.0
ALERT_TYPES = (TalksAnnounced, TalksUpdated, TalksCorroborated, AlertRedeliveryRequested)
log = get_logger(__name__)


def create_app(settings: DispatcherSettings, holder: RulesHolder) -> faust.App:
    ns = settings.namespace
    cfg = settings.alerting
    endpoints = tuple(w.name for w in cfg.webhooks)
    app = make_app(settings, SERVICE)
    alerts = raw_topic(app, ALERTS_TOPIC, ns)
    dead = DeadLetters(raw_topic(app, DEADLETTER, ns), SERVICE, ns)
    alerts_deadletter = raw_topic(app, ALERTS_DEADLETTER, ns)
    deliveries = app.Table(
        "deliveries",
        default=dict,
        partitions=ALERTS_DELIVERIES.partitions,
        key_type=str,
        changelog_topic=app.topic(
            ALERTS_DELIVERIES.name(ns),
            key_type=str,
            key_serializer="raw",
            value_serializer="json",
            partitions=ALERTS_DELIVERIES.partitions,
            internal=False,
        ),
    )
    # Keys on the topic are plain `alert_id@endpoint` (UTF-8), values JSON.
    deliveries.key_serializer = "raw"  # type: ignore[attr-defined]
    deliveries.value_serializer = "json"  # type: ignore[attr-defined]
    # When each rule last sent an alert about a talks event (key `rule|talks_id`): quiet periods.
    last_sent = app.Table("rule_last_sent", default=str, partitions=ALERTS_TOPIC.partitions, key_type=str)
    # The next offset expected on each alerts partition (key: the partition number).
    progress = app.Table("dispatch_progress", default=int, partitions=ALERTS_TOPIC.partitions, key_type=str)
    reader = PartitionReader(settings.kafka, alerts.get_topic_name(), f"{app.conf.id}-catch-up")
    stalls: StallWatch[int] = StallWatch(stall_s=STALL_S)
    deliverer = Deliverer(cfg, deliveries, alerts_deadletter)
    recorder = Recorder(
        endpoints, lambda: holder.rules.rules, deliveries, last_sent, page_url=settings.desk.talks_page
    )

    @app.agent(alerts)
    async def dispatch(stream: Any) -> None:
        events = stream.noack()
        async for event in events.events():
            await settle(events, event, partial(_dispatch_in_order, event.message), dead, "alerts")

    async def _dispatch_in_order(message: Any) -> None:
        """Route `message`, after any records the consumer skipped before it on its partition."""
        partition, key = message.partition, str(message.partition)
        expected = progress.data.get(key)
        begin = 0 if expected is not None else (await until_done("bounds", reader.bounds, partition))[0]
        gap = skipped_range(expected, begin, message.offset)
        if gap is not None:
            # Records the consumer dropped on a rebalance: dispatched before this one.
            missed = await until_done("skipped range", reader.read, partition, *gap)
            ALERTS_RECOVERED.labels("skipped").inc(len(missed))
            log.warning(
                "alerts_skipped_by_consumer_recovered",
                partition=partition,
                start=gap[0],
                stop=gap[1],
                records=len(missed),
            )
            for record in missed:
                await handle_safely(partial(_handle, record), record, dead, "alerts")
        # Settled here (dead-lettered if it must be) so that the progress mark moves past it.
        await handle_safely(partial(_handle, message), message, dead, "alerts")
        progress[key] = advanced(progress.data.get(key), message.offset)
        # The pending entries must be in the changelog before this alert's offset can be
        # committed, or a crash in between would lose the alert.
        await flush_table_writes(app)

    async def _handle(message: Any) -> None:
        """Record one record of the alerts topic (a faust message or a record read directly)."""
        MESSAGES_CONSUMED.labels(SERVICE, "alerts").inc()
        envelope = decode_event(message.value, expected=ALERT_TYPES)
        for key in recorder.record(envelope, message.partition, message.offset, datetime.now(UTC)):
            deliverer.start(key)

    @app.timer(interval=RESUME_INTERVAL_S)
    async def resume() -> None:
        """Pick up unfinished deliveries of our partitions (after start, rebalance or a crash)."""
        recovery = app.tables.recovery  # type: ignore[attr-defined]
        if app.rebalancing or app.in_recovery or not recovery.completed.is_set():
            return
        assigned = {tp.partition for tp in app.consumer.assignment() if tp.topic == alerts.get_topic_name()}
        deliverer.stop_where(lambda current: current.partition in assigned)
        for current in recorder.unfinished(assigned, deliverer.running):
            DELIVERIES_RESUMED.labels(current.endpoint).inc()
            log.info("alert_delivery_resumed", alert_id=current.alert_id, endpoint=current.endpoint)
            deliverer.start(current.key)

    @app.timer(interval=STALL_CHECK_S)
    async def catch_up() -> None:
        """Send the consumer back over a partition whose last records were skipped."""
        recovery = app.tables.recovery  # type: ignore[attr-defined]
        if app.rebalancing or app.in_recovery or not recovery.completed.is_set():
            return
        assigned = [tp for tp in app.consumer.assignment() if tp.topic == alerts.get_topic_name()]
        stalls.forget({tp.partition for tp in assigned})
        for tp in assigned:
            try:
                begin, end = await reader.bounds(tp.partition)
            except KafkaUnavailable as exc:
                log.warning("dependency_unavailable", action="stall check", error=str(exc))
                return  # the next tick looks again
            start = first_unprocessed(progress.data.get(str(tp.partition)), begin)
            again = stalls.check(tp.partition, start, end, time.monotonic())
            if again is not None:
                ALERTS_RECOVERED.labels("stalled").inc(end - again)
                log.warning(
                    "alerts_partition_stalled_read_again", partition=tp.partition, start=again, end=end
                )
                await app.consumer.seek(tp, again)

    @app.timer(interval=cfg.rules_poll_s)
    async def watch_rules() -> None:
        holder.check()

    @app.task
    async def on_start() -> None:
        holder.install_sighup()

    app.deliverer = deliverer  # type: ignore[attr-defined]  # for tests and shutdown
    return app
