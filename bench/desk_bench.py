"""Parley Desk page times: the upcoming page and an event page over a large index.

The data is bulk-indexed straight into a fresh namespace's indices, through the indexer's own
document functions (so every document has the production shape): 100,000 articles, 2,000 talks
events between pairs of 40 countries (start days spread over the next 120 days, a third of them
rescheduled, 1-8 reporting articles each) and their alerts (an announcement each, an update for
the rescheduled ones, a corroboration for those with several sources). Then the search service
runs in this process under uvicorn on a free port, and pages are fetched over HTTP one after
another; a page's time is the client's, from request to the last byte.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from elasticsearch import helpers

from bench.kafka_bench import Workspace
from parley.services.indexer.documents import alert_document, article_document, talks_document
from parley.services.indexer.index_admin import ensure_indices
from parley.shared.elasticsearch import make_client
from parley.shared.events import (
    ArticleEnriched,
    FieldChange,
    TalksAnnounced,
    TalksCorroborated,
    TalksRecorded,
    TalksState,
    TalksUpdated,
)
from parley.shared.events.talks import StatusChange
from parley.shared.extraction import TalksRecord
from parley.shared.topics import Names

COUNTRIES = [
    "Armenia",
    "Azerbaijan",
    "Chile",
    "Peru",
    "Kenya",
    "Ethiopia",
    "Japan",
    "Norway",
    "Qatar",
    "Egypt",
    "Ghana",
    "Togo",
    "Serbia",
    "Kosovo",
    "Brazil",
    "Argentina",
    "Colombia",
    "Venezuela",
    "India",
    "Pakistan",
    "Nepal",
    "Bhutan",
    "Mali",
    "Niger",
    "Chad",
    "Sudan",
    "Jordan",
    "Oman",
    "Poland",
    "Ukraine",
    "Georgia",
    "Moldova",
    "Vietnam",
    "Laos",
    "Cambodia",
    "Thailand",
    "Mexico",
    "Cuba",
    "Morocco",
    "Tunisia",
]
CITIES = ("Geneva", "Oslo", "Doha", "Nairobi", "Vienna", "Lima", "Tokyo", "Brussels", "Cairo", "Muscat")
SOURCES = ("Example Wire", "Example Daily", "Example Post", "Example Times", "Example Herald")


@dataclass(frozen=True)
class DeskData:
    namespace: str
    talks_ids: list[str]
    articles: int
    alerts: int
    index_s: float


def _actions(index: str, docs: Iterator[tuple[str, dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    for doc_id, source in docs:
        yield {"_index": index, "_id": doc_id, "_source": source}


def build(ws: Workspace, articles: int = 100_000, talks: int = 2_000, seed: int = 7) -> DeskData:
    rng = random.Random(seed)
    ns = ws.namespace()
    names = Names(ns)
    es = make_client(ws.settings.es)
    started = time.perf_counter()
    ensure_indices(es, ns)
    now = datetime.now(UTC)
    today = now.date()

    def article_docs() -> Iterator[tuple[str, dict[str, Any]]]:
        for i in range(articles):
            a, b = rng.sample(COUNTRIES, 2)
            published = now - timedelta(minutes=rng.randrange(60 * 24 * 60))
            with_talks = i % 20 == 0
            event = ArticleEnriched(
                article_id=f"a-{i:07d}",
                url=f"https://news.example/{i}",
                title=f"{a} and {b} {'to hold talks' if with_talks else 'discuss trade'} ({i})",
                published=published,
                ingested_at=published,
                enriched_at=published,
                source=rng.choice(SOURCES),
                language="en",
                text=f"{a} and {b} officials met on {published:%A}. " * rng.randrange(5, 30),
                story_id=f"s-{i // 3:07d}",
                talks=(TalksRecord(parties=(a, b), status="announced", confidence=0.8, evidence="x"),)
                if with_talks
                else (),
            )
            yield event.article_id, article_document(event, now)

    helpers.bulk(es, _actions(names.alias("articles"), article_docs()), chunk_size=2000, request_timeout=120)
    talks_ids: list[str] = []

    def talks_and_alerts() -> Iterator[tuple[str, str, dict[str, Any]]]:
        for t in range(talks):
            a, b = rng.sample(COUNTRIES, 2)
            start = today + timedelta(days=rng.randrange(0, 120))
            moved = t % 3 == 0
            reports = [f"a-{rng.randrange(articles):07d}" for _ in range(rng.randrange(1, 9))]
            first = now - timedelta(hours=rng.randrange(1, 24 * 20))
            announced_state = TalksState(
                talks_id=f"t-{t:06d}",
                revision=1,
                parties=(a, b),
                mediators=(rng.choice(COUNTRIES),) if t % 2 else (),
                location=rng.choice(CITIES),
                start_date=start,
                end_date=start + timedelta(days=rng.randrange(0, 3)),
                status="announced",
                status_history=(StatusChange(status="announced", at=first, article_id=reports[0]),),
                confidence=0.8,
                first_seen=first,
                last_seen=first,
                sources=tuple(SOURCES[: len(reports) % 5 + 1]),
                article_ids=tuple(reports),
                story_ids=tuple(f"s-{r[2:]}" for r in reports),
                independent_sources=len(reports) % 5 + 1,
            )
            talks_ids.append(announced_state.talks_id)
            yield (
                "alerts",
                f"{announced_state.talks_id}.r1",
                alert_document(
                    TalksAnnounced(
                        alert_id=f"{announced_state.talks_id}.r1",
                        talks=announced_state,
                        article_id=reports[0],
                    ),
                    first,
                    now,
                ),
            )
            state = announced_state
            if len(reports) > 1:
                yield (
                    "alerts",
                    f"{state.talks_id}.c2",
                    alert_document(
                        TalksCorroborated(
                            alert_id=f"{state.talks_id}.c2", talks=state, sources=2, article_id=reports[1]
                        ),
                        first + timedelta(hours=1),
                        now,
                    ),
                )
            if moved:
                later = start + timedelta(days=14)
                when = first + timedelta(hours=2)
                state = state.model_copy(
                    update={
                        "revision": 2,
                        "status": "rescheduled",
                        "start_date": later,
                        "end_date": later,
                        "last_seen": when,
                        "status_history": (
                            *state.status_history,
                            StatusChange(status="rescheduled", at=when, article_id=reports[-1]),
                        ),
                    }
                )
                changes = (
                    FieldChange(field="status", old="announced", new="rescheduled"),
                    FieldChange(field="start_date", old=start.isoformat(), new=later.isoformat()),
                )
                yield (
                    "alerts",
                    f"{state.talks_id}.r2",
                    alert_document(
                        TalksUpdated(
                            alert_id=f"{state.talks_id}.r2",
                            talks=state,
                            changes=changes,
                            article_id=reports[-1],
                        ),
                        when,
                        now,
                    ),
                )
            yield "talks", state.talks_id, talks_document(TalksRecorded(talks=state), now)

    alerts = 0

    def routed() -> Iterator[dict[str, Any]]:
        nonlocal alerts
        for kind, doc_id, source in talks_and_alerts():
            alerts += kind == "alerts"
            yield {"_index": names.alias(kind), "_id": doc_id, "_source": source}

    helpers.bulk(es, routed(), chunk_size=2000, request_timeout=120)
    es.indices.refresh(index=f"{ns}-*")
    es.close()
    return DeskData(ns, talks_ids, articles, alerts, time.perf_counter() - started)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(ws: Workspace, namespace: str) -> tuple[str, Any, threading.Thread]:
    """The search service (API and Desk) in this process, on a free port, without a token."""
    import uvicorn

    from parley.services.search.app import create_app
    from parley.services.search.settings import SearchSection, SearchSettings

    settings = SearchSettings(
        namespace=namespace, es=ws.settings.es, search=SearchSection(insecure_no_auth=True)
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def page_times(base: str, paths: list[str]) -> list[float]:
    """Milliseconds per page, fetched one after another (each must answer 200)."""
    out = []
    with httpx.Client(timeout=30) as client:
        for path in paths:
            started = time.perf_counter()
            response = client.get(base + path)
            response.read()
            out.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
    return out
