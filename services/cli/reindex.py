"""`parley reindex [--kind articles|talks]`: rebuild indices from the topics, switch the aliases.

Safe while everything runs: searches and the running indexer keep using the aliases, which
move to the new index in one atomic step once it has caught up (see docs/operations.md).
"""

from __future__ import annotations

import signal
import threading
from typing import Annotated

import typer

from parley.shared.topics import IndexKind


def reindex_command(
    kind: Annotated[
        IndexKind | None,
        typer.Option("--kind", help="only this kind (default: every kind: articles, talks, alerts, feeds)"),
    ] = None,
) -> None:
    """Rebuild `<ns>-<kind>-v<N+1>` from its topic (offset zero) and switch the alias to it."""
    from parley.services.indexer.reindex import reindex_kind
    from parley.services.indexer.settings import IndexerSettings
    from parley.shared.errors import RetryableError
    from parley.shared.runtime import start_service

    settings = start_service(IndexerSettings, "reindex")
    stop_event = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop_event.set())
    from parley.services.indexer.consumer import StopRequested

    for one in [kind] if kind else list(IndexKind):
        try:
            result = reindex_kind(
                settings, str(one), stop_event, progress=lambda line: typer.echo(line, err=True)
            )
        except StopRequested:
            typer.echo(f"parley reindex: stopped while rebuilding {one}; run it again", err=True)
            raise typer.Exit(130) from None
        except RetryableError as exc:
            typer.echo(f"parley reindex: {exc}", err=True)
            raise typer.Exit(3) from None
        typer.echo(f"{result.kind}: {result.documents} document(s) in {result.index}")
