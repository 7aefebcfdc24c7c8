"""`parley dispatcher run`, `parley alerts redeliver`, `parley webhooks list|test`."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import typer

dispatcher_app = typer.Typer(help="Dispatcher: routes alerts by the rules and delivers signed webhooks.")
alerts_app = typer.Typer(help="Alerts already raised.", no_args_is_help=True)
webhooks_app = typer.Typer(help="Configured webhook endpoints.", no_args_is_help=True)


@dispatcher_app.command("run")
def dispatcher_run() -> None:
    """Run the dispatcher (faust worker) until SIGTERM; an invalid rules file exits with status 2."""
    from parley.services.dispatcher.app import SERVICE, create_app
    from parley.services.dispatcher.rules_holder import RulesHolder
    from parley.services.dispatcher.settings import DispatcherSettings
    from parley.shared.errors import ConfigError
    from parley.shared.faust_app import serve
    from parley.shared.runtime import start_service

    settings = start_service(DispatcherSettings, SERVICE)
    cfg = settings.alerting
    try:
        holder = RulesHolder(cfg.rules_file, (w.name for w in cfg.webhooks))
    except ConfigError as exc:
        print("parley: invalid rules file:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        raise SystemExit(2) from None
    # A stalled alerts partition is read again by the dispatcher itself (`progress.py`).
    serve(create_app(settings, holder), settings, SERVICE, leave_when_stalled=False)


def _settings():  # type: ignore[no-untyped-def]
    from parley.services.dispatcher.settings import DispatcherSettings
    from parley.shared.runtime import settings_or_exit

    return settings_or_exit(DispatcherSettings)


@alerts_app.command("redeliver")
def redeliver(
    alert_id: str | None = typer.Argument(None, help="alert id (e.g. t-….r2) or CloudEvents id"),
    since: datetime | None = typer.Option(
        None, help="every alert published at or after this time (UTC if no offset)"
    ),
    endpoint: str | None = typer.Option(None, help="only this endpoint (default: every endpoint it went to)"),
) -> None:
    """Send alerts again from the alerts topic, whatever their delivery state; the dispatcher records it."""
    from parley.services.dispatcher.admin import request_redelivery
    from parley.shared.errors import InputError, KafkaUnavailable

    if (alert_id is None) == (since is None):
        typer.echo("parley alerts redeliver: give either an alert id or --since", err=True)
        raise typer.Exit(1)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    try:
        ids = request_redelivery(_settings(), alert_id=alert_id, since=since, endpoint=endpoint)
    except (InputError, KafkaUnavailable) as exc:
        typer.echo(f"parley alerts redeliver: {exc}", err=True)
        raise typer.Exit(1) from None
    for one in ids:
        typer.echo(f"redelivery requested: {one}")
    typer.echo(f"{len(ids)} alert(s) handed to the dispatcher")


@webhooks_app.command("list")
def webhooks_list(as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """List the configured endpoints (name, URL without credentials, format, number of secrets)."""
    from parley.services.dispatcher.admin import webhook_rows

    rows = webhook_rows(_settings())
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        typer.echo("no webhook endpoints configured (PARLEY_ALERTING_WEBHOOKS)")
    for row in rows:
        typer.echo(f"{row['name']:<20} {row['format']:<12} secrets={row['secrets']}  {row['url']}")


@webhooks_app.command("test")
def webhooks_test(name: str = typer.Argument(..., help="endpoint name")) -> None:
    """Send a signed `parley.webhook.tested.v1` event to one endpoint and show the answer."""
    from parley.services.dispatcher.admin import send_test
    from parley.shared.errors import InputError

    try:
        webhook_id, status = send_test(_settings(), name)
    except InputError as exc:
        typer.echo(f"parley webhooks test: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"webhook {name}: HTTP {status} (webhook-id {webhook_id})")
