"""The alerting faust app: decides what is a new, changed or corroborated talks event.

    articles.enriched --route--> <app>-reports (faust-internal, keyed by party key)
        --decide (table talks_state)--> talks (state, by talks id) + alerts (by talks id)

Routing by party key puts every report about the same parties on one partition, so one worker
owns their state. Delivering the alerts is the dispatcher's job (`dispatcher.py`): a slow
webhook never holds up a talks decision. Alert ids are deterministic, so a replay into a fresh
state re-publishes the same ids and the dispatcher's deliveries table says what was delivered.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import partial
from typing import Any

import faust

from parley.services.alerting.known_talks import KnownTalks, read_known_talks
from parley.services.alerting.matching import Windows
from parley.services.alerting.settings import AlertingSettings
from parley.services.alerting.talks_state import (
    PlannedAlert,
    Report,
    decide,
    is_alertable,
    key_string,
    party_key,
    retract,
    route_key,
)
from parley.shared.errors import InvalidEvent
from parley.shared.events import (
    ArticleDeleted,
    ArticleEnriched,
    TalksAnnounced,
    TalksCorroborated,
    TalksRecorded,
    TalksState,
    TalksUpdated,
    decode_event,
    encode,
    wrap,
)
from parley.shared.extraction import TalksRecord
from parley.shared.faust_agents import DeadLetters, settle
from parley.shared.faust_app import flush_table_writes, make_app, raw_topic
from parley.shared.logging import get_logger
from parley.shared.metrics import (
    ALERTS_RAISED,
    MESSAGES_CONSUMED,
    MESSAGES_PRODUCED,
    STAGE_LATENCY_SECONDS,
)
from parley.shared.topics import ALERTS, ARTICLES_ENRICHED, DEADLETTER, PARTITIONS, TALKS, Names

SERVICE = "alerting"
log = get_logger(__name__)


def report_payload(article: ArticleEnriched, record: TalksRecord, rerun: bool = False) -> bytes:
    """What `route` forwards to the partition that owns the parties' state."""
    return json.dumps(
        {
            "rerun": rerun,
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
        rerun=bool(doc.get("rerun", False)),
    )


def _read_known(settings: AlertingSettings) -> dict[str, list[dict[str, Any]]]:
    known = read_known_talks(settings.kafka, Names(settings.namespace).talks)
    log.info("known_talks_loaded", keys=len(known))
    return known


def app_name(settings: AlertingSettings) -> str:
    """`alerting`, or `alerting-v<N>` once the state version was bumped (a fresh state)."""
    version = settings.alerting.state_version
    return SERVICE if version == 1 else f"{SERVICE}-v{version}"


def alert_event(
    planned: PlannedAlert, state: TalksState, report: Report
) -> TalksAnnounced | TalksUpdated | TalksCorroborated:
    common: dict[str, Any] = {
        "alert_id": planned.alert_id,
        "talks": state,
        "article_id": report.article_id,
        "article_title": report.title,
        "article_url": report.url,
        "ingested_at": report.ingested_at,
    }
    if planned.type == "announced":
        return TalksAnnounced(**common)
    if planned.type == "corroborated":
        return TalksCorroborated(**common, sources=state.independent_sources)
    return TalksUpdated(**common, changes=planned.changes)


def create_app(settings: AlertingSettings) -> faust.App:
    ns = settings.namespace
    cfg = settings.alerting
    windows = Windows(cfg.same_event_days, cfg.same_place_days, cfg.undated_match_days)
    app = make_app(settings, app_name(settings))
    enriched = raw_topic(app, ARTICLES_ENRICHED, ns)
    talks_topic = raw_topic(app, TALKS, ns)
    alerts_topic = raw_topic(app, ALERTS, ns)
    dead = DeadLetters(raw_topic(app, DEADLETTER, ns), SERVICE, ns)
    reports = app.topic(
        f"{app.conf.id}-reports",
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=PARTITIONS,
        internal=True,
    )
    talks_state = app.Table("talks_state", default=list, partitions=PARTITIONS)
    # Which party keys each article reported on (co-partitioned with articles.enriched), so a
    # takedown can reach the talks events the article supported.
    article_keys = app.Table("article_keys", default=list, partitions=PARTITIONS)
    known = KnownTalks(partial(_read_known, settings))

    @app.agent(enriched)
    async def route(stream: Any) -> None:
        events = stream.noack()
        async for event in events.events():
            MESSAGES_CONSUMED.labels(SERVICE, "articles.enriched").inc()
            await settle(events, event, partial(_route_one, event.value), dead, "articles.enriched")

    async def _route_one(value: bytes | None) -> None:
        if value is None:
            return  # a compaction tombstone after a takedown: the deletion event came first
        article = decode_event(value, expected=(ArticleEnriched, ArticleDeleted)).data
        if isinstance(article, ArticleDeleted):
            for key in article_keys[article.article_id]:
                retraction = json.dumps({"retract": article.article_id}).encode()
                await (await reports.send(key=key.encode(), value=retraction))
            article_keys.pop(article.article_id, None)
            await flush_table_writes(app)
            return
        assert isinstance(article, ArticleEnriched)
        alertable = [r for r in article.talks if is_alertable(r)]
        if not alertable:
            return
        # Keys this article was routed under before: by this state, else (a fresh state) by
        # the events the talks topic already holds.
        previous = list(article_keys[article.article_id]) or await known.keys_of(article.article_id)
        keys = []
        for record in alertable:
            key = route_key(key_string(party_key(record)), previous)
            keys.append(key)
            payload = report_payload(article, record, rerun=bool(previous))
            await (await reports.send(key=key.encode(), value=payload))
        article_keys[article.article_id] = sorted(set(keys) | set(previous))
        await flush_table_writes(app)

    @app.agent(reports)
    async def decide_talks(stream: Any) -> None:
        events = stream.noack()
        async for event in events.events():
            await settle(events, event, partial(_decide_report, event.key, event.value), dead, "reports")

    async def _decide_report(key: bytes, value: bytes) -> None:
        try:
            doc = json.loads(value)
            retraction = str(doc["retract"]) if isinstance(doc, dict) and "retract" in doc else None
            report = None if retraction is not None else parse_report(value)
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidEvent(str(exc)[:500]) from exc
        if retraction is not None:
            await _retract(key.decode(), retraction)
        else:
            assert report is not None
            await _decide_one(report, key.decode())
        # The new state must be in the changelog before this report's offset is committed:
        # lost on a crash, it would make the next report a "new" event.
        await flush_table_writes(app)

    async def _retract(key: str, article_id: str) -> None:
        events = tuple(TalksState.model_validate(e) for e in talks_state[key])
        kept, changed, removed = retract(events, article_id)
        if not changed and not removed:
            return
        for state in changed:
            recorded = wrap(TalksRecorded(talks=state), service=SERVICE, id_parts=("retract", article_id))
            await (await talks_topic.send(key=state.talks_id.encode(), value=encode(recorded)))
        for talks_id in removed:  # a tombstone: compaction forgets the event, the indexer deletes it
            await (await talks_topic.send(key=talks_id.encode(), value=None))
        # The state last (as in `_decide_one`): a crash before it re-does the retraction.
        talks_state[key] = [e.model_dump(mode="json") for e in kept]
        log.info("article_retracted", article_id=article_id, changed=len(changed), removed=len(removed))

    async def _decide_one(report: Report, key: str) -> None:
        stored = talks_state[key]
        if not stored:
            stored = await known.take(key)  # a key this state has never seen
            if stored:
                talks_state[key] = stored  # the fresh state now owns what the topic knew
        events = tuple(TalksState.model_validate(e) for e in stored)
        decision = decide(events, report, windows)
        if decision.changed is None:
            return
        state = decision.changed
        recorded = wrap(
            TalksRecorded(talks=state),
            service=SERVICE,
            id_parts=(str(state.revision), *state.article_ids[-1:]),
        )
        await (await talks_topic.send(key=state.talks_id.encode(), value=encode(recorded)))
        MESSAGES_PRODUCED.labels(SERVICE, "talks").inc()
        for planned in decision.alerts:
            out = wrap(alert_event(planned, state, report), service=SERVICE, id_parts=(planned.alert_id,))
            await (await alerts_topic.send(key=state.talks_id.encode(), value=encode(out)))
            MESSAGES_PRODUCED.labels(SERVICE, "alerts").inc()
            ALERTS_RAISED.labels(planned.type).inc()
            STAGE_LATENCY_SECONDS.labels("alerted").observe(
                max(0.0, (datetime.now(UTC) - report.ingested_at).total_seconds())
            )
            log.info("talks_alert_raised", alert_id=planned.alert_id, type=planned.type)
        # The state only once the talks record and the alerts are acknowledged: a crash before
        # this line leaves the report to be decided again, giving the same ids (the dispatcher
        # routes an alert id once); written first, it could reach the changelog while the alert
        # never reached Kafka, and the alert would be lost.
        talks_state[key] = [e.model_dump(mode="json") for e in decision.events]

    return app
