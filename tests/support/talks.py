"""Talks records and reports as alerting receives them, and talks states as the indexer stores them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from parley.services.alerting.talks_state import Report
from parley.shared.events import TalksState
from parley.shared.extraction import TalksRecord

T0 = datetime(2026, 2, 13, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)  # when talks_state() was first and last seen


def record(**fields: object) -> TalksRecord:
    base: dict[str, object] = {
        "parties": ("Russia", "Ukraine", "United States"),
        "mediators": ("United States",),
        "location": "Geneva",
        "start_date": date(2026, 2, 17),
        "end_date": date(2026, 2, 18),
        "status": "announced",
        "confidence": 0.9,
    }
    base.update(fields)
    return TalksRecord.model_validate(base)


def report(rec: TalksRecord, article: str, source: str = "Outlet A", hours: float = 0) -> Report:
    at = T0 + timedelta(hours=hours)
    return Report(rec, article, article, source, "title", None, at, at)


def talks_state(talks_id: str = "k1") -> TalksState:
    return TalksState(
        talks_id=talks_id,
        revision=2,
        parties=("Ukraine", "Russia"),
        mediators=("Switzerland",),
        location="Geneva",
        start_date=date(2026, 2, 10),
        status="announced",
        confidence=0.8,
        evidence="will meet in Geneva",
        first_seen=NOW,
        last_seen=NOW,
        article_ids=("a1",),
    )
