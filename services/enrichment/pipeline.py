"""ArticleReceived -> ArticleEnriched: the one function the faust agent calls."""

from __future__ import annotations

from datetime import datetime

from parley.services.enrichment.extract import StoryIndex, extract_article
from parley.shared.events import ArticleEnriched, ArticleReceived


def enrich_article(received: ArticleReceived, stories: StoryIndex, now: datetime) -> ArticleEnriched:
    extraction = extract_article(
        title=received.title,
        text=received.text,
        published=received.published,
        html=received.content_type == "html",
    )
    story_id = stories.assign(received.article_id, f"{received.title}\n{extraction.clean_text}")
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
        story_id=story_id,
        entities=extraction.entities,
        dates=extraction.dates,
        talks=extraction.talks,
        notes=extraction.notes,
    )
