"""`parley ingest PATH|-` (files, directories, JSON, JSONL, stdin) and `parley ingest run` (the service)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from parley.shared.errors import ConfigError, RetryableError

app = typer.Typer(help="Ingest: publishes articles to Kafka.")


def make_publisher(settings: object) -> object:
    from parley.services.ingest.publisher import Publisher
    from parley.services.ingest.seen import SeenSet
    from parley.services.ingest.settings import IngestSettings
    from parley.shared.kafka import make_producer
    from parley.shared.topics import Names

    assert isinstance(settings, IngestSettings)
    seen = SeenSet(
        settings.ingest.state_dir / "ingest-seen.sqlite3", settings.namespace, settings.ingest.seen_capacity
    )

    def producer() -> object:
        return make_producer(settings.kafka, "parley-ingest")

    return Publisher(producer(), Names(settings.namespace).raw, seen, renew_producer=producer)


@app.command()
def ingest(
    target: str = typer.Argument(..., help="a file, a directory, a .jsonl file, '-' for stdin, or 'run'"),
    resume: bool = typer.Option(False, "--resume", help="continue files where an earlier run stopped"),
    progress: bool = typer.Option(
        False, "--progress", help="show a progress bar even when stderr is not a terminal"
    ),
) -> None:
    """Publish articles; `parley ingest run` starts the ingest service and its HTTP API instead.

    A file named `run` can be given as `./run`. Exit status: 0 all handled, 1 something was
    rejected (or nothing was read), 3 Kafka unavailable.
    """
    if target == "run":
        _serve()
        return
    from parley.services.ingest.bulk import Importer
    from parley.services.ingest.feed_state import StateStore
    from parley.services.ingest.publisher import Outcome, Publisher
    from parley.services.ingest.settings import IngestSettings
    from parley.shared.article_input import ArticleInput
    from parley.shared.events.articles import Channel
    from parley.shared.kafka import ensure_topics
    from parley.shared.logging import configure_logging
    from parley.shared.runtime import settings_or_exit

    settings = settings_or_exit(IngestSettings)
    configure_logging("ingest", "WARNING", settings.log.format)
    if target != "-" and not Path(target).exists():
        typer.echo(f"parley ingest: {target}: no such file or directory", err=True)
        raise typer.Exit(1)
    publishers: list[Publisher] = []

    def publish(articles: list[ArticleInput], channel: Channel) -> list[tuple[str, Outcome]]:
        if not publishers:  # connect on the first valid article: a file of rejects needs no Kafka
            ensure_topics(settings.kafka, settings.namespace)
            publishers.append(make_publisher(settings))  # type: ignore[arg-type]
        return publishers[0].publish_many(articles, channel)

    state = StateStore.in_dir(settings.ingest.state_dir, settings.namespace)
    importer = Importer(publish, state, resume=resume, show_progress=progress or sys.stderr.isatty())
    try:
        summary = importer.run(target)
    except RetryableError as exc:
        typer.echo(f"parley ingest: {exc}", err=True)
        typer.echo(importer.summary.line(), err=True)
        raise typer.Exit(3) from None
    finally:
        state.close()
        if publishers:
            publishers[0].producer.close()
    typer.echo(summary.line(), err=True)
    if summary.reasons:
        typer.echo(summary.reasons_line(), err=True)
    if summary.rejected or (summary.read == 0 and not summary.skipped_files):
        raise typer.Exit(1)


def _serve() -> None:
    import threading

    import uvicorn

    from parley.services.ingest.api import create_api
    from parley.services.ingest.feed_runner import start_polling
    from parley.services.ingest.publisher import Publisher
    from parley.services.ingest.settings import IngestSettings
    from parley.shared.kafka import BrokerProbe, wait_for_kafka
    from parley.shared.runtime import PORTS, start_service

    settings = start_service(IngestSettings, "ingest")
    try:
        settings.check_auth()
    except ConfigError as exc:
        print(
            "parley: invalid configuration:", *(f"  - {p}" for p in exc.problems), sep="\n", file=sys.stderr
        )
        raise SystemExit(2) from None
    ready: list[Publisher] = []
    stops: list[threading.Event] = []

    def connect() -> None:  # the API answers (503, not ready) while Kafka is still unreachable
        wait_for_kafka(settings.kafka, settings.namespace)
        publisher: Publisher = make_publisher(settings)  # type: ignore[assignment]
        ready.append(publisher)
        if settings.ingest.feeds_file is not None:
            stops.append(start_polling(settings, publisher, settings.ingest.feeds_file))

    threading.Thread(target=connect, name="kafka-connect", daemon=True).start()
    broker_probe = BrokerProbe(settings.kafka)
    api = create_api(settings, lambda: ready[0] if ready else None, broker_probe)
    try:
        uvicorn.run(
            api, host=settings.http.host, port=settings.http_port(PORTS["ingest"]), log_level="warning"
        )
    finally:
        for stop in stops:
            stop.set()
        broker_probe.close()
