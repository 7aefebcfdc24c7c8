"""The Desk's access rules and the calendar feed's ways in, on the real Elasticsearch (empty
indices of a namespace of their own); the pages themselves are driven in tests/browser."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from pydantic import SecretStr

from parley.services.indexer.index_admin import ensure_indices
from parley.services.search.app import create_app
from parley.services.search.desk import access as acc
from parley.services.search.settings import DeskSection, SearchSection, SearchSettings

with warnings.catch_warnings():  # starlette suggests a successor of httpx; the API is the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "desk-routes-token-0123456789"


@pytest.fixture
def client(ns: str, es: Elasticsearch) -> Iterator[TestClient]:
    ensure_indices(es, ns)
    settings = SearchSettings(
        namespace=ns,
        search=SearchSection(api_token=SecretStr(TOKEN)),
        desk=DeskSection(public_url="https://desk.example.org"),
    )
    with TestClient(create_app(settings), base_url="http://testserver") as test_client:
        yield test_client


def csrf_of(client: TestClient) -> str:
    page = client.get("/desk/signin")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found and client.cookies.get(acc.CSRF_COOKIE) == found.group(1)
    return found.group(1)


def sign_in(client: TestClient, **extra: Any) -> Any:
    data = {"token": TOKEN, "csrf": csrf_of(client), "next": "/desk/search?q=x", **extra}
    return client.post("/desk/signin", data=data, follow_redirects=False)


def test_pages_send_the_sign_in_page_and_json_answers_401_without_a_session(client: TestClient) -> None:
    page = client.get("/desk/talks/t-1?x=1", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/desk/signin?next=%2Fdesk%2Ftalks%2Ft-1%3Fx%3D1"
    assert client.get("/desk/alerts/recent").status_code == 401
    assert client.get("/desk/static/desk.css").status_code == 200  # assets are not secret


def test_sign_in_needs_the_token_the_form_token_and_this_origin(client: TestClient) -> None:
    assert sign_in(client, token="wrong-token-wrong-token").status_code == 401
    assert sign_in(client, csrf="forged").status_code == 403
    assert sign_in(client, csrf="é" * 12).status_code == 403  # not a 500
    foreign = {"token": TOKEN, "csrf": csrf_of(client)}
    assert (
        client.post("/desk/signin", data=foreign, headers={"Origin": "https://evil.example"}).status_code
        == 403
    )
    behind_proxy = client.post(
        "/desk/signin", data=foreign, headers={"Origin": "https://desk.example.org"}, follow_redirects=False
    )
    assert behind_proxy.status_code == 303  # the public URL's host counts as this service's


def test_a_session_opens_the_pages_and_signing_out_closes_them(client: TestClient) -> None:
    signed = sign_in(client)
    assert signed.status_code == 303 and signed.headers["location"] == "/desk/search?q=x"
    set_cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=lax" in set_cookie and TOKEN not in set_cookie
    assert client.get("/desk/").status_code == 200
    assert "No upcoming talks match" in client.get("/desk/").text
    assert client.get("/desk/talks/t-unknown").status_code == 404
    bad_range = client.get("/desk/?from=2026-03-01&to=2026-02-01")
    assert bad_range.status_code == 400 and "from: after to" in bad_range.text
    assert client.get("/desk/alerts/recent?after=yesterday").status_code == 400
    assert client.get("/desk/search?per_page=500").status_code == 400
    refused = client.post("/desk/signout", data={"csrf": "forged"}, follow_redirects=False)
    assert refused.status_code == 403
    out = client.post(
        "/desk/signout", data={"csrf": client.cookies.get(acc.CSRF_COOKIE)}, follow_redirects=False
    )
    assert out.status_code == 303
    assert client.get("/desk/", follow_redirects=False).status_code == 303


def test_the_calendar_takes_the_token_a_session_or_a_feed_key_and_nothing_else(client: TestClient) -> None:
    assert client.get("/talks/upcoming.ics").status_code == 401
    assert client.get("/talks/upcoming.ics?key=f123.not-a-secret").status_code == 401
    assert client.get("/talks/upcoming.ics?key=junk").status_code == 401
    by_token = client.get("/talks/upcoming.ics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert by_token.status_code == 200 and by_token.headers["content-type"].startswith("text/calendar")
    assert by_token.text.startswith("BEGIN:VCALENDAR")
    sign_in(client)
    assert client.get("/talks/upcoming.ics").status_code == 200
    # The feed route is not read as a talks id.
    assert client.get("/talks/upcoming.ics").headers["content-type"].startswith("text/calendar")


def test_pages_forbid_inline_script_and_framing(client: TestClient) -> None:
    page = client.get("/desk/signin")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe" not in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY"
