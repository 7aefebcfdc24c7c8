"""`parley articles delete ID --reason …`: take an article down everywhere.

Publishes `parley.article.deleted.v1` to `<ns>.articles.raw` (enrichment forwards it to
`<ns>.articles.enriched`, where the indexer deletes the document and alerting recomputes the
talks it supported), then a tombstone for the id on the compacted `<ns>.articles.enriched`, so
compaction drops the enriched copy. See docs/operations.md.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

app = typer.Typer(help="Articles: take an article down from every derived copy.")
SERVICE = "cli"
SEND_TIMEOUT_S = 30.0


@app.command()
def delete(
    article_id: Annotated[str, typer.Argument(help="the article id (`a-…`)")],
    reason: Annotated[str, typer.Option("--reason", help="why it is taken down (1-500 characters)")],
) -> None:
    """Take an article down: deleted from search, forgotten by compaction, talks recomputed."""
    from pydantic import ValidationError

    from parley.shared.errors import KafkaUnavailable
    from parley.shared.events import ArticleDeleted, encode, wrap
    from parley.shared.kafka import ensure_topics, kafka_errors, make_producer
    from parley.shared.runtime import settings_or_exit
    from parley.shared.settings import ParleySettings
    from parley.shared.topics import Names

    settings = settings_or_exit(ParleySettings)
    now = datetime.now(UTC)
    try:
        event = ArticleDeleted(article_id=article_id.strip(), reason=reason.strip(), deleted_at=now)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        typer.echo(f"parley articles delete: {problems}", err=True)
        raise typer.Exit(1) from None
    if not event.article_id:
        typer.echo("parley articles delete: the article id is empty", err=True)
        raise typer.Exit(1)
    names = Names(settings.namespace)
    key = event.article_id.encode()
    envelope = wrap(event, service=SERVICE, id_parts=(now.isoformat(),))
    try:
        ensure_topics(settings.kafka, settings.namespace)
        producer = make_producer(settings.kafka, f"{names.namespace}-articles-cli")
        try:
            with kafka_errors("publishing the deletion"):
                # The event first: if the tombstone is lost, the deletion still reaches everyone.
                producer.send(names.raw, key=key, value=encode(envelope)).get(timeout=SEND_TIMEOUT_S)
                producer.send(names.enriched, key=key, value=None).get(timeout=SEND_TIMEOUT_S)
        finally:
            producer.close(timeout=10)
    except KafkaUnavailable as exc:
        typer.echo(f"parley articles delete: Kafka unavailable: {exc}", err=True)
        raise typer.Exit(3) from None
    typer.echo(f"{event.article_id}: deletion published (event {envelope.id})")
