"""`parley feeds add|list|remove|poll-now`: manage the feeds file and poll on demand."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import typer

app = typer.Typer(
    help="Feeds that ingest polls (the YAML file of PARLEY_INGEST_FEEDS_FILE).", no_args_is_help=True
)
FILE_OPTION = typer.Option(None, "--file", "-f", help="feeds file (default: PARLEY_INGEST_FEEDS_FILE)")


def _settings():  # type: ignore[no-untyped-def]
    from parley.services.ingest.settings import IngestSettings
    from parley.shared.runtime import settings_or_exit

    return settings_or_exit(IngestSettings)


def _path(given: Path | None) -> Path:
    path = given or _settings().ingest.feeds_file
    if path is None:
        typer.echo("parley feeds: set PARLEY_INGEST_FEEDS_FILE or pass --file", err=True)
        raise typer.Exit(2)
    return Path(path)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"parley feeds: {message}", err=True)
    return typer.Exit(1)


@app.command("add")
def add(
    url: str = typer.Argument(..., help="the feed's http(s) URL"),
    name: str = typer.Option(..., "--name", help="short name: lowercase letters, digits, '-', '_'"),
    interval: str = typer.Option("15m", "--interval", help="poll interval: seconds or 30s / 15m / 1h"),
    tag: list[str] = typer.Option([], "--tag", help="tag for every article of the feed (repeatable)"),
    file: Path | None = FILE_OPTION,
) -> None:
    """Add a feed to the feeds file (a running ingest picks it up)."""
    from pydantic import ValidationError

    from parley.services.ingest.feed_config import FeedConfig, add_feed
    from parley.shared.errors import InputError

    path = _path(file)
    try:
        feed = FeedConfig.model_validate({"name": name, "url": url, "interval": interval, "tags": tag})
        add_feed(path, feed)
    except ValidationError as exc:
        raise _fail("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from None
    except InputError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"added {feed.name}: {feed.url}")


@app.command("list")
def list_feeds(file: Path | None = FILE_OPTION) -> None:
    """List the feeds with their last poll, errors and next poll."""
    from parley.services.ingest.feed_config import format_interval, load_feeds
    from parley.services.ingest.feed_runner import state_store
    from parley.shared.errors import InputError

    path = _path(file)
    try:
        feeds = load_feeds(path)
    except InputError as exc:
        raise _fail(str(exc)) from None
    state = state_store(_settings())
    try:
        for feed in feeds:
            record = state.feed(feed.url)
            last = _when(record.last_polled_at)
            status = f"failing x{record.failures}: {record.last_error}" if record.failures else "ok"
            tags = f" tags={','.join(feed.tags)}" if feed.tags else ""
            typer.echo(
                f"{feed.name}\t{feed.url}\tevery {format_interval(feed.interval_s)}{tags}\tlast {last}\t{status}"
            )
    finally:
        state.close()


def _when(timestamp: float | None) -> str:
    if timestamp is None:
        return "never"
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@app.command("remove")
def remove(
    name: str = typer.Argument(..., help="the feed's name or URL"), file: Path | None = FILE_OPTION
) -> None:
    """Remove a feed (and forget its poll state)."""
    from parley.services.ingest.feed_config import remove_feed
    from parley.services.ingest.feed_runner import state_store
    from parley.shared.errors import InputError

    try:
        feed = remove_feed(_path(file), name)
    except InputError as exc:
        raise _fail(str(exc)) from None
    state = state_store(_settings())
    state.forget_feed(feed.url)
    state.close()
    typer.echo(f"removed {feed.name}: {feed.url}")


@app.command("poll-now")
def poll_now(
    names: list[str] = typer.Argument(None, help="feed names (default: all)"), file: Path | None = FILE_OPTION
) -> None:
    """Poll feeds now, whatever their schedule; exit 1 if any failed, 3 if Kafka is unavailable."""
    from parley.services.ingest.cli import make_publisher
    from parley.services.ingest.feed_config import load_feeds
    from parley.services.ingest.feed_runner import poll_once
    from parley.shared.errors import InputError, RetryableError
    from parley.shared.kafka import ensure_topics
    from parley.shared.logging import configure_logging

    settings = _settings()
    configure_logging("ingest", "WARNING", settings.log.format)
    try:
        feeds = load_feeds(_path(file))
    except InputError as exc:
        raise _fail(str(exc)) from None
    chosen = [f for f in feeds if not names or f.name in names]
    unknown = set(names or ()) - {f.name for f in feeds}
    if unknown or not chosen:
        raise _fail(f"no such feed: {', '.join(sorted(unknown))}" if unknown else "no feeds to poll")
    try:
        ensure_topics(settings.kafka, settings.namespace)
        publisher = make_publisher(settings)
    except RetryableError as exc:
        typer.echo(f"parley feeds: {exc}", err=True)
        raise typer.Exit(3) from None
    try:
        reports = asyncio.run(poll_once(settings, publisher, chosen))  # type: ignore[arg-type]
    finally:
        publisher.producer.close()  # type: ignore[attr-defined]
    for report in reports:
        detail = report.error or (
            f"published {len(report.published)}, duplicates {report.duplicates}, "
            f"rejected {report.rejected}, seen before {report.seen}"
        )
        typer.echo(f"{report.feed}: {report.status}: {detail}")
    if any(r.status == "error" for r in reports):
        raise typer.Exit(1)
