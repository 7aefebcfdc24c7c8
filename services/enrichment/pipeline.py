"""ArticleReceived -> ArticleEnriched, and the story id put on it: the plain functions the faust
agents call."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from parley.services.enrichment.extract import extract_article
from parley.services.enrichment.story import Signer, StoryBook, published_key
from parley.shared.errors import InvalidEvent
from parley.shared.events import ArticleEnriched, ArticleReceived


def enrich_article(received: ArticleReceived, now: datetime) -> ArticleEnriched:
    """The extraction, under a provisional story id (the article's own) until the story book
    has seen it."""
    extraction = extract_article(
        title=received.title,
        text=received.text,
        published=received.published,
        html=received.content_type == "html",
    )
    return ArticleEnriched(
        article_id=received.article_id,
        url=received.url,
        canonical_url=received.canonical_url,
        title=received.title,
        published=received.published,
        ingested_at=received.ingested_at,
        enriched_at=now,
        source=received.source,
        tags=received.tags,
        channel=received.channel,
        language=extraction.language or received.language,
        text=extraction.clean_text,
        story_id=received.article_id,
        entities=extraction.entities,
        dates=extraction.dates,
        talks=extraction.talks,
        notes=extraction.notes,
    )


def story_text(article: ArticleEnriched) -> str:
    """What two copies of one story share: the headline and the clean text."""
    return f"{article.title}\n{article.text}"


@dataclass(frozen=True)
class StoryRequest:
    """What `enrich` sends to the story partition: the encoded enriched event and its band keys
    (`deleted` for a takedown, passed on in order with the articles)."""

    article_id: str
    published: str
    bands: tuple[str, ...]
    envelope: bytes
    deleted: bool = False
    ingested_at: str = ""  # ISO 8601, for the stage latency metric

    def encode(self) -> bytes:
        header: dict[str, object] = {
            "article_id": self.article_id,
            "published": self.published,
            "bands": list(self.bands),
            "ingested_at": self.ingested_at,
        }
        if self.deleted:
            header["deleted"] = True
        return json.dumps(header, separators=(",", ":")).encode() + b"\n" + self.envelope

    @classmethod
    def decode(cls, raw: bytes) -> StoryRequest:
        head, sep, envelope = raw.partition(b"\n")
        try:
            if not sep:
                raise ValueError("no header line")
            doc = json.loads(head)
            return cls(
                article_id=str(doc["article_id"]),
                published=str(doc["published"]),
                bands=tuple(str(b) for b in doc["bands"]),
                envelope=envelope,
                deleted=bool(doc.get("deleted", False)),
                ingested_at=str(doc.get("ingested_at", "")),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidEvent(f"story request: {exc}"[:500]) from exc


def story_request(article: ArticleEnriched, envelope: bytes, signer: Signer) -> StoryRequest:
    return StoryRequest(
        article_id=article.article_id,
        published=published_key(article.published),
        bands=signer.band_keys(story_text(article)),
        envelope=envelope,
        ingested_at=article.ingested_at.isoformat(),
    )


def with_story(request: StoryRequest, book: StoryBook) -> bytes:
    """The enriched event under its story id from the book (which remembers the article)."""
    story = book.assign(request.article_id, request.published, request.bands)
    if story == request.article_id:
        return request.envelope  # the provisional id stands
    doc = json.loads(request.envelope)
    doc["data"]["story_id"] = story
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
