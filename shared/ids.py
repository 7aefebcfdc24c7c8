"""Deterministic identifiers: the same input always gives the same id, so re-emits de-duplicate."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.blake2b(digest_size=size)
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def normalise_text(text: str) -> str:
    """Case-, space- and Unicode-form-insensitive form used for identity."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(canonical_url: str | None, title: str, body: str) -> str:
    """Hash of the canonical URL when there is one, else of the normalised title and body."""
    if canonical_url:
        return "a-" + _digest("url", canonical_url)
    return "a-" + _digest("text", normalise_text(title), normalise_text(body))


def event_id(event_type: str, subject: str, *extra: str) -> str:
    """A CloudEvents id that is the same every time the same fact is re-emitted."""
    return _digest(event_type, subject, *extra, size=12)


def talks_id(parties: tuple[str, ...], first_article_id: str, index: int) -> str:
    """Id of a talks event: fixed by its first report, so a replay rebuilds the same ids."""
    return "t-" + _digest("talks", "|".join(sorted(parties)), first_article_id, str(index), size=10)


def alert_id(talks: str, revision: int) -> str:
    return f"{talks}.r{revision}"
