"""The alerting faust app: decides what is a new, changed or corroborated talks event.

    articles.enriched --route--> <app>-reports (faust-internal, keyed by party key)
        --decide (table talks_state)--> talks (state, by talks id) + alerts (by talks id)

Routing by party key puts every report about the same parties on one partition, so one worker
owns their state. Delivering the alerts is the dispatcher's job (`services/dispatcher/`): a slow
webhook never holds up a talks decision. Alert ids are deterministic, so a replay into a fresh
state re-publishes the same ids and the dispatcher's deliveries table says what was delivered.
What each input causes is worked out in `steps.py`; the agents here only send its messages, in
order, and write its state once they are acknowledged.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Any

import faust

from parley.services.alerting.known_talks import KnownTalks, read_known_talks
from parley.services.alerting.matching import Windows
from parley.services.alerting.settings import AlertingSettings
from parley.services.alerting.steps import (
    Decision,
    Send,
    Step,
    has_alertable,
    parse_reports_message,
    route_article,
)
from parley.shared.events import ArticleDeleted, ArticleEnriched, decode_event
from parley.shared.faust_agents import DeadLetters, settle
from parley.shared.faust_app import flush_table_writes, internal_topic, make_app, raw_topic
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


def _read_known(settings: AlertingSettings) -> dict[str, list[dict[str, Any]]]:
    known = read_known_talks(settings.kafka, Names(settings.namespace).talks)
    log.info("known_talks_loaded", keys=len(known))
    return known


def app_name(settings: AlertingSettings) -> str:
    """`alerting`, or `alerting-v<N>` once the state version was bumped (a fresh state)."""
    version = settings.alerting.state_version
    return SERVICE if version == 1 else f"{SERVICE}-v{version}"


def create_app(settings: AlertingSettings) -> faust.App:
    ns = settings.namespace
    cfg = settings.alerting
    decision = Decision(Windows(cfg.same_event_days, cfg.same_place_days, cfg.undated_match_days))
    app = make_app(settings, app_name(settings))
    dead = DeadLetters(raw_topic(app, DEADLETTER, ns), SERVICE, ns)
    reports = internal_topic(app, "reports", PARTITIONS)
    topics = {"reports": reports, "talks": raw_topic(app, TALKS, ns), "alerts": raw_topic(app, ALERTS, ns)}
    talks_state = app.Table("talks_state", default=list, partitions=PARTITIONS)
    # Which party keys each article reported on (co-partitioned with articles.enriched), so a
    # takedown can reach the talks events the article supported.
    article_keys = app.Table("article_keys", default=list, partitions=PARTITIONS)
    known = KnownTalks(partial(_read_known, settings))

    async def send_all(sends: tuple[Send, ...]) -> None:
        for send in sends:  # each acknowledged before the next, and before any state is written
            await (await topics[send.topic].send(key=send.key, value=send.value))
            if send.topic != "reports":
                MESSAGES_PRODUCED.labels(SERVICE, send.topic).inc()

    @app.agent(raw_topic(app, ARTICLES_ENRICHED, ns))
    async def route(stream: Any) -> None:
        events = stream.noack()
        async for event in events.events():
            MESSAGES_CONSUMED.labels(SERVICE, "articles.enriched").inc()
            await settle(events, event, partial(_route_one, event.value), dead, "articles.enriched")

    async def _route_one(value: bytes | None) -> None:
        if value is None:
            return  # a compaction tombstone after a takedown: the deletion event came first
        article = decode_event(value, expected=(ArticleEnriched, ArticleDeleted)).data
        assert isinstance(article, ArticleEnriched | ArticleDeleted)
        # Keys this article was routed under before: by this state, else (a fresh state) by the
        # events the talks topic already holds.
        previous = list(article_keys[article.article_id])
        if not previous and isinstance(article, ArticleEnriched) and has_alertable(article):
            previous = await known.keys_of(article.article_id)
        step = route_article(article, previous)
        await send_all(step.sends)
        if step.forget:
            article_keys.pop(article.article_id, None)
        elif step.state is not None:
            article_keys[article.article_id] = step.state
        await flush_table_writes(app)

    @app.agent(reports)
    async def decide_talks(stream: Any) -> None:
        events = stream.noack()
        async for event in events.events():
            await settle(events, event, partial(_decide_one, event.key, event.value), dead, "reports")

    async def _decide_one(raw_key: bytes, value: bytes) -> None:
        key = raw_key.decode()
        message = parse_reports_message(value)
        stored = talks_state[key]
        if not stored and not isinstance(message, str):
            stored = await known.take(key)  # a key this state has never seen
            if stored:
                talks_state[key] = stored  # the fresh state now owns what the topic knew
        step: Step
        if isinstance(message, str):
            step = decision.retraction(stored, message)
        else:
            step = decision.report(stored, message)
        await send_all(step.sends)
        for planned in step.alerts:
            ALERTS_RAISED.labels(planned.type).inc()
            if not isinstance(message, str):
                waited = (datetime.now(UTC) - message.ingested_at).total_seconds()
                STAGE_LATENCY_SECONDS.labels("alerted").observe(max(0.0, waited))
            log.info("talks_alert_raised", alert_id=planned.alert_id, type=planned.type)
        if step.state is not None:
            talks_state[key] = step.state
            if isinstance(message, str):
                log.info("article_retracted", article_id=message, key=key)
        # The new state must be in the changelog before this report's offset is committed:
        # lost on a crash, it would make the next report a "new" event.
        await flush_table_writes(app)

    return app
