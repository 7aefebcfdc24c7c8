from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
from pydantic import SecretStr

from parley.services.ingest.api import create_api
from parley.services.ingest.publisher import Outcome
from parley.services.ingest.settings import IngestSection, IngestSettings
from parley.shared.article_input import ArticleInput
from parley.shared.errors import ConfigError
from tests.bad_inputs import BAD_ARTICLES

with warnings.catch_warnings():  # starlette suggests a successor of httpx; the API is the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

GOOD = {
    "title": "Talks",
    "published": "2026-02-13",
    "text": "Envoys will meet.",
    "url": "https://n.example/a",
}


class FakePublisher:
    def __init__(self) -> None:
        self.ids: set[str] = set()

    def publish_many(self, articles: list[ArticleInput], channel: str) -> list[tuple[str, Outcome]]:
        results: list[tuple[str, Outcome]] = []
        for article in articles:
            outcome: Outcome = "duplicate" if article.article_id in self.ids else "created"
            self.ids.add(article.article_id)
            results.append((article.article_id, outcome))
        return results


def client(publisher: Any = None, **cfg: Any) -> TestClient:
    section = IngestSection(api_token=SecretStr("ingest-unit-test-token"), **cfg)
    settings = IngestSettings(ingest=section)
    fake = publisher or FakePublisher()
    return TestClient(create_api(settings, lambda: fake, lambda: True))


AUTH = {"Authorization": "Bearer ingest-unit-test-token"}


def test_token_required() -> None:
    api = client()
    assert api.post("/articles", json=GOOD).status_code == 401
    assert api.post("/articles", json=GOOD, headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_field_errors_are_listed_per_article() -> None:
    response = client().post("/articles", json=[GOOD, {"title": "", "published": "2026-13-40"}], headers=AUTH)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [d["index"] for d in detail] == [1]
    fields = {e["field"] for e in detail[0]["errors"]}
    assert {"title", "published"} <= fields
    bad_json = client().post(
        "/articles", content=b"{nope", headers={**AUTH, "Content-Type": "application/json"}
    )
    assert bad_json.status_code == 422 and bad_json.json()["detail"][0]["errors"][0]["field"] == "body"


def test_body_over_the_limit_is_413() -> None:
    big = json.dumps({**GOOD, "text": "x" * 5000})
    response = client(max_request_bytes=2048).post(
        "/articles", content=big, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 413


def test_created_then_duplicate() -> None:
    api = client()
    first = api.post("/articles", json=GOOD, headers=AUTH)
    again = api.post("/articles", json={**GOOD, "url": GOOD["url"] + "?utm_source=x"}, headers=AUTH)
    assert first.status_code == again.status_code == 202
    assert first.json()["articles"][0]["status"] == "created"
    assert again.json()["articles"][0] == {"id": first.json()["articles"][0]["id"], "status": "duplicate"}


def test_openapi_describes_the_body() -> None:
    spec = client().get("/openapi.json").json()
    post = spec["paths"]["/articles"]["post"]
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    assert "title" in schema["oneOf"][0]["properties"]
    assert {"202", "401", "413", "422"} <= set(post["responses"])


def test_an_empty_token_never_builds_an_open_api() -> None:
    for token in ("", "  ", "change-me-ingest-token"):
        settings = IngestSettings(ingest=IngestSection(api_token=SecretStr(token)))
        with pytest.raises(ConfigError, match="PARLEY_INGEST_API_TOKEN"):
            create_api(settings, FakePublisher, lambda: True)


@pytest.mark.parametrize(
    "header", [None, "", "Bearer ", "Bearer  ", "Bearer ingest-unit-test-toke", "ingest-unit-test-token"]
)
def test_requests_without_the_exact_token_are_401(header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    response = client().post("/articles", json=GOOD, headers=headers)
    assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer"


def test_insecure_mode_without_a_token_is_open_only_when_asked_for() -> None:
    settings = IngestSettings(ingest=IngestSection(api_token=SecretStr(""), insecure_no_auth=True))
    api = TestClient(create_api(settings, FakePublisher, lambda: True))
    assert api.post("/articles", json=GOOD).status_code == 202


@pytest.mark.parametrize("name", sorted(BAD_ARTICLES))
def test_inputs_that_used_to_answer_500_are_422_with_the_reason(name: str) -> None:
    raw, reason = BAD_ARTICLES[name]
    api = client()  # raises on any unhandled server error instead of answering 500
    for body in (raw, f"[{json.dumps(GOOD)}, {raw}]"):
        response = api.post("/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
        assert response.status_code == 422, response.text
        assert reason in json.dumps(response.json()["detail"])


def test_tags_of_the_size_found_in_review_are_422_not_503() -> None:
    # 50 tags of 90 KB made a 4.5 MB event that Kafka refused; the API answered 503 for ever.
    response = client().post("/articles", json={**GOOD, "tags": ["x" * 90_000] * 50}, headers=AUTH)
    assert response.status_code == 422
    assert "over the cap of 100" in response.text
