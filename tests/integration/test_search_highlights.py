"""Highlights never carry an article's markup: the API and the CLI on the real Elasticsearch.

The indexed text keeps whatever markup its source had (a feed's `&lt;img onerror&gt;` even
arrives as a real tag), and a client rendering highlights as HTML must get only escaped text
plus the `<em>` around the matches.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from parley.services.cli import app as parley
from parley.services.indexer.bulk import Source, build_pending, bulk_body
from parley.services.indexer.index_admin import ensure_indices
from parley.services.search.app import create_app
from parley.services.search.settings import SearchSection, SearchSettings
from parley.shared.events import wrap
from parley.shared.topics import Names
from tests.conftest import new_namespace
from tests.support.indexing import article, es_session

with warnings.catch_warnings():  # starlette suggests a successor of httpx; the API is the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration
TOKEN = "highlight-test-token"
HOSTILE_TEXT = (
    "Envoys will meet in Geneva <img src=x onerror=alert(1)> next week, "
    "officials said <script>alert(document.cookie)</script> on Tuesday & Iran's envoy agreed."
)
HOSTILE_TITLE = "Geneva talks <script>alert(2)</script>"
# What a fragment may contain once `<em>`/`</em>` are taken out: no `<`, `>` or bare `&`.
ESCAPED_TEXT = re.compile(r"^(?:[^<>&]|&(?:[a-z]+|#[0-9]+|#x[0-9a-fA-F]+);)*$")


@pytest.fixture(scope="module")
def ns() -> Iterator[str]:
    with es_session() as es:
        namespace = new_namespace()
        ensure_indices(es, namespace)
        event = article("x1", HOSTILE_TITLE, text=HOSTILE_TEXT)
        pending = build_pending(
            wrap(event, service="t"), Source("t", 0, 0, None, None), Names(namespace), datetime.now(UTC)
        )
        result = es.bulk(operations=bulk_body([pending]), refresh=True)
        assert not result["errors"], json.dumps(result["items"])[:500]
        stored = es.get(index=Names(namespace).alias("articles"), id="x1")["_source"]
        assert "<img src=x onerror=alert(1)>" in stored["text"]  # the markup really is indexed
        yield namespace
        es.indices.delete(index=f"{namespace}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).indices.delete_index_template(name=f"{namespace}-*")


def assert_only_escaped_text_and_em(fragment: str) -> None:
    assert "<em>" in fragment
    assert ESCAPED_TEXT.match(re.sub(r"</?em>", "", fragment)), fragment


def test_api_highlights_are_escaped_text_with_em_tags_only(ns: str) -> None:
    settings = SearchSettings(namespace=ns, search=SearchSection(api_token=SecretStr(TOKEN)))
    with TestClient(create_app(settings)) as api:
        for q in ("onerror script", "geneva alert", "img src"):
            response = api.get("/search", params={"q": q}, headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 200, response.text
            [hit] = response.json()["hits"]
            fragments = [f for field in ("title", "text") for f in hit["highlight"].get(field, [])]
            assert fragments, hit
            for fragment in fragments:
                assert_only_escaped_text_and_em(fragment)
    text = " ".join(hit["highlight"]["text"])
    assert "&lt;img src=x <em>onerror</em>=alert(1)&gt;" in text or "&lt;<em>img</em> <em>src</em>" in text


def test_cli_highlights_carry_no_markup_from_the_text(ns: str) -> None:
    env = {"PARLEY_NAMESPACE": ns}
    as_json = CliRunner().invoke(parley, ["search", "onerror", "script", "--json"], env=env)
    assert as_json.exit_code == 0, as_json.output
    for fragment in json.loads(as_json.output)["hits"][0]["highlight"]["text"]:
        assert_only_escaped_text_and_em(fragment)

    plain = CliRunner().invoke(parley, ["search", "onerror", "script"], env=env)
    assert plain.exit_code == 0, plain.output
    snippet = plain.output.splitlines()[-1]
    assert "<img" not in snippet and "<script" not in snippet, snippet
    assert "&lt;img src=x *onerror*=alert(1)&gt;" in snippet or "*onerror*" in snippet
