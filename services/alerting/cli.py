"""`parley alerting run`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Alerting: decides what is a new, changed or corroborated talks event.")


@app.command()
def run() -> None:
    """Run the alerting service (faust worker) until SIGTERM."""
    from parley.services.alerting.app import SERVICE, create_app
    from parley.services.alerting.settings import AlertingSettings
    from parley.shared.faust_app import serve
    from parley.shared.runtime import start_service

    settings = start_service(AlertingSettings, SERVICE)
    serve(create_app(settings), settings, SERVICE)
