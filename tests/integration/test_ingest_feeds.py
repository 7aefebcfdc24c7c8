"""Feed polling against local HTTP servers and the real Kafka."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.services.ingest.feed_config import FeedConfig
from parley.services.ingest.feed_runner import poll_once, state_store
from parley.services.ingest.feeds import FeedPoller, PollReport
from parley.services.ingest.fetch import Fetcher, FetchError
from parley.services.ingest.pages import PageFetcher
from parley.services.ingest.publisher import Publisher
from parley.services.ingest.settings import IngestSection, IngestSettings
from tests.support.ingest import (
    FeedServer,
    RawReader,
    Route,
    atom,
    publisher_for,
    rss,
    settings_for,
)

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
ARTICLE_PAGE = (
    "<html><head><title>Geneva</title></head><body><nav>Home | World | Sport</nav><article><h1>Geneva talks</h1>"
    + "".join(
        f"<p>Paragraph {i}: the envoys said the talks in Geneva would begin on 17 February.</p>"
        for i in range(8)
    )
    + "</article><footer>Copyright</footer></body></html>"
).encode()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    yield srv
    srv.close()


def items(server: FeedServer, prefix: str, count: int) -> list[dict[str, str]]:
    return [
        {"title": f"{prefix} talks {i}", "link": server.url(f"/{prefix}/{i}"), "guid": f"{prefix}-{i}"}
        for i in range(count)
    ]


def poll(settings: IngestSettings, publisher: Publisher, feeds: list[FeedConfig]) -> dict[str, PollReport]:
    return {r.feed: r for r in asyncio.run(poll_once(settings, publisher, feeds))}


def test_poll_304_new_item_and_restart(server: FeedServer, namespace: str, tmp_path: Path) -> None:
    rss_items, atom_items = items(server, "rss", 3), items(server, "atom", 2)
    server.routes["/rss"] = Route(rss(rss_items), etag='"r1"')
    server.routes["/atom"] = Route(atom(atom_items), "application/atom+xml", etag='"a1"')
    for item in rss_items + atom_items:  # full pages for the items that only have a summary
        server.routes[item["link"].split(str(server.httpd.server_address[1]), 1)[1]] = Route(
            ARTICLE_PAGE, "text/html"
        )
    feeds = [
        FeedConfig(name="desk", url=server.url("/rss"), interval_s=60, tags=("world",)),
        FeedConfig(name="atomdesk", url=server.url("/atom"), interval_s=60),
    ]
    settings = settings_for(namespace, tmp_path)
    publisher = publisher_for(settings)
    reader = RawReader(namespace)
    try:
        first = poll(settings, publisher, feeds)
        assert (len(first["desk"].published), len(first["atomdesk"].published)) == (3, 2)
        events = reader.read_all()
        assert len(events) == 5
        assert all(e.channel == "feed" and not e.summary_only and "Paragraph 7" in e.text for e in events)
        assert {e.tags for e in events if e.source == "Desk"} == {("world",)}

        second = poll(settings, publisher, feeds)
        assert {r.status for r in second.values()} == {"not_modified"}
        assert reader.total() == 5

        new = {"title": "rss talks new", "link": server.url("/rss/new"), "guid": "rss-new"}
        server.routes["/rss/new"] = Route(ARTICLE_PAGE, "text/html")
        server.routes["/rss"] = Route(rss([new, *rss_items]), etag='"r2"')
        third = poll(settings, publisher, feeds)
        assert (len(third["desk"].published), third["desk"].seen) == (1, 3)
        assert reader.total() == 6
    finally:
        publisher.producer.close()
    # A restart: new objects (producer, seen-set, state store) over the same state directory,
    # against a server that ignores validators: nothing old is published again.
    server.routes["/rss"].etag = None
    server.routes["/atom"].etag = None
    restarted = publisher_for(settings)
    try:
        after = poll(settings, restarted, feeds)
        assert {r.status for r in after.values()} == {"ok"}
        assert sum(len(r.published) for r in after.values()) == 0
        assert reader.total() == 6
        assert [e.title for e in reader.read_all()].count("rss talks new") == 1
    finally:
        restarted.producer.close()
        reader.close()


def test_bad_feeds_each_fail_with_a_reason_and_the_good_one_goes_on(
    server: FeedServer, namespace: str, tmp_path: Path
) -> None:
    server.routes["/good"] = Route((FEEDS / "rss20.xml").read_bytes())
    server.routes["/html"] = Route(
        b"<!DOCTYPE html><html><body><p>Not a feed</p></body></html>", "application/rss+xml"
    )
    server.routes["/broken"] = Route(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti')
    server.routes["/huge"] = Route(b"<rss>", stream_bytes=10 * 1024 * 1024)
    server.routes["/hang"] = Route(b'<?xml version="1.0"?><rss version="2.0"><channel>', hang=True)
    server.routes["/lol"] = Route((FEEDS / "billion-laughs.xml").read_bytes())
    feeds = [
        FeedConfig(name=n, url=server.url(f"/{n}"), interval_s=60)
        for n in ("good", "html", "broken", "huge", "hang", "lol", "missing")
    ]
    settings = settings_for(namespace, tmp_path, total_timeout_s=3.0, read_timeout_s=2.0, max_feed_bytes=1_000_000,
                            fetch_articles=False)  # fmt: skip
    publisher = publisher_for(settings)
    reader = RawReader(namespace)
    try:
        reports = poll(settings, publisher, feeds)
    finally:
        publisher.producer.close()
    kinds = {name: (r.error or "").split(":", 1)[0] for name, r in reports.items() if r.status == "error"}
    assert kinds == {
        "html": "not_a_feed", "broken": "malformed", "huge": "too_large", "hang": "timeout",
        "lol": "unsafe_xml", "missing": "http_status",
    }  # fmt: skip
    good = reports["good"]
    # desk-1 and desk-2 (invalid date: published with the time it was seen); desk-3 has no title.
    assert (good.status, len(good.published), good.rejected) == ("ok", 2, 1)
    events = reader.read_all()
    assert sorted(e.title for e in events) == ["Geneva talks set for March", "No date on this one"]
    assert all(e.summary_only for e in events)  # fetching pages is off: the summaries are published
    state = state_store(settings)
    try:
        failing = state.feed(server.url("/hang"))
        assert failing.failures == 1 and failing.next_poll_at > 0 and "timeout" in (failing.last_error or "")
    finally:
        state.close()
        reader.close()


def test_item_linking_to_loopback_is_not_fetched_by_default(
    server: FeedServer, namespace: str, tmp_path: Path
) -> None:
    """The feed is read from the test server, but the page fetcher runs with the default settings."""
    server.routes["/feed"] = Route(rss([{"title": "Loopback", "link": server.url("/private"), "guid": "p1",
                                         "summary": "The summary only."}]))  # fmt: skip
    server.routes["/private"] = Route(ARTICLE_PAGE, "text/html")
    settings = settings_for(namespace, tmp_path)
    publisher = publisher_for(settings)
    reader = RawReader(namespace)

    async def run() -> PollReport:
        feed_fetcher = Fetcher(settings.ingest)
        guarded = Fetcher(IngestSection())  # an empty private allow-list
        state = state_store(settings)
        try:
            poller = FeedPoller(
                settings.ingest, state, feed_fetcher,
                lambda a, s: publisher.publish(a, "feed", summary_only=s),
                pages=PageFetcher(guarded, 1_000_000),
            )  # fmt: skip
            return await poller.poll(FeedConfig(name="loop", url=server.url("/feed")))
        finally:
            await feed_fetcher.aclose()
            await guarded.aclose()
            state.close()

    try:
        report = asyncio.run(run())
    finally:
        publisher.producer.close()
    assert len(report.published) == 1
    assert server.hits("/private") == 0 and server.hits("/robots.txt") == 0
    [event] = reader.read_all()
    reader.close()
    assert event.summary_only and event.text == "The summary only."


def test_default_settings_refuse_loopback_feeds_and_redirects_are_bounded(
    server: FeedServer, tmp_path: Path
) -> None:
    server.routes["/feed"] = Route(rss([]))
    for hop in range(8):
        server.routes[f"/hop{hop}"] = Route(status=302, body=b"")
    server.routes["/moved"] = Route(status=301, body=b"")

    async def fetch(cfg: IngestSection, path: str) -> str:
        fetcher = Fetcher(cfg)
        try:
            result = await fetcher.get(server.url(path), "feed", max_bytes=100_000)
            return f"ok {result.url}"
        except FetchError as exc:
            return exc.kind
        finally:
            await fetcher.aclose()

    assert asyncio.run(fetch(IngestSection(), "/feed")) == "blocked_address"
    assert server.hits("/feed") == 0
    allowed = IngestSection(private_allowlist=("127.0.0.0/8",), per_host_interval_s=0, max_redirects=3)
    server.redirects = {"/moved": "/feed", **{f"/hop{i}": f"/hop{i + 1}" for i in range(7)}}
    assert asyncio.run(fetch(allowed, "/moved")) == f"ok {server.url('/feed')}"
    assert asyncio.run(fetch(allowed, "/hop0")) == "too_many_redirects"


def test_credentials_in_feed_and_item_urls_never_reach_the_logs(
    server: FeedServer, namespace: str, tmp_path: Path
) -> None:
    secrets = ("USERSECRET", "FEEDSECRET", "FEEDTOKEN", "PAGESECRET")
    base = server.url("")
    looping = base.replace("http://", "http://alice:USERSECRET@") + "/loop?api_key=FEEDSECRET"
    server.routes["/loop"] = Route(status=302)
    server.redirects["/loop?api_key=FEEDSECRET"] = "/loop?api_key=FEEDSECRET"  # fails as too_many_redirects
    untitled = f"{base}/story?sig=PAGESECRET"  # an item rejected for its missing title, keyed by this URL
    server.routes["/desk"] = Route(
        f'<rss version="2.0"><channel><title>Desk</title><item><link>{untitled}</link><guid>{untitled}</guid>'
        "<description>No title.</description></item></channel></rss>".encode()
    )
    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(
        f"feeds:\n  - name: loop\n    url: {looping}\n  - name: desk\n    url: {base}/desk?token=FEEDTOKEN\n"
    )
    env = {**os.environ, "PARLEY_NAMESPACE": namespace, "PARLEY_INGEST_STATE_DIR": str(tmp_path / "state"),
           "PARLEY_INGEST_FEEDS_FILE": str(feeds_file), "PARLEY_INGEST_PRIVATE_ALLOWLIST": '["127.0.0.0/8"]',
           "PARLEY_INGEST_PER_HOST_INTERVAL_S": "0"}  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "parley.services", "feeds", "poll-now"], env=env,
                            capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output  # the looping feed failed
    assert "feed_poll_failed" in output and "api_key=***" in output and "***@" in output
    assert "feed_item_rejected" in output and "sig=***" in output
    assert not [s for s in secrets if s in output], output
