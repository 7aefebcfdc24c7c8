"""Parley Desk in tests and screenshots: example articles with relative dates, a running stack
with an API token, and headless Chromium (Debian's, never a downloaded one)."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from parley.services.cli.stack import SERVICES, Stack, free_port

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "desk" / "articles.jsonl"
TOKEN = "desk-test-token-" + "0123456789abcdef"
# `{+11}`: the date eleven days after publication; `{+12:day}`: only its day number.
_OFFSET = re.compile(r"\{\+(\d+)(?::(day))?\}")
# Nothing may leave loopback: no updates, sync, metrics, QUIC or field trials.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    "--no-first-run",
    "--no-pings",
    "--disable-features=OptimizationHints,MediaRouter,Translate",
]


def chromium_path() -> str:
    found = os.environ.get("PARLEY_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise RuntimeError("Debian's chromium is not installed (make setup installs it)")
    return found


def render(line: dict[str, Any], now: datetime) -> dict[str, Any]:
    """An article of examples/desk with its dates made real, relative to `now`."""
    published = now - timedelta(hours=float(line["hours_ago"]))

    def day(match: re.Match[str]) -> str:
        when = published + timedelta(days=int(match.group(1)))
        return str(when.day) if match.group(2) == "day" else f"{when:%B} {when.day}"

    return {
        "title": _OFFSET.sub(day, line["title"]),
        "text": _OFFSET.sub(day, line["text"]),
        "url": line["url"],
        "source": line["source"],
        "published": published.isoformat().replace("+00:00", "Z"),
        "language": "en",
    }


def example_articles(now: datetime | None = None, path: Path = EXAMPLES) -> list[dict[str, Any]]:
    now = now or datetime.now(UTC)
    return [render(json.loads(line), now) for line in path.read_text().splitlines() if line.strip()]


def post_article(stack: Stack, article: dict[str, Any]) -> str:
    response = httpx.post(
        f"http://127.0.0.1:{stack.ports['ingest']}/articles",
        json=article,
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["articles"][0]["id"])


def indexed_count(stack: Stack) -> int:
    response = httpx.get(
        f"http://127.0.0.1:{stack.ports['search']}/search",
        params={"limit": 1},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=10,
    )
    return int(response.json()["total"]) if response.status_code == 200 else -1


def post_in_order(stack: Stack, articles: list[dict[str, Any]], timeout_s: float = 90.0) -> list[str]:
    """Post each article once the one before is searchable, as a newsroom's feed brings them over
    time: articles land on different partitions, and posted all at once a rescheduling could be
    read before the announcement it changes."""
    ids = []
    for article in articles:
        before = max(indexed_count(stack), 0)
        ids.append(post_article(stack, article))
        deadline = time.monotonic() + timeout_s
        while indexed_count(stack) <= before:
            if time.monotonic() > deadline:
                raise AssertionError(f"article {ids[-1]} not searchable after {timeout_s:.0f} s")
            time.sleep(0.2)
    return ids


def desk_stack(namespace: str, log_dir: Path, **extra_env: str) -> Stack:
    """The six services and the demo receiver, search and ingest asking for TOKEN."""
    ports = {name: free_port() for name in (*SERVICES, "webhook-sink")}
    env = {
        "PARLEY_SEARCH_INSECURE_NO_AUTH": "false",
        "PARLEY_SEARCH_API_TOKEN": TOKEN,
        "PARLEY_INGEST_INSECURE_NO_AUTH": "false",
        "PARLEY_INGEST_API_TOKEN": TOKEN,
        "PARLEY_DESK_PUBLIC_URL": f"http://127.0.0.1:{ports['search']}",
        **extra_env,
    }
    return Stack(namespace=namespace, ports=ports, log_dir=log_dir, extra_env=env)


@contextmanager
def browser() -> Iterator[Any]:
    """Headless Chromium through Playwright, pointed at Debian's executable."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()
