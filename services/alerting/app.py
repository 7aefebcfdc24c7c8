"""The alerting faust app.

    articles.enriched --route--> <app>-reports (faust-internal, keyed by party key)
        --decide (table talks_state)--> talks (state, by talks id) + alerts (by talks id)
    alerts --deliver (table deliveries, changelog = alerts.deliveries)--> webhooks

Routing by party key puts every report about the same parties on one partition, so one worker
owns their state. Deliveries are recorded per alert id and endpoint in a table whose changelog
is the compacted `alerts.deliveries` topic: a restart or a replay never re-sends a delivered alert.
"""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime
from typing import Any

import faust
import httpx

from parley.services.alerting import delivery
from parley.services.alerting.settings import AlertingSettings, WebhookEndpoint
from parley.services.alerting.talks_state import Report, decide, is_alertable, key_string, party_key
from parley.shared.errors import DeliveryRejected, PoisonMessage, WebhookRetryable
from parley.shared.events import (
    ArticleEnriched,
    TalksAnnounced,
    TalksRecorded,
    TalksState,
    TalksUpdated,
    decode_event,
    encode,
    to_dict,
    wrap,
)
from parley.shared.extraction import TalksRecord
from parley.shared.faust_app import make_app, raw_topic, send_dead_letter
from parley.shared.logging import get_logger
from parley.shared.metrics import (
    ALERTS as ALERTS_RAISED,
)
from parley.shared.metrics import (
    MESSAGES_CONSUMED,
    MESSAGES_FAILED,
    MESSAGES_PRODUCED,
    STAGE_LATENCY_SECONDS,
    WEBHOOK_DELIVERIES,
    WEBHOOK_SECONDS,
)
from parley.shared.topics import (
    ALERTS,
    ALERTS_DEADLETTER,
    ALERTS_DELIVERIES,
    ARTICLES_ENRICHED,
    DEADLETTER,
    TALKS,
)

SERVICE = "alerting"
log = get_logger(__name__)


def report_payload(article: ArticleEnriched, record: TalksRecord) -> bytes:
    """What `route` forwards to the partition that owns the parties' state."""
    return json.dumps(
        {
            "record": record.model_dump(mode="json"),
            "article_id": article.article_id,
            "story_id": article.story_id,
            "source": article.source,
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat(),
            "ingested_at": article.ingested_at.isoformat(),
        }
    ).encode()


def parse_report(raw: bytes) -> Report:
    doc = json.loads(raw)
    return Report(
        record=TalksRecord.model_validate(doc["record"]),
        article_id=doc["article_id"],
        story_id=doc["story_id"],
        source=doc.get("source"),
        title=doc.get("title", ""),
        url=doc.get("url"),
        published=datetime.fromisoformat(doc["published"]),
        ingested_at=datetime.fromisoformat(doc["ingested_at"]),
    )


