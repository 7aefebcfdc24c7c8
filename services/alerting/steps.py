"""What alerting does with each input, as plain values: the messages to send, in order, and the
state to write once they are acknowledged.

`route_article` turns an enriched article (or a takedown) into reports keyed by party key;
`decide_report` and `retract_article` turn a report or a retraction into talks records, alerts
and the parties' new state. They know no Kafka and no faust, so they are unit-tested with plain
values; the agents in `app.py` only send what a `Step` lists, then write its state.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from parley.services.alerting.matching import Windows
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
    encode,
    wrap,
)
from parley.shared.extraction import TalksRecord

SERVICE = "alerting"
Target = Literal["reports", "talks", "alerts"]


@dataclass(frozen=True)
class Send:
    topic: Target
    key: bytes
    value: bytes | None  # None: a tombstone


@dataclass(frozen=True)
class Step:
    """Send these in order, wait for each acknowledgement, then write `state` (None: no write)."""

    sends: tuple[Send, ...] = ()
    state: Any = None
    alerts: tuple[PlannedAlert, ...] = ()
    forget: bool = False  # delete the state's key instead of writing it


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


def parse_reports_message(raw: bytes) -> Report | str:
    """A report, or the id of the article whose reports are retracted."""
    try:
        doc = json.loads(raw)
        if isinstance(doc, dict) and "retract" in doc:
            return str(doc["retract"])
        return parse_report(raw)
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidEvent(str(exc)[:500]) from exc


def has_alertable(article: ArticleEnriched) -> bool:
    return any(is_alertable(r) for r in article.talks)


def route_article(article: ArticleEnriched | ArticleDeleted, previous: Sequence[str]) -> Step:
    """Reports for the article's alertable records, each under its route key; its state (the
    `article_keys` entry) is every key it was routed under. A takedown retracts the article
    from every key it had, and forgets them."""
    if isinstance(article, ArticleDeleted):
        retraction = json.dumps({"retract": article.article_id}).encode()
        return Step(sends=tuple(Send("reports", k.encode(), retraction) for k in previous), forget=True)
    alertable = [r for r in article.talks if is_alertable(r)]
    if not alertable:
        return Step()
    sends, keys = [], []
    for record in alertable:
        key = route_key(key_string(party_key(record)), list(previous))
        keys.append(key)
        sends.append(Send("reports", key.encode(), report_payload(article, record, rerun=bool(previous))))
    return Step(sends=tuple(sends), state=sorted(set(keys) | set(previous)))


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


@dataclass(frozen=True)
class Decision:
    windows: Windows
    service: str = SERVICE

    def report(self, stored: Sequence[dict[str, Any]], report: Report) -> Step:
        """The talks record and alerts a report causes, then the parties' new state. The state
        comes last: written first, it could reach the changelog while the alert never reached
        Kafka, and the alert would be lost; re-decided after a crash, a report gives the same ids."""
        events = tuple(TalksState.model_validate(e) for e in stored)
        decision = decide(events, report, self.windows)
        if decision.changed is None:
            return Step()
        state = decision.changed
        recorded = wrap(
            TalksRecorded(talks=state),
            service=self.service,
            id_parts=(str(state.revision), *state.article_ids[-1:]),
        )
        key = state.talks_id.encode()
        sends = [Send("talks", key, encode(recorded))]
        for planned in decision.alerts:
            out = wrap(
                alert_event(planned, state, report), service=self.service, id_parts=(planned.alert_id,)
            )
            sends.append(Send("alerts", key, encode(out)))
        return Step(
            sends=tuple(sends),
            state=[e.model_dump(mode="json") for e in decision.events],
            alerts=tuple(decision.alerts),
        )

    def retraction(self, stored: Sequence[dict[str, Any]], article_id: str) -> Step:
        """New states for the events the article supported, tombstones for those only it did."""
        events = tuple(TalksState.model_validate(e) for e in stored)
        kept, changed, removed = retract(events, article_id)
        if not changed and not removed:
            return Step()
        sends = [
            Send(
                "talks",
                state.talks_id.encode(),
                encode(
                    wrap(TalksRecorded(talks=state), service=self.service, id_parts=("retract", article_id))
                ),
            )
            for state in changed
        ]
        sends += [Send("talks", talks_id.encode(), None) for talks_id in removed]
        return Step(sends=tuple(sends), state=[e.model_dump(mode="json") for e in kept])
