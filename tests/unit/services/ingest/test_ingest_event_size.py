from __future__ import annotations

from datetime import UTC, datetime

import pytest

from parley.services.ingest.publisher import RECORD_OVERHEAD_BYTES, received_event
from parley.shared.article_input import (
    MAX_ARTICLE_BYTES,
    MAX_TAG_CHARS,
    MAX_TAGS,
    MAX_TITLE_CHARS,
    validate_article,
)
from parley.shared.errors import InputError
from parley.shared.events import encode, wrap
from parley.shared.kafka import MAX_REQUEST_BYTES

# Every field at its cap, in characters that JSON or UTF-8 make as large as they can.
WORST = {
    "title": "\U0001f600" * MAX_TITLE_CHARS,
    "published": "2026-02-13",
    "text": "a" * MAX_ARTICLE_BYTES,
    "url": "https://n.example/" + "%22" * 1300,
    "source": "\\" * 200,
    "tags": ["\U0001f600" * MAX_TAG_CHARS] * MAX_TAGS,
}


def test_the_largest_valid_article_fits_one_kafka_message() -> None:
    article = validate_article(WORST)
    event = received_event(article, "api", datetime(2026, 2, 13, tzinfo=UTC))
    size = len(encode(wrap(event, service="ingest", id_parts=(article.article_id,))))
    assert size < MAX_REQUEST_BYTES - RECORD_OVERHEAD_BYTES


def test_a_body_that_escaping_doubles_is_refused_at_validation() -> None:
    with pytest.raises(InputError, match="once encoded"):
        validate_article({**WORST, "text": '"' * MAX_ARTICLE_BYTES})
