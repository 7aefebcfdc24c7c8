"""What the dispatcher records for each record of the alerts topic: plain logic over its tables.

`Recorder` turns an alert into one `pending` delivery per endpoint its rules send it to, a
redelivery request into restarted deliveries, and says which deliveries to resume. It knows no
Kafka and no faust: a table is anything with a `data` mapping to read and item assignment to
write (a faust `Table` writes its changelog on assignment), so it is unit-tested with dicts.
The faust agents and timers in `app.py` only feed it and start what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from pydantic import ValidationError

from parley.services.dispatcher.delivery_state import Delivery, delivery_key, parse_time
from parley.services.dispatcher.routing import AlertFacts, RateLimiter, route
from parley.services.dispatcher.rules import Rule
from parley.shared.errors import InvalidEvent
from parley.shared.events import (
    AlertRedeliveryRequested,
    Envelope,
    TalksAnnounced,
    TalksCorroborated,
    TalksUpdated,
    to_dict,
)
from parley.shared.logging import get_logger
from parley.shared.metrics import ALERTS, ALERTS_SUPPRESSED, REDELIVERIES

log = get_logger(__name__)


class Table(Protocol):
    """The part of a faust Table the dispatcher uses."""

    @property
    def data(self) -> MutableMapping[Any, Any]: ...

    def __setitem__(self, key: Any, value: Any) -> None: ...


def alert_facts(envelope: Envelope) -> AlertFacts:
    data = envelope.data
    assert isinstance(data, TalksAnnounced | TalksUpdated | TalksCorroborated)
    return AlertFacts(
        type=data.verb,
        alert_id=data.alert_id,
        talks_id=data.talks.talks_id,
        talks=data.talks.model_dump(mode="json"),
        time=envelope.time,
        sources=data.sources if isinstance(data, TalksCorroborated) else data.talks.independent_sources,
        changed_fields=tuple(c.field for c in data.changes) if isinstance(data, TalksUpdated) else (),
    )


# CloudEvents extension names are lower-case letters and digits, at most 20 characters.
DESK_URL_ATTRIBUTE = "deskurl"


class Recorder:
    def __init__(
        self,
        endpoints: Sequence[str],
        rules: Callable[[], Sequence[Rule]],
        deliveries: Table,
        last_sent: Table,
        limiter: RateLimiter | None = None,
        page_url: Callable[[str], str | None] = lambda _talks_id: None,
    ) -> None:
        """`rules` is read on every alert (the rules file is reloaded while running); `page_url`
        gives the Desk page of a talks event when a public URL is configured."""
        self.endpoints = tuple(endpoints)
        self.rules = rules
        self.deliveries = deliveries
        self.last_sent = last_sent  # `rule|talks_id` -> when the rule last sent about the talks
        self.limiter = limiter or RateLimiter()
        self.page_url = page_url

    def recorded(self, alert_id: str) -> bool:
        return any(delivery_key(alert_id, e) in self.deliveries.data for e in self.endpoints)

    def record(self, envelope: Envelope, partition: int, offset: int, now: datetime) -> list[str]:
        """Record what one decoded record of the alerts topic asks for; return the delivery keys to start."""
        if isinstance(envelope.data, AlertRedeliveryRequested):
            return self.redeliver(envelope.data, now)
        return self.dispatch(envelope, partition, offset, now)

    def dispatch(self, envelope: Envelope, partition: int, offset: int, now: datetime) -> list[str]:
        facts = alert_facts(envelope)
        if self.recorded(facts.alert_id):
            log.info("alert_already_routed", alert_id=facts.alert_id, partition=partition, offset=offset)
            return []  # already routed (a replay, a restart, a new version of alerting)
        rules = self.rules()
        marks = {
            rule.name: mark
            for rule in rules
            if (mark := parse_time(self.last_sent.data.get(f"{rule.name}|{facts.talks_id}"))) is not None
        }
        decision = route(rules, facts, self.endpoints, marks, self.limiter)
        for rule_name, reason in decision.held:
            ALERTS_SUPPRESSED.labels(rule_name, reason).inc()
            log.info("alert_held_back", alert_id=facts.alert_id, rule=rule_name, reason=reason)
        for rule_name, _ in decision.sent:
            ALERTS.labels(facts.type, rule_name).inc()
            self.last_sent[f"{rule_name}|{facts.talks_id}"] = facts.time.isoformat()
        doc = to_dict(envelope)
        link = self.page_url(facts.talks_id)
        if link:
            # A CloudEvents extension attribute: the event and its version are unchanged.
            doc[DESK_URL_ATTRIBUTE] = link
        keys = []
        for name in decision.endpoints:
            created = Delivery.new(facts.alert_id, name, partition, doc, facts.time, now)
            self.deliveries[created.key] = created.to_table()
            keys.append(created.key)
        log.info(
            "alert_dispatched",
            alert_id=facts.alert_id,
            partition=partition,
            offset=offset,
            type=facts.type,
            rules=[r for r, _ in decision.sent],
            endpoints=list(decision.endpoints),
        )
        return keys

    def redeliver(self, request: AlertRedeliveryRequested, now: datetime) -> list[str]:
        """Only an alert this dispatcher recorded is sent again, as recorded: the alert carried in
        the request is ignored, so a record on the alerts topic cannot get content signed."""
        recorded_at = {
            e: found
            for e in self.endpoints
            if (found := Delivery.from_table(self.deliveries.data.get(delivery_key(request.alert_id, e))))
        }
        if not recorded_at:
            raise InvalidEvent(f"redelivery of {request.alert_id!r} refused: no delivery of it is recorded")
        source = next(iter(recorded_at.values()))
        alert_time = source.alert_time or request.requested_at
        keys = []
        for name in request.endpoints or tuple(recorded_at):
            if name not in self.endpoints:
                log.warning("redelivery_endpoint_unknown", alert_id=request.alert_id, endpoint=name)
                continue
            current = recorded_at.get(name) or Delivery.new(
                request.alert_id, name, source.partition, source.alert, alert_time, now
            )
            self.deliveries[current.key] = current.redelivered(now).to_table()
            REDELIVERIES.labels(name).inc()
            log.info("alert_redelivery_started", alert_id=request.alert_id, endpoint=name)
            keys.append(current.key)
        return keys

    def unfinished(self, partitions: Iterable[int], running: Callable[[str], bool]) -> list[Delivery]:
        """Deliveries of `partitions` that are not final and have no task running."""
        wanted = set(partitions)
        found = []
        for key, value in list(self.deliveries.data.items()):
            try:
                current = Delivery.from_table(value)
            except ValidationError as exc:  # written by no dispatcher: nothing to resume
                log.error("delivery_unreadable", key=str(key), error=str(exc)[:300])
                continue
            if current is None or current.final or current.partition not in wanted or running(str(key)):
                continue
            found.append(current)
        return found
