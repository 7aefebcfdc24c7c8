"""`parley ingest PATH|-` (files, directories, JSON, JSONL, stdin) and `parley ingest run` (the API)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from parley.shared.errors import RetryableError

app = typer.Typer(help="Ingest: publishes articles to Kafka.")


def _publisher(settings: object) -> object:
    from parley.services.ingest.publisher import Publisher
    from parley.services.ingest.seen import SeenSet
    from parley.services.ingest.settings import IngestSettings
    from parley.shared.kafka import make_producer
    from parley.shared.topics import Names

    assert isinstance(settings, IngestSettings)
    seen = SeenSet(
        settings.ingest.state_dir / "ingest-seen.sqlite3", settings.namespace, settings.ingest.seen_capacity
    )
    producer = make_producer(settings.kafka, "parley-ingest")
    return Publisher(producer, Names(settings.namespace).raw, seen)


@app.command()
def ingest(
    target: str = typer.Argument(..., help="a file, a directory, a .jsonl file, '-' for stdin, or 'run'"),
) -> None:
    """Publish articles; `parley ingest run` starts the ingest service and its HTTP API instead.

    A file named `run` can be given as `./run`.
    """
    if target == "run":
        _serve()
        return
    from parley.services.ingest.readers import read_path, read_stdin
    from parley.services.ingest.settings import IngestSettings
    from parley.shared.kafka import ensure_topics
    from parley.shared.logging import configure_logging
    from parley.shared.runtime import settings_or_exit

    settings = settings_or_exit(IngestSettings)
    configure_logging("ingest", "WARNING", settings.log.format)
    if target != "-" and not Path(target).exists():
        typer.echo(f"parley ingest: {target}: no such file or directory", err=True)
        raise typer.Exit(1)
    items = read_stdin() if target == "-" else read_path(Path(target))
    counts = {"read": 0, "published": 0, "duplicates": 0, "rejected": 0}
    publisher = None
    try:
        for item in items:
            counts["read"] += 1
            if item.article is None:
                counts["rejected"] += 1
                typer.echo(f"rejected {item.where}: {item.error}", err=True)
                continue
            if publisher is None:
                ensure_topics(settings.kafka, settings.namespace)
                publisher = _publisher(settings)
            article_id, outcome = publisher.publish(item.article, "stdin" if target == "-" else "file")  # type: ignore[attr-defined]
            if outcome == "duplicate":
                counts["duplicates"] += 1
                typer.echo(f"duplicate {item.where}: {article_id}")
            else:
                counts["published"] += 1
                typer.echo(f"published {item.where}: {article_id}")
    except RetryableError as exc:
        typer.echo(f"parley ingest: {exc}", err=True)
        raise typer.Exit(3) from None
    finally:
        if publisher is not None:
            publisher.producer.close()  # type: ignore[attr-defined]
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    typer.echo(f"summary: {summary}", err=True)
    if counts["rejected"] or counts["read"] == 0:
        raise typer.Exit(1)


def _serve() -> None:
    import threading

    import uvicorn

    from parley.services.ingest.api import create_api
    from parley.services.ingest.publisher import Publisher
    from parley.services.ingest.settings import IngestSettings
    from parley.shared.kafka import broker_reachable, wait_for_kafka
    from parley.shared.runtime import PORTS, start_service

    settings = start_service(IngestSettings, "ingest")
    if settings.ingest.api_token is None and not settings.ingest.insecure_no_auth:
        print(
            "parley: invalid configuration:\n  - PARLEY_INGEST_API_TOKEN: required "
            "(or set PARLEY_INGEST_INSECURE_NO_AUTH=true for local development)",
            file=sys.stderr,
        )
        raise SystemExit(2)
    ready: list[Publisher] = []

    def connect() -> None:  # the API answers (503, not ready) while Kafka is still unreachable
        wait_for_kafka(settings.kafka, settings.namespace)
        ready.append(_publisher(settings))  # type: ignore[arg-type]

    threading.Thread(target=connect, name="kafka-connect", daemon=True).start()
    api = create_api(settings, lambda: ready[0] if ready else None, lambda: broker_reachable(settings.kafka))
    uvicorn.run(api, host=settings.http.host, port=settings.http_port(PORTS["ingest"]), log_level="warning")
