"""What the Desk's pages show, shaped from search results (pure: no I/O, unit-tested)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from parley.services.search import regions

FIELD_LABELS = {
    "status": "Status",
    "parties": "Parties",
    "mediators": "Mediator",
    "location": "Place",
    "start_date": "Start",
    "end_date": "End",
    "date_text": "Dates as reported",
    "format": "Format",
    "round": "Round",
    "delegation_heads": "Delegation heads",
}


@dataclass(frozen=True)
class Day:
    label: str
    day: date | None
    talks: list[dict[str, Any]] = field(default_factory=list)


def day_label(day: date, today: date) -> str:
    if day == today:
        return f"Today, {day:%A %-d %B %Y}"
    if day == today + timedelta(days=1):
        return f"Tomorrow, {day:%A %-d %B %Y}"
    return f"{day:%A %-d %B %Y}"


def by_day(talks: Iterable[Mapping[str, Any]], today: date) -> list[Day]:
    """Talks grouped by start day, nearest first; those without a known day last."""
    days: dict[date | None, Day] = {}
    for item in talks:
        start = day_of(item.get("start_date"))
        group = days.get(start)
        if group is None:
            label = day_label(start, today) if start else "Day not yet known"
            group = days[start] = Day(label, start)
        group.talks.append(card(item))
    return sorted(days.values(), key=lambda d: (d.day is None, d.day or date.max))


def card(talks: Mapping[str, Any]) -> dict[str, Any]:
    """A talks event as a card shows it."""
    out = dict(talks)
    out["when"] = when(talks)
    out["regions"] = sorted({r for n in talks.get("parties") or [] if (r := regions.region_of(n))})
    out["confidence_pct"] = round(float(talks.get("confidence") or 0) * 100)
    return out


def when(talks: Mapping[str, Any]) -> str:
    """The dates, or the date text as reported when no day is known."""
    start, end = day_of(talks.get("start_date")), day_of(talks.get("end_date"))
    if start and end and end != start:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end:%-d %B %Y}"
        return f"{start:%-d %B %Y} – {end:%-d %B %Y}"
    if start:
        return f"{start:%-d %B %Y}"
    return str(talks.get("date_text") or "date not yet known")


def show(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class Step:
    """One line of an event's timeline."""

    time: str
    kind: str  # announced | updated | corroborated
    changes: list[tuple[str, str, str]]  # (field label, old, new)
    article_id: str
    article_title: str
    article_url: str | None
    sources: int | None = None


def timeline(alerts: Sequence[Mapping[str, Any]]) -> list[Step]:
    """Each alert sent about the event, oldest first, as what changed and which article caused it."""
    steps = []
    for alert in alerts:
        kind = str(alert.get("type", ""))
        changes: list[tuple[str, str, str]] = []
        if kind == "announced":
            changes = [("Status", "—", show(alert.get("status")))]
        for change in alert.get("changes") or []:
            name = str(change.get("field", ""))
            changes.append((FIELD_LABELS.get(name, name), show(change.get("old")), show(change.get("new"))))
        steps.append(
            Step(
                time=str(alert.get("time", "")),
                kind=kind,
                changes=changes,
                article_id=str(alert.get("article_id", "")),
                article_title=str(alert.get("article_title") or alert.get("article_id", "")),
                article_url=alert.get("article_url"),
                sources=alert.get("sources") if kind == "corroborated" else None,
            )
        )
    return steps


@dataclass(frozen=True)
class Story:
    story_id: str
    articles: list[dict[str, Any]]


def by_story(articles: Iterable[Mapping[str, Any]]) -> list[Story]:
    """Reporting articles grouped by story (copies of one report together), earliest story first."""
    stories: dict[str, list[dict[str, Any]]] = {}
    for article in articles:
        stories.setdefault(str(article.get("story_id") or article.get("article_id")), []).append(
            dict(article)
        )
    for group in stories.values():
        group.sort(key=lambda a: str(a.get("published", "")))
    ordered = sorted(stories.items(), key=lambda kv: str(kv[1][0].get("published", "")))
    return [Story(story_id, group) for story_id, group in ordered]


def day_of(value: Any) -> date | None:
    """The day of an ISO date or date-time as stored in a document, or None."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def time_of(value: Any) -> datetime | None:
    """An ISO date-time as stored in a document (`Z` or an offset; none read as UTC), or None."""
    try:
        then = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return then if then.tzinfo else then.replace(tzinfo=UTC)


def ago(value: Any, now: datetime) -> str:
    """`3 h ago`-style age of an ISO time, for 'last changed'."""
    then = time_of(value)
    if then is None:
        return ""
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"


def at(value: Any) -> str:
    """An ISO time as `3 Dec 2026, 09:40 UTC`."""
    then = time_of(value)
    if then is None:
        return str(value or "")
    then = then.astimezone(UTC)
    return f"{then.day} {then:%b %Y, %H:%M} UTC"


def with_changes(
    talks: list[dict[str, Any]], changed: Mapping[str, str], now: datetime
) -> list[dict[str, Any]]:
    """Each talks event with `changed` (its latest announced or updated alert's time, else when it
    was last reported) and `fresh` (that was in the last 24 hours: what changed since yesterday)."""
    out = []
    for t in talks:
        when = changed.get(str(t.get("talks_id")), t.get("last_seen"))
        out.append({**t, "changed": when, "fresh": _within(when, now, timedelta(hours=24))})
    return out


def _within(value: Any, now: datetime, span: timedelta) -> bool:
    then = time_of(value)
    return then is not None and timedelta(0) <= now - then <= span


def link(url: Any) -> str | None:
    """A URL fit for an href: http(s) only. Ingest accepts no other scheme; this keeps a page safe
    should a document ever hold one (a `javascript:` link would run when clicked)."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None
