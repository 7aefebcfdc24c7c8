"""`parley search` (filters, pages, errors) and `parley talks upcoming`, against the real Elasticsearch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from typer.testing import CliRunner

from parley.services.cli import app as parley
from tests.conftest import new_namespace
from tests.support.indexing import es_session, free_port, seed

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def ns() -> Iterator[str]:
    with es_session() as es:
        namespace = new_namespace()
        seed(es, namespace)
        yield namespace
        es.indices.delete(index=f"{namespace}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).indices.delete_index_template(name=f"{namespace}-*")


def cli(ns: str, *args: str, **env: str) -> Any:
    return CliRunner().invoke(parley, list(args), env={"PARLEY_NAMESPACE": ns, **env})


def hits(ns: str, *args: str) -> list[str]:
    result = cli(ns, "search", *args, "--json")
    assert result.exit_code == 0, result.output
    return [hit["article_id"] for hit in json.loads(result.output)["hits"]]


def test_search_filters(ns: str) -> None:
    assert set(hits(ns, "geneva", "talks")) == {"a1", "a2", "a3", "a4"}
    assert hits(ns, "talks", "--country", "ukraine") == ["a4", "a1"]  # by score, then newest
    assert hits(ns, "geneva", "--status", "announced", "--to", "2026-02-01") == ["a1"]
    assert hits(ns, "talks", "--from", "2026-03-01") == ["a4"]
    assert set(hits(ns, "talks", "--from", "2026-02-01", "--to", "2026-02-01")) == {"a1", "a2"}
    assert hits(ns, "--query", "festival") == ["a3"]
    assert set(hits(ns)) == {"a1", "a2", "a3", "a4"}  # no words: the newest first
    assert hits(ns)[0] == "a4"


def test_search_pages_and_plain_text(ns: str) -> None:
    seen: list[str] = []
    cursor: list[str] = []
    while True:
        result = cli(ns, "search", "geneva", "--limit", "1", "--json", *cursor)
        assert result.exit_code == 0, result.output
        page = json.loads(result.output)
        seen += [hit["article_id"] for hit in page["hits"]]
        if not page["next_cursor"]:
            break
        cursor = ["--cursor", page["next_cursor"]]
    assert sorted(seen) == ["a1", "a3", "a4"]

    text = cli(ns, "search", "meet", "--country", "Ukraine").output
    assert text.startswith("2 matching article(s)")
    assert "2026-02-01  Ukraine and Russia to hold talks in Geneva" in text
    assert "https://news.example/a1" in text and "will *meet* in Geneva" in text


def test_search_bad_input_and_unavailable_elasticsearch(ns: str) -> None:
    for args in (["talks", "--limit", "0"], ["talks", "--from", "last week"], ["x", "--status", "ongoing"]):
        result = cli(ns, "search", *args)
        assert result.exit_code == 1, (args, result.output)
        assert "parley search:" in result.output
    assert cli(ns, "search", "talks", "--cursor", "!!").exit_code == 1
    dead = cli(ns, "search", "talks", PARLEY_ES_URL=f"http://127.0.0.1:{free_port()}")
    assert dead.exit_code == 3 and "unavailable" in dead.output


def test_talks_upcoming(ns: str) -> None:
    result = cli(ns, "talks", "upcoming", "--json")
    assert result.exit_code == 0, result.output
    # Announced or rescheduled, today or later, dated soonest first, undated last.
    assert [t["talks_id"] for t in json.loads(result.output)["talks"]] == ["k1", "k3"]
    only = json.loads(cli(ns, "talks", "upcoming", "--country", "ukraine", "--json").output)["talks"]
    assert [t["talks_id"] for t in only] == ["k1", "k3"]  # a party of k1, the mediator of k3
    kosovo = json.loads(cli(ns, "talks", "upcoming", "--country", "Kosovo", "--json").output)["talks"]
    assert [t["talks_id"] for t in kosovo] == ["k3"]
    assert (
        json.loads(cli(ns, "talks", "upcoming", "--limit", "1", "--json").output)["talks"][0]["talks_id"]
        == "k1"
    )

    text = cli(ns, "talks", "upcoming").output.splitlines()
    assert text[0] == "2 upcoming talks"
    assert text[1].startswith(f"{date.today() + timedelta(days=2)}  [announced]  Ukraine - Russia in Geneva")
    assert text[2].startswith("date unknown  [rescheduled]  Serbia - Kosovo (mediated by Ukraine)")

    assert cli(ns, "talks", "upcoming", "--limit", "0").exit_code == 1
    dead = cli(ns, "talks", "upcoming", PARLEY_ES_URL=f"http://127.0.0.1:{free_port()}")
    assert dead.exit_code == 3
    empty = cli(new_namespace(), "talks", "upcoming", "--json")  # nothing indexed yet: no talks, no error
    assert empty.exit_code == 0 and json.loads(empty.output) == {"talks": []}
