"""`parley ingest run` as a process: its HTTP API, its background feed polling, and one identity per article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from parley.services.cli.stack import free_port
from tests.conftest import wait_until
from tests.support.ingest import FeedServer, RawReader, Route, rss
from tests.support.processes import launch, stop

TOKEN = "integration-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = (
    "<html><body><article><h1>Talks</h1>"
    + "".join(
        f"<p>Line {i}: envoys from both sides will meet in Vienna on 3 March for talks.</p>" for i in range(8)
    )
    + "</article></body></html>"
).encode()


@dataclass
class Service:
    url: str
    env: dict[str, str]
    namespace: str


def _env(namespace: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PARLEY_NAMESPACE": namespace,
        "PARLEY_INGEST_STATE_DIR": str(tmp_path / "state"),
        "PARLEY_INGEST_PRIVATE_ALLOWLIST": '["127.0.0.0/8"]',
        "PARLEY_INGEST_PER_HOST_INTERVAL_S": "0",
        "PARLEY_INGEST_MAX_REQUEST_BYTES": "2000000",
        **extra,
    }


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def service(namespace: str, tmp_path: Path, feeds: FeedServer) -> Iterator[Service]:
    port = free_port()
    env = _env(namespace, tmp_path, PARLEY_HTTP_PORT=str(port), PARLEY_INGEST_API_TOKEN=TOKEN,
               PARLEY_INGEST_FEEDS_FILE=str(tmp_path / "feeds.yaml"))  # fmt: skip
    proc = launch(["ingest", "run"], env, tmp_path / "ingest.log")
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _ready(url), 90, what="ingest ready")
        yield Service(url, env, namespace)
    finally:
        stop(proc)


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def article(i: int, **extra: str) -> dict[str, str]:
    return {"title": f"Talks {i}", "published": "2026-02-13", "text": f"Envoys met ({i}).",
            "url": f"https://news.example.org/{i}", **extra}  # fmt: skip


@pytest.mark.parametrize("token", [None, "", "   ", "change-me-ingest-token"])
def test_refuses_to_start_without_a_real_token(namespace: str, tmp_path: Path, token: str | None) -> None:
    env = _env(namespace, tmp_path, PARLEY_HTTP_PORT=str(free_port()))
    env.pop("PARLEY_INGEST_API_TOKEN", None)
    env.pop("PARLEY_INGEST_INSECURE_NO_AUTH", None)
    if token is not None:  # "" used to start and then accept unauthenticated POSTs
        env["PARLEY_INGEST_API_TOKEN"] = token
    result = subprocess.run([sys.executable, "-m", "parley.services", "ingest", "run"], env=env,
                            capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 2 and "PARLEY_INGEST_API_TOKEN" in result.stderr


def test_api_auth_validation_size_and_a_batch_of_500(service: Service) -> None:
    assert httpx.post(f"{service.url}/articles", json=article(0), timeout=10).status_code == 401
    bad = httpx.post(f"{service.url}/articles", json=[article(0), {"title": "x", "published": "yesterday"}],
                     headers=AUTH, timeout=10)  # fmt: skip
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["detail"][0]["errors"]} >= {"published"}
    big = json.dumps(article(0, text="x" * 2_100_000))
    too_big = httpx.post(f"{service.url}/articles", content=big, headers={**AUTH, "Content-Type": "application/json"},
                         timeout=30)  # fmt: skip
    assert too_big.status_code == 413
    assert "/articles" in httpx.get(f"{service.url}/openapi.json", timeout=10).json()["paths"]

    batch = [article(i) for i in range(500)]
    response = httpx.post(f"{service.url}/articles", json=batch, headers=AUTH, timeout=120)
    assert response.status_code == 202, response.text
    assert [a["status"] for a in response.json()["articles"]] == ["created"] * 500
    reader = RawReader(service.namespace)
    try:
        events = reader.read_all()  # 202 came after the acknowledgements: all 500 are on the topic
        assert len(events) == 500 and len({e.article_id for e in events}) == 500
        again = httpx.post(f"{service.url}/articles", json=batch[:3], headers=AUTH, timeout=30)
        assert [a["status"] for a in again.json()["articles"]] == ["duplicate"] * 3
        assert reader.total() == 500
    finally:
        reader.close()


def test_same_article_via_feed_api_and_file_is_one_event(
    service: Service, feeds: FeedServer, tmp_path: Path
) -> None:
    feeds.routes["/story"] = Route(PAGE, "text/html")
    feeds.routes["/feed"] = Route(rss([{"title": "Vienna talks", "link": feeds.url("/story?utm_source=rss&utm_medium=feed"),
                                        "guid": "story-1"}]))  # fmt: skip
    subprocess.run([sys.executable, "-m", "parley.services", "feeds", "add", feeds.url("/feed"), "--name", "local",
                    "--interval", "2s"], env=service.env, check=True, capture_output=True, timeout=60)  # fmt: skip
    reader = RawReader(service.namespace)
    try:
        [from_feed] = wait_until(
            lambda: reader.read_all() or None, 60, what="the feed item published by the service"
        )
        assert from_feed.channel == "feed" and "Line 7" in from_feed.text

        host = feeds.url("/").removeprefix("http://").rstrip("/")
        via_api = article(1, url=f"HTTP://{host.upper()}/story?fbclid=abc#comments", title="Vienna talks")
        response = httpx.post(f"{service.url}/articles", json=via_api, headers=AUTH, timeout=30)
        assert response.json()["articles"] == [{"id": from_feed.article_id, "status": "duplicate"}]

        path = tmp_path / "story.json"
        path.write_text(json.dumps(article(2, url=f"http://{host}/story?gclid=1&utm_campaign=x")))
        result = subprocess.run([sys.executable, "-m", "parley.services", "ingest", str(path)], env=service.env,
                                capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
        assert result.returncode == 0 and result.stdout == f"duplicate {path}: {from_feed.article_id}\n", (
            result
        )
        assert reader.total() == 1
        # Later polls of the feed (every 2 s) publish nothing more.
        wait_until(lambda: feeds.hits("/feed") >= 3, 60, what="two more polls")
        assert reader.total() == 1
    finally:
        reader.close()
