"""Parley Desk in a real browser (Debian's Chromium, headless) on the whole pipeline: the six
services on the local Kafka and Elasticsearch, search and ingest asking for an API token."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from elasticsearch import Elasticsearch
from icalendar import Calendar

from parley.services.cli.stack import Stack
from parley.shared.settings import ElasticsearchSettings
from tests.conftest import new_namespace, wait_until
from tests.support.desk import TOKEN, browser, desk_stack, example_articles, post_article, post_in_order

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
PLANTED = '<img src=x onerror="window.__planted=1;alert(1)"><script>window.__planted=2;alert(2)</script>'


def api(stack: Stack, path: str, **params: Any) -> httpx.Response:
    return httpx.get(
        f"http://127.0.0.1:{stack.ports['search']}{path}",
        params=params,
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=10,
    )


def upcoming(stack: Stack) -> list[dict[str, Any]]:
    return list(api(stack, "/talks/upcoming").json()["talks"])


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    ns = new_namespace()
    os.environ["PARLEY_INGEST_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
    running = desk_stack(ns, tmp_path_factory.mktemp("logs"))
    running.start()
    try:
        running.wait_ready()
        post_in_order(running, example_articles())
        wait_until(
            lambda: (
                len(upcoming(running)) >= 5
                and any(
                    t["status"] == "rescheduled" and t["independent_sources"] == 2 for t in upcoming(running)
                )
            ),
            timeout=120,
            what="the example talks, the rescheduling and the second outlet included",
        )
        yield running
    finally:
        running.stop()
        es = Elasticsearch(ElasticsearchSettings().url)
        es.indices.delete(index=f"{ns}-*", ignore_unavailable=True, allow_no_indices=True)
        es.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as launched:
        yield launched


def base(stack: Stack) -> str:
    return f"http://127.0.0.1:{stack.ports['search']}"


def signed_in(chromium: Any, stack: Stack, **context: Any) -> Any:
    page = chromium.new_context(**context).new_page()
    page.goto(f"{base(stack)}/desk/signin")
    page.fill("#token", TOKEN)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"{base(stack)}/desk/")
    return page


def test_the_rescheduled_event_is_among_the_upcoming_talks_and_its_page_shows_both_steps(
    stack: Stack, chromium: Any
) -> None:
    page = signed_in(chromium, stack)
    card = page.locator("article.card", has_text="Ethiopia, Kenya")
    assert card.count() == 1
    assert card.locator(".badge.status-rescheduled").inner_text().lower() == "rescheduled"
    assert card.locator(".badge.fresh").count() == 1  # it changed in the last 24 hours
    assert "African Union" in card.inner_text() and "2 independent stories" in card.inner_text()
    card.locator("h4 a").click()
    page.wait_for_url(re.compile(r".*/desk/talks/t-.*"))
    steps = page.locator("ol.timeline > li")
    kinds = [steps.nth(i).locator(".badge").inner_text().lower() for i in range(steps.count())]
    assert kinds[0] == "announced" and "updated" in kinds
    updated = steps.nth(kinds.index("updated"))
    assert re.search(r"Status\s+announced\s+rescheduled", updated.locator("table").inner_text())
    sources = {a.get_attribute("href") for a in page.locator("ol.timeline a").all()}
    assert "https://wire.example.org/africa/kenya-ethiopia-border-talks" in sources
    assert "https://wire.example.org/africa/kenya-ethiopia-talks-moved" in sources
    stories = page.locator("section.story")
    assert stories.count() == 3  # two outlets announced it, one reported the move
    page.context.close()


def test_filters_narrow_the_upcoming_talks(stack: Stack, chromium: Any) -> None:
    page = signed_in(chromium, stack)
    page.select_option("#f-region", "Eastern Africa")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r".*region=Eastern\+Africa.*"))
    titles = page.locator("article.card h4").all_inner_texts()
    assert titles == ["Ethiopia, Kenya"]
    page.goto(f"{base(stack)}/desk/?country=chile")
    assert page.locator("article.card h4").all_inner_texts() == ["Chile, Peru"]
    page.context.close()


def test_search_with_filters_pages_and_holds_its_place_going_back(stack: Stack, chromium: Any) -> None:
    page = signed_in(chromium, stack)
    page.goto(f"{base(stack)}/desk/search?per_page=2")
    page.fill("#s-q", "talks")
    page.fill("#s-source", "Example Wire")
    page.select_option("#s-talks", "yes")
    page.click("form.filters button[type=submit]")
    first = page.locator("li.result h2").all_inner_texts()
    assert len(first) == 2 and "3 articles" in page.locator("#result-count").inner_text()
    assert all("Example Wire" in m for m in page.locator("li.result p.muted").all_inner_texts())
    page.click("a[rel=next]")
    page.wait_for_url(re.compile(r".*page=2.*"))
    second = page.locator("li.result h2").all_inner_texts()
    assert len(second) == 1 and not set(second) & set(first)
    page.locator("p.talks-links a").first.click()
    page.wait_for_url(re.compile(r".*/desk/talks/.*"))
    page.go_back()
    page.wait_for_url(re.compile(r".*page=2.*"))
    assert page.locator("li.result h2").all_inner_texts() == second
    page.context.close()


def test_a_new_alert_appears_without_reloading(stack: Stack, chromium: Any) -> None:
    page = signed_in(chromium, stack)
    page.goto(f"{base(stack)}/desk/alerts")
    page.evaluate("window.__sameDocument = true")
    now = datetime.now(UTC)
    post_article(
        stack,
        {
            "title": "Ghana and Togo to hold maritime talks in Accra",
            "text": "Ghana and Togo will hold talks on their maritime boundary in Accra on "
            f"{(now.replace(day=1).month % 12) + 1}/20, officials said. Ghana and Togo will meet in Accra next week "
            "for the talks, the foreign ministries said.",
            "published": now.isoformat().replace("+00:00", "Z"),
            "source": "Example Daily",
            "url": "https://daily.example.net/africa/ghana-togo-accra",
        },
    )
    page.locator("#live-alerts li", has_text="Ghana").wait_for(timeout=90_000)
    assert page.evaluate("window.__sameDocument") is True
    page.context.close()


def test_sign_in_and_out_and_nothing_without_a_token(stack: Stack, chromium: Any) -> None:
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{base(stack)}/desk/search?q=talks")
    assert "/desk/signin" in page.url and page.locator("h1").inner_text() == "Sign in"
    page.fill("#token", "not-the-token-at-all-000")
    page.click("form.signin button[type=submit]")
    assert "not valid" in page.locator(".error").inner_text()
    page.fill("#token", TOKEN)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(re.compile(r".*/desk/search\?q=talks$"))
    cookie = next(c for c in context.cookies() if c["name"] == "parley_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and TOKEN not in cookie["value"]
    page.click("form.signout button")
    page.wait_for_url(re.compile(r".*/desk/signin$"))
    page.goto(f"{base(stack)}/desk/")
    assert "/desk/signin" in page.url
    context.close()
    for path in ("/talks/upcoming", "/search", "/talks/upcoming.ics"):
        assert httpx.get(f"{base(stack)}{path}", timeout=10).status_code == 401
    assert httpx.get(f"{base(stack)}/desk/alerts/recent", timeout=10).status_code == 401
    forged = httpx.post(f"{base(stack)}/desk/signin", data={"token": TOKEN, "csrf": "x"}, timeout=10)
    assert forged.status_code == 403 and "parley_session" not in forged.cookies


def test_planted_markup_never_runs_anywhere_it_is_shown(stack: Stack, chromium: Any) -> None:
    now = datetime.now(UTC)
    planted_id = post_article(
        stack,
        {
            "title": f"Chad and Niger to hold talks in N'Djamena {PLANTED}",
            "text": f"Chad and Niger will hold talks in N'Djamena next week, officials said. {PLANTED} "
            "The two governments will meet to discuss border security, the ministers said.",
            "published": now.isoformat().replace("+00:00", "Z"),
            "source": "Example Post",
            "url": "https://post.example.com/africa/chad-niger",
        },
    )
    wait_until(
        lambda: any("Chad" in t["parties"] for t in upcoming(stack)), timeout=90, what="the planted talks"
    )
    talks_id = next(t["talks_id"] for t in upcoming(stack) if "Chad" in t["parties"])
    # Without the Content-Security-Policy, so that escaping alone must hold.
    page = signed_in(chromium, stack, bypass_csp=True)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # The title with its markup shows on the event page (timeline, sources) and in search results.
    shown_on = (f"/desk/talks/{talks_id}", "/desk/search?q=onerror")
    for path in ("/desk/", *shown_on, "/desk/alerts"):
        page.goto(f"{base(stack)}{path}")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__planted") is None, path
        assert page.locator("img[src=x]").count() == 0, path
        assert page.locator("main script").count() == 0, path
        if path in shown_on:
            assert "<img src=x onerror=" in page.locator("main").inner_text(), path  # as text
    assert not dialogs
    hit = api(stack, "/search", q="onerror").json()["hits"]
    assert [h["article_id"] for h in hit] == [planted_id]
    page.context.close()


def test_pages_send_a_strict_content_security_policy(stack: Stack) -> None:
    response = api(stack, "/desk/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/desk/signin", "/desk/", "TALKS", "/desk/search?q=talks", "/desk/alerts"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(
    stack: Stack, chromium: Any, path: str, scheme: str
) -> None:
    if path == "TALKS":
        path = f"/desk/talks/{next(t['talks_id'] for t in upcoming(stack) if t['status'] == 'rescheduled')}"
    if path == "/desk/signin":
        page = chromium.new_context(bypass_csp=True, color_scheme=scheme).new_page()
    else:
        page = signed_in(chromium, stack, bypass_csp=True, color_scheme=scheme)
    page.goto(f"{base(stack)}{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, bad
    page.context.close()


def parley(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parley.services", *args],
        env=stack.env("search"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_calendar_feed_round_trips_and_a_subscription_works_until_revoked(stack: Stack) -> None:
    feed = api(stack, "/talks/upcoming.ics")
    assert feed.headers["content-type"].startswith("text/calendar")
    events = {str(e["uid"]): e for e in Calendar.from_ical(feed.content).walk("VEVENT")}
    moved = next(t for t in upcoming(stack) if t["status"] == "rescheduled")
    event = events[moved["talks_id"]]
    assert int(event["sequence"]) == moved["revision"] >= 2  # announced at revision 1
    assert event.decoded("dtstart").isoformat() == moved["start_date"]
    assert str(event["url"]).endswith(f"/desk/talks/{moved['talks_id']}")
    assert "wire.example.org/africa/kenya-ethiopia-talks-moved" in str(event["description"])

    created = parley(stack, "desk", "feeds", "create", "--country", "Kenya", "--name", "east africa desk")
    assert created.returncode == 0, created.stderr
    url = created.stdout.strip().splitlines()[-1]
    key = url.split("key=", 1)[1]
    feed_id, secret = key.split(".", 1)
    subscribed = wait_until(
        lambda: (r := httpx.get(url, timeout=10)).status_code == 200 and r,
        timeout=60,
        what="the feed indexed",
    )
    only = [str(e["uid"]) for e in Calendar.from_ical(subscribed.content).walk("VEVENT")]
    assert only == [moved["talks_id"]]  # the feed's country, Kenya
    listed = parley(stack, "desk", "feeds", "list", "--json")
    assert feed_id in listed.stdout and secret not in listed.stdout
    # a secret with its last character changed (to one it does not already have) is refused
    tampered = secret[:-1] + ("y" if secret.endswith("x") else "x")
    assert httpx.get(url.replace(secret, tampered), timeout=10).status_code == 401

    unknown = parley(stack, "desk", "feeds", "revoke", "f0000000000000000")
    assert unknown.returncode == 1 and "no calendar subscription" in unknown.stderr
    revoked = parley(stack, "desk", "feeds", "revoke", feed_id)
    assert revoked.returncode == 0, revoked.stderr
    wait_until(
        lambda: httpx.get(url, timeout=10).status_code == 401,
        timeout=60,
        what="the revoked feed to answer 401",
    )
    logs = "".join(p.read_text(errors="replace") for p in stack.log_dir.glob("*.log"))
    assert secret not in logs and TOKEN not in logs
