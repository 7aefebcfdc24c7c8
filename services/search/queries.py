"""Search request bodies and response shaping (pure: the API and the CLI share it).

Articles: a `multi_match` over title and text (and their `english` sub-fields where the
index has them; absent fields simply match nothing), filters on entities.countries, the
publication range and the nested talks status; pages go by `search_after` behind an opaque cursor.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from parley.shared.errors import InputError
from parley.shared.extraction import TALKS_STATUSES

MAX_LIMIT = 100
EM_TAG = re.compile(r"(</?em>)")
MAX_QUERY_CHARS = 500
TEXT_FIELDS = ("title^3", "title.english^2", "text", "text.english")
ARTICLE_SOURCE = [
    "article_id",
    "title",
    "url",
    "published",
    "source",
    "language",
    "story_id",
    "entities",
    "talks",
]
SCORED_SORT: list[Any] = ["_score", {"published": "desc"}, {"article_id": "asc"}]
RECENT_SORT: list[Any] = [{"published": "desc"}, {"article_id": "asc"}]


@dataclass(frozen=True)
class SearchParams:
    q: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None
    limit: int = 20
    cursor: list[Any] | None = None
    source: str | None = None
    language: str | None = None
    has_talks: bool | None = None


def parse_date(value: str | None, name: str) -> str | None:
    """An ISO date or date-time, normalised; a bare date covers its whole day."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text).isoformat() + "||/d"
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise InputError(f"{name}: expected YYYY-MM-DD or an ISO 8601 date-time, got {value!r}") from None


def encode_cursor(sort_values: list[Any]) -> str:
    raw = json.dumps(sort_values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if cursor is None or cursor == "":
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError):
        raise InputError("cursor: not a cursor returned by this API") from None
    if not isinstance(values, list) or not values or len(values) > 3:
        raise InputError("cursor: not a cursor returned by this API")
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        raise InputError("cursor: not a cursor returned by this API")
    return values


def search_params(
    q: str | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    status: str | None = None,
    limit: int | None = 20,
    cursor: str | None = None,
    source: str | None = None,
    language: str | None = None,
    has_talks: bool | None = None,
) -> SearchParams:
    """Validate user input (raising InputError with the reason) into SearchParams."""
    q = q.strip() if q else None
    if q and len(q) > MAX_QUERY_CHARS:
        raise InputError(f"q: at most {MAX_QUERY_CHARS} characters")
    limit = 20 if limit is None else limit
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit: must be between 1 and {MAX_LIMIT}")
    if status is not None and status not in TALKS_STATUSES:
        raise InputError(f"status: one of {', '.join(TALKS_STATUSES)}")
    return SearchParams(
        q=q or None,
        country=country.strip() if country and country.strip() else None,
        date_from=parse_date(date_from, "from"),
        date_to=parse_date(date_to, "to"),
        status=status,
        limit=limit,
        cursor=decode_cursor(cursor),
        source=_keyword(source, "source"),
        language=_keyword(language, "language"),
        has_talks=has_talks,
    )


def _keyword(value: str | None, name: str) -> str | None:
    text = value.strip() if value else ""
    if len(text) > 200:
        raise InputError(f"{name}: at most 200 characters")
    return text or None


def build_search(params: SearchParams) -> dict[str, Any]:
    """The body of a search over the articles alias."""
    filters: list[dict[str, Any]] = []
    if params.country:
        filters.append({"term": {"entities.countries": {"value": params.country, "case_insensitive": True}}})
    if params.date_from or params.date_to:
        bounds = {k: v for k, v in (("gte", params.date_from), ("lte", params.date_to)) if v}
        filters.append({"range": {"published": bounds}})
    if params.status:
        filters.append({"nested": {"path": "talks", "query": {"term": {"talks.status": params.status}}}})
    if params.source:
        filters.append({"term": {"source": {"value": params.source, "case_insensitive": True}}})
    if params.language:
        filters.append({"term": {"language": {"value": params.language, "case_insensitive": True}}})
    if params.has_talks is not None:
        bound = {"gte": 1} if params.has_talks else {"lte": 0}
        filters.append({"range": {"talks_count": bound}})
    must: list[dict[str, Any]] = []
    if params.q:
        must.append({"multi_match": {"query": params.q, "fields": list(TEXT_FIELDS), "tie_breaker": 0.3}})
    body: dict[str, Any] = {
        "query": {"bool": {"must": must or [{"match_all": {}}], "filter": filters}},
        "sort": SCORED_SORT if params.q else RECENT_SORT,
        "size": params.limit,
        "track_total_hits": True,
        "_source": ARTICLE_SOURCE,
    }
    if params.q:
        body["highlight"] = {
            # Indexed text keeps whatever markup the source had: HTML-escape every fragment, so the
            # only tags a highlight carries are the `<em>` around the matched words.
            "encoder": "html",
            "pre_tags": ["<em>"],
            "post_tags": ["</em>"],
            "fields": {
                "title": {"number_of_fragments": 0},
                "text": {"fragment_size": 160, "number_of_fragments": 3},
            },
        }
    if params.cursor is not None:
        body["search_after"] = params.cursor
    return body


def safe_fragment(fragment: str) -> str:
    """A highlight whose only tags are `<em>`/`</em>`: a `<` or `>` elsewhere (which the html
    encoder never leaves) is escaped, so a highlighter change can never let an article's markup out."""
    parts = EM_TAG.split(fragment)
    return "".join(p if EM_TAG.fullmatch(p) else p.replace("<", "&lt;").replace(">", "&gt;") for p in parts)


def search_results(response: dict[str, Any], limit: int) -> dict[str, Any]:
    """Shape an Elasticsearch search response into the API's answer."""
    hits = response.get("hits", {}).get("hits", [])
    out = []
    for hit in hits:
        doc = dict(hit.get("_source", {}))
        doc["score"] = hit.get("_score")
        doc["highlight"] = {
            field: [safe_fragment(str(f)) for f in fragments]
            for field, fragments in (hit.get("highlight") or {}).items()
        }
        out.append(doc)
    total = response.get("hits", {}).get("total", {})
    next_cursor = (
        encode_cursor(hits[-1]["sort"]) if len(hits) == limit and hits and "sort" in hits[-1] else None
    )
    return {
        "total": total.get("value", len(out)) if isinstance(total, dict) else total,
        "hits": out,
        "next_cursor": next_cursor,
    }


def talks_results(response: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(hit.get("_source", {})) for hit in response.get("hits", {}).get("hits", [])]
