"""Search request building, input validation, cursors and response shaping (no servers)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr

from parley.services.search import queries
from parley.services.search.app import create_app
from parley.services.search.cli import plain_snippet
from parley.services.search.settings import SearchSection, SearchSettings
from parley.shared.errors import ConfigError, InputError


def test_full_query_with_every_filter() -> None:
    params = queries.search_params("geneva talks", "Ukraine", "2026-02-01", "2026-02-28", "announced", 10)
    body = queries.build_search(params)
    bool_query = body["query"]["bool"]
    assert bool_query["must"][0]["multi_match"]["query"] == "geneva talks"
    assert "title^3" in bool_query["must"][0]["multi_match"]["fields"]
    assert {"term": {"entities.countries": {"value": "Ukraine", "case_insensitive": True}}} in bool_query[
        "filter"
    ]
    assert {"range": {"published": {"gte": "2026-02-01||/d", "lte": "2026-02-28||/d"}}} in bool_query[
        "filter"
    ]
    nested = next(f["nested"] for f in bool_query["filter"] if "nested" in f)
    assert nested == {"path": "talks", "query": {"term": {"talks.status": "announced"}}}
    assert body["size"] == 10
    assert body["sort"][0] == "_score"
    assert set(body["highlight"]["fields"]) == {"title", "text"}
    assert "text" not in body["_source"]
    assert "search_after" not in body


def test_without_words_the_newest_come_first_and_nothing_is_highlighted() -> None:
    body = queries.build_search(queries.search_params(None))
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["sort"] == [{"published": "desc"}, {"article_id": "asc"}]
    assert "highlight" not in body


@pytest.mark.parametrize("limit", [0, -1, 101, 1000])
def test_limit_out_of_range_is_an_input_error(limit: int) -> None:
    with pytest.raises(InputError, match="limit"):
        queries.search_params("x", limit=limit)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"date_from": "yesterday"}, "from"),
        ({"date_to": "2026-13-01"}, "to"),
        ({"status": "happening"}, "status"),
        ({"cursor": "%%%"}, "cursor"),
        ({"cursor": queries.encode_cursor([])}, "cursor"),
        ({"q": "x" * 501}, "q"),
    ],
)
def test_bad_input_names_the_parameter(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError, match=field):
        queries.search_params(**kwargs)


def test_date_times_are_accepted_as_they_are() -> None:
    params = queries.search_params(date_from="2026-02-01T10:00:00Z")
    assert params.date_from == "2026-02-01T10:00:00+00:00"


def test_cursor_round_trip_and_next_cursor() -> None:
    sort = [1.5, "2026-02-01T08:00:00.000Z", "a9"]
    assert queries.decode_cursor(queries.encode_cursor(sort)) == sort
    params = queries.search_params("talks", limit=2, cursor=queries.encode_cursor(sort))
    assert queries.build_search(params)["search_after"] == sort
    response = {
        "hits": {
            "total": {"value": 7},
            "hits": [
                {
                    "_source": {"article_id": "a1"},
                    "_score": 2.0,
                    "sort": [2.0, 1, "a1"],
                    "highlight": {"text": ["x"]},
                },
                {"_source": {"article_id": "a2"}, "_score": 1.0, "sort": [1.0, 1, "a2"]},
            ],
        }
    }
    result = queries.search_results(response, limit=2)
    assert result["total"] == 7
    assert [h["article_id"] for h in result["hits"]] == ["a1", "a2"]
    assert result["hits"][0]["highlight"] == {"text": ["x"]}
    assert queries.decode_cursor(result["next_cursor"]) == [1.0, 1, "a2"]
    assert queries.search_results(response, limit=3)["next_cursor"] is None


def test_source_language_and_has_talks_filters() -> None:
    params = queries.search_params("talks", source=" Wire.example ", language="en", has_talks=True)
    filters = queries.build_search(params)["query"]["bool"]["filter"]
    assert {"term": {"source": {"value": "Wire.example", "case_insensitive": True}}} in filters
    assert {"term": {"language": {"value": "en", "case_insensitive": True}}} in filters
    assert {"range": {"talks_count": {"gte": 1}}} in filters
    without = queries.build_search(queries.search_params(has_talks=False))["query"]["bool"]["filter"]
    assert without == [{"range": {"talks_count": {"lte": 0}}}]
    with pytest.raises(InputError, match="source"):
        queries.search_params(source="x" * 201)


def test_search_refuses_to_start_without_a_token_unless_insecure() -> None:
    with pytest.raises(ConfigError, match="PARLEY_SEARCH_API_TOKEN"):
        SearchSettings().check_auth()
    SearchSettings(search=SearchSection(insecure_no_auth=True)).check_auth()
    SearchSettings(search=SearchSection(api_token=SecretStr("0123456789abcdef-strong"))).check_auth()


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("", "empty"),
        ("   \t", "empty"),  # used to pass: the check only refused an empty string
        ("change-me-search-token", "placeholder"),  # .env.example's value, also used to pass
        ("s3cret", "shorter than 16"),
        ("a-long-enough-token with-a-space", "whitespace"),
    ],
)
def test_search_refuses_weak_tokens_as_ingest_does(token: str, reason: str) -> None:
    with pytest.raises(ConfigError) as caught:
        SearchSettings(search=SearchSection(api_token=SecretStr(token))).check_auth()
    (problem,) = caught.value.problems
    assert problem.startswith("PARLEY_SEARCH_API_TOKEN: ") and reason in problem
    assert not token.strip() or token not in problem  # a secret never echoed
    with pytest.raises(ConfigError):
        create_app(SearchSettings(search=SearchSection(api_token=SecretStr(token))))


def test_search_in_insecure_mode_still_honours_a_given_token() -> None:
    assert SearchSettings(search=SearchSection(insecure_no_auth=True)).required_token() is None
    given = SearchSettings(search=SearchSection(api_token=SecretStr("short"), insecure_no_auth=True))
    assert given.required_token() == "short"


def test_highlights_are_html_encoded_and_only_em_tags_survive() -> None:
    assert queries.build_search(queries.search_params("talks"))["highlight"]["encoder"] == "html"
    raw = "<em>talks</em> <img src=x onerror=alert(1)> &lt;b&gt;"
    assert queries.safe_fragment(raw) == "<em>talks</em> &lt;img src=x onerror=alert(1)&gt; &lt;b&gt;"
    response = {"hits": {"total": {"value": 1}, "hits": [{"_source": {}, "highlight": {"text": [raw]}}]}}
    assert "<img" not in queries.search_results(response, 20)["hits"][0]["highlight"]["text"][0]


def test_plain_snippets_read_entities_back_but_keep_markup_escaped() -> None:
    fragment = "Iran&#x27;s <em>envoy</em> &lt;script&gt; \x1b[31mred &amp; co"
    assert plain_snippet(fragment) == "Iran's *envoy* &lt;script&gt; [31mred &amp; co"
