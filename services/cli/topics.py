"""`parley topics create|list`: the namespace's topics, created idempotently."""

from __future__ import annotations

import typer

app = typer.Typer(help="Kafka topics of a namespace.")


@app.command()
def create() -> None:
    """Create every missing topic of PARLEY_NAMESPACE (safe to repeat)."""
    from parley.shared.errors import RetryableError
    from parley.shared.kafka import ensure_topics
    from parley.shared.runtime import settings_or_exit
    from parley.shared.settings import ParleySettings

    settings = settings_or_exit(ParleySettings)
    try:
        created = ensure_topics(settings.kafka, settings.namespace)
    except RetryableError as exc:
        typer.echo(f"parley topics: {exc}", err=True)
        raise typer.Exit(3) from None
    typer.echo(f"created {len(created)} topic(s)" + (": " + ", ".join(created) if created else ""))


@app.command("list")
def list_topics() -> None:
    """Show each topic of the namespace with partitions and retention."""
    from parley.shared.runtime import settings_or_exit
    from parley.shared.settings import ParleySettings
    from parley.shared.topics import ALL_TOPICS

    settings = settings_or_exit(ParleySettings)
    for spec in ALL_TOPICS:
        policy = spec.config.get("cleanup.policy", "delete")
        typer.echo(f"{spec.name(settings.namespace):40} {spec.partitions:>3}  {policy:8} {spec.doc}")