def create_app(settings: AlertingSettings) -> faust.App:
    ns = settings.namespace
    cfg = settings.alerting
    app = make_app(settings, SERVICE)
    enriched = raw_topic(app, ARTICLES_ENRICHED, ns)
    talks_topic = raw_topic(app, TALKS, ns)
    alerts_topic = raw_topic(app, ALERTS, ns)
    deadletter = raw_topic(app, DEADLETTER, ns)
    alerts_deadletter = raw_topic(app, ALERTS_DEADLETTER, ns)
    reports = app.topic(
        f"{app.conf.id}-reports",
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=6,
        internal=True,
    )
    talks_state = app.Table("talks_state", default=list, partitions=6)
    deliveries = app.Table(
        "deliveries",
        default=dict,
        partitions=6,
        changelog_topic=app.topic(
            ALERTS_DELIVERIES.name(ns), partitions=ALERTS_DELIVERIES.partitions, internal=False
        ),
    )
    http = httpx.AsyncClient(follow_redirects=False)

    @app.agent(enriched)
    async def route(stream: Any) -> None:
        async for event in stream.events():
            MESSAGES_CONSUMED.labels(SERVICE, "articles.enriched").inc()
            try:
                envelope = decode_event(event.value, expected=(ArticleEnriched,))
            except PoisonMessage as exc:
                await _dead_letter(deadletter, ns, exc.reason, str(exc), event, "articles.enriched")
                continue
            article = envelope.data
            assert isinstance(article, ArticleEnriched)
            for record in article.talks:
                if is_alertable(record):
                    key = key_string(party_key(record)).encode()
                    await (await reports.send(key=key, value=report_payload(article, record)))

    @app.agent(reports)
    async def decide_talks(stream: Any) -> None:
        async for event in stream.events():
            try:
                report = parse_report(event.value)
            except (ValueError, KeyError, TypeError) as exc:
                await _dead_letter(deadletter, ns, "invalid", str(exc)[:500], event, "reports")
                continue
            try:
                await _decide_one(report)
            except Exception as exc:  # one bad report must not stop the agent
                log.exception("talks_decision_failed", article_id=report.article_id)
                await _dead_letter(
                    deadletter, ns, "processing_error", f"{type(exc).__name__}: {exc}", event, "reports"
                )

    async def _decide_one(report: Report) -> None:
        key = key_string(party_key(report.record))
        events = tuple(TalksState.model_validate(e) for e in talks_state[key])
        decision = decide(
            events, report, same_event_days=cfg.same_event_days, undated_match_days=cfg.undated_match_days
        )
        if decision.changed is None:
            return
        talks_state[key] = [e.model_dump(mode="json") for e in decision.events]
        state = decision.changed
        recorded = wrap(
            TalksRecorded(talks=state),
            service=SERVICE,
            id_parts=(str(state.revision), *state.article_ids[-1:]),
        )
        await (await talks_topic.send(key=state.talks_id.encode(), value=encode(recorded)))
        MESSAGES_PRODUCED.labels(SERVICE, "talks").inc()
        if decision.alert_type is None or decision.alert_id is None:
            return
        alert: TalksAnnounced | TalksUpdated
        common: dict[str, Any] = {
            "alert_id": decision.alert_id,
            "talks": state,
            "article_id": report.article_id,
            "article_title": report.title,
            "article_url": report.url,
            "ingested_at": report.ingested_at,
        }
        if decision.alert_type == "announced":
            alert = TalksAnnounced(**common)
        else:
            alert = TalksUpdated(**common, changes=decision.changes)
        out = wrap(alert, service=SERVICE, id_parts=(decision.alert_id,))
        await (await alerts_topic.send(key=state.talks_id.encode(), value=encode(out)))
        MESSAGES_PRODUCED.labels(SERVICE, "alerts").inc()
        ALERTS_RAISED.labels(decision.alert_type, "default").inc()
        STAGE_LATENCY_SECONDS.labels("alerted").observe(
            max(0.0, (datetime.now(UTC) - report.ingested_at).total_seconds())
        )
        log.info("talks_alert_raised", alert_id=decision.alert_id, type=decision.alert_type)

    @app.agent(alerts_topic)
    async def deliver(stream: Any) -> None:
        async for event in stream.events():
            MESSAGES_CONSUMED.labels(SERVICE, "alerts").inc()
            try:
                envelope = decode_event(event.value, expected=(TalksAnnounced, TalksUpdated))
            except PoisonMessage as exc:
                await _dead_letter(deadletter, ns, exc.reason, str(exc), event, "alerts")
                continue
            alert_doc = to_dict(envelope)
            data = envelope.data
            assert isinstance(data, TalksAnnounced | TalksUpdated)
            await asyncio.gather(
                *(
                    _deliver_one(endpoint, data.alert_id, alert_doc, data.ingested_at)
                    for endpoint in cfg.webhooks
                )
            )

    async def _deliver_one(
        endpoint: WebhookEndpoint, alert_id: str, alert_doc: dict[str, Any], ingested_at: datetime | None
    ) -> None:
        key = f"{alert_id}@{endpoint.name}"
        if deliveries.get(key, {}).get("outcome") in ("delivered", "rejected", "exhausted"):
            return
        attempts: list[dict[str, Any]] = []
        outcome = "exhausted"
        for attempt in range(1, cfg.delivery_attempts + 1):
            request = delivery.sign(endpoint, alert_id, alert_doc, datetime.now(UTC))
            started = time.perf_counter()
            try:
                status = await delivery.send(http, request, endpoint.timeout_s)
            except WebhookRetryable as exc:
                attempts.append(_attempt("retry", None, str(exc)))
                WEBHOOK_DELIVERIES.labels(endpoint.name, "retry").inc()
                if attempt < cfg.delivery_attempts:
                    await asyncio.sleep(
                        delivery.backoff(attempt, cfg.retry_base_s, cfg.retry_max_s, exc.retry_after)
                    )
                continue
            except DeliveryRejected as exc:
                attempts.append(_attempt("rejected", exc.status, str(exc)))
                WEBHOOK_DELIVERIES.labels(endpoint.name, "rejected").inc()
                outcome = "rejected"
                break
            finally:
                WEBHOOK_SECONDS.labels(endpoint.name).observe(time.perf_counter() - started)
            attempts.append(_attempt("delivered", status, ""))
            WEBHOOK_DELIVERIES.labels(endpoint.name, "delivered").inc()
            if ingested_at is not None:
                STAGE_LATENCY_SECONDS.labels("delivered").observe(
                    max(0.0, (datetime.now(UTC) - ingested_at).total_seconds())
                )
            outcome = "delivered"
            break
        deliveries[key] = {"outcome": outcome, "attempts": attempts}
        log.info("alert_delivery_finished", alert_id=alert_id, endpoint=endpoint.name, outcome=outcome)
        if outcome != "delivered":
            record = {
                "alert_id": alert_id,
                "endpoint": endpoint.name,
                "outcome": outcome,
                "attempts": attempts,
                "alert": alert_doc,
            }
            await (await alerts_deadletter.send(key=key.encode(), value=json.dumps(record).encode()))

    return app


def _attempt(outcome: str, status: int | None, detail: str) -> dict[str, Any]:
    return {"at": datetime.now(UTC).isoformat(), "outcome": outcome, "status": status, "detail": detail}


async def _dead_letter(topic: Any, ns: str, reason: str, error: str, event: Any, label: str) -> None:
    MESSAGES_FAILED.labels(SERVICE, label, reason).inc()
    log.warning("message_deadlettered", reason=reason, error=error, offset=event.message.offset)
    await send_dead_letter(topic, service=SERVICE, namespace=ns, reason=reason, error=error, event=event)
