"""`parley topics create|list|setup`: the namespace's topics, created idempotently, and who may
use them."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="Kafka topics of a namespace.")

# A one-shot setup container starts as soon as the broker's healthcheck passes, which can be before
# the broker serves admin requests on every listener: a first refusal is no failure.
WAIT_HELP = "seconds to keep retrying while the broker is unreachable or not ready (0: one attempt)"


@app.command()
def create(wait: float = typer.Option(60.0, min=0, help=WAIT_HELP)) -> None:
    """Create every missing topic of PARLEY_NAMESPACE (safe to repeat)."""
    from parley.shared.errors import RetryableError
    from parley.shared.kafka import ensure_topics, retry_kafka
    from parley.shared.logging import configure_logging
    from parley.shared.runtime import settings_or_exit
    from parley.shared.settings import ParleySettings

    settings = settings_or_exit(ParleySettings)
    # kafka-python's known harmless tracebacks (a read racing the client's own close) are demoted
    # to one line by Parley's logging filters; without them a clean run could print a traceback.
    configure_logging("topics", "WARNING", settings.log.format)
    try:
        created = retry_kafka(
            lambda: ensure_topics(settings.kafka, settings.namespace), wait, "creating topics"
        )
    except RetryableError as exc:
        typer.echo(f"parley topics: {exc}", err=True)
        raise typer.Exit(3) from None
    typer.echo(f"created {len(created)} topic(s)" + (": " + ", ".join(created) if created else ""))


@app.command()
def setup(
    secrets_dir: Path = typer.Option(
        Path("/run/secrets"), help="folder of the principals' passwords, kafka_<service>_password"
    ),
    wait: float = typer.Option(120.0, min=0, help=WAIT_HELP),
) -> None:
    """Give each Parley principal its SCRAM credentials and ACLs, then create every missing topic.

    For a broker with SASL and an authorizer (the compose file's `kafka-setup`): run it as a super
    user. Safe to repeat; a changed password file takes effect at the next run.
    """
    from parley.services.cli.kafka_access import Applied, apply, read_passwords
    from parley.shared.errors import RetryableError
    from parley.shared.kafka import ensure_topics, kafka_errors, make_admin, retry_kafka
    from parley.shared.logging import configure_logging
    from parley.shared.runtime import settings_or_exit
    from parley.shared.settings import ParleySettings

    settings = settings_or_exit(ParleySettings)
    configure_logging("topics", "WARNING", settings.log.format)  # as in `create`
    try:
        passwords = read_passwords(secrets_dir)
    except ValueError as exc:
        typer.echo(f"parley topics setup: {exc}", err=True)
        raise typer.Exit(2) from None

    def credentials_and_acls() -> Applied:
        admin = make_admin(settings.kafka, f"{settings.namespace}-setup")
        with kafka_errors("setting credentials and ACLs"):
            try:
                return apply(admin, settings.namespace, passwords)
            finally:
                admin.close()

    try:
        applied = retry_kafka(credentials_and_acls, wait, "setting credentials and ACLs")
        created = retry_kafka(
            lambda: ensure_topics(settings.kafka, settings.namespace), wait, "creating topics"
        )
    except RetryableError as exc:
        typer.echo(f"parley topics setup: {exc}", err=True)
        raise typer.Exit(3) from None
    except RuntimeError as exc:
        typer.echo(f"parley topics setup: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"credentials of {applied.principals} principal(s), {applied.acls} ACL(s), "
        f"{applied.removed} stale ACL(s) removed; created {len(created)} topic(s)"
        + (": " + ", ".join(created) if created else "")
    )


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
