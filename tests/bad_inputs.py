"""Article inputs that once crashed ingest (HTTP 500, bulk import dying on the line, and again on
`--resume`), as raw JSON, with a word of the reason each must now be rejected with."""

from __future__ import annotations

import json

GOOD = {
    "title": "Talks",
    "published": "2026-02-13",
    "text": "Envoys will meet.",
    "url": "https://n.example/a",
}


def _with(**fields: object) -> str:
    return json.dumps({**GOOD, **fields})


BAD_ARTICLES: dict[str, tuple[str, str]] = {
    # name: (one JSON document, one line; a word of the reason)
    "deep_nesting": (
        '{"title": "t", "published": "2026-02-13", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "nested too deeply",
    ),
    "long_integer": ('{"title": "t", "published": ' + "9" * 5000 + ', "text": "x"}', "digits"),
    "overflow_after_9999": (_with(published="9999-12-31T23:00-05:00"), "out of range"),
    "overflow_before_year_1": (_with(published="0001-01-01T00:30+01:00"), "out of range"),
    "far_future": (_with(published="9999-01-01"), "in the future"),
    "unclosed_ipv6_url": (_with(url="http://[::1"), "not a valid URL"),
    "nul_in_url": (_with(url="https://n.example/a\x00b"), "control characters"),
    "nul_in_tag": (_with(tags=["talks", "a\x00b"]), "control characters"),
    # 20 tags of 90 KB: each over Elasticsearch's 32 KB keyword limit
    "long_tags": (_with(tags=["x" * 90_000] * 20), "over the cap of 100"),
}
