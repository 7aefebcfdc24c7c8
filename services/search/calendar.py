"""The talks calendar as RFC 5545 iCalendar (pure; icalendar does the encoding).

One VEVENT per talks event: UID = talks id, SEQUENCE = its revision (rising with every change,
so calendar apps replace their copy), all-day dates (DTEND exclusive), the place, and a
description naming the parties, the mediator and the reporting articles. Cancelled and postponed
events are sent as STATUS:CANCELLED, so that subscribers see the change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from icalendar import Calendar, Event

from parley.services.search.desk.views import day_of, time_of

PRODID = "-//Parley//Parley Desk talks calendar//EN"
CANCELLED = frozenset({"cancelled", "postponed"})
MAX_LINKS = 5


def summary(talks: Mapping[str, Any]) -> str:
    parties = " – ".join(talks.get("parties") or []) or "Talks"
    status = str(talks.get("status", ""))
    prefix = "Postponed: " if status == "postponed" else "Cancelled: " if status == "cancelled" else ""
    return f"{prefix}{parties} talks"


def description(talks: Mapping[str, Any], articles: Sequence[Mapping[str, Any]]) -> str:
    lines = [f"Parties: {', '.join(talks.get('parties') or []) or 'unknown'}"]
    if talks.get("mediators"):
        lines.append(f"Mediator: {', '.join(talks['mediators'])}")
    if talks.get("format"):
        lines.append(f"Format: {talks['format']}")
    lines.append(f"Status: {talks.get('status', 'unknown')}")
    if talks.get("date_text"):
        lines.append(f"Dates as reported: {talks['date_text']}")
    # http(s) only, as on the Desk's pages: a calendar app may make any URL in the text a link.
    links = [a for a in articles if str(a.get("url") or "").lower().startswith(("http://", "https://"))][
        :MAX_LINKS
    ]
    if links:
        lines.append("Sources:")
        lines += [f"- {a.get('source') or 'source'}: {a.get('title', '')} {a['url']}".strip() for a in links]
    return "\n".join(lines)


def vevent(
    talks: Mapping[str, Any],
    articles: Sequence[Mapping[str, Any]],
    now: datetime,
    page_url: Callable[[str], str | None],
) -> Event | None:
    """The VEVENT of one talks event, or None when it has no start date to put in a calendar."""
    start = day_of(talks.get("start_date"))
    if start is None:
        return None
    end = day_of(talks.get("end_date")) or start
    changed = time_of(talks.get("last_seen")) or now
    event = Event()
    event.add("uid", str(talks["talks_id"]))
    event.add("sequence", int(talks.get("revision") or 0))
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("dtstart", start)
    event.add("dtend", max(end, start) + timedelta(days=1))  # all-day: DTEND is exclusive
    event.add("summary", summary(talks))
    if talks.get("location"):
        event.add("location", str(talks["location"]))
    event.add("description", description(talks, articles))
    event.add("status", "CANCELLED" if talks.get("status") in CANCELLED else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    url = page_url(str(talks["talks_id"]))
    if url:
        event.add("url", url)
    return event


def calendar(
    talks: Sequence[Mapping[str, Any]],
    articles: Mapping[str, Mapping[str, Any]],
    now: datetime,
    page_url: Callable[[str], str | None],
    name: str = "Parley: upcoming talks",
) -> bytes:
    """The whole feed; `articles` maps article id -> article (title, url, source)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval;value=duration", "PT1H")
    for item in talks:
        reported = [articles[a] for a in reversed(item.get("article_ids") or []) if a in articles]
        event = vevent(item, reported, now, page_url)
        if event is not None:
            cal.add_component(event)
    return bytes(cal.to_ical())
