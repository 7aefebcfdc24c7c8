"""`parley alerting run`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Alerting: decides what is a new or changed talks event and delivers webhooks.")


@app.command()
def run() -> None:
    """Run the alerting service (faust worker) until SIGTERM."""
    from parley.services.alerting.app import SERVICE, create_app
    from parley.services.alerting.settings import AlertingSettings
    from parley.shared.faust_app import serve
    from parley.shared.runtime import start_service

    settings = start_service(AlertingSettings, SERVICE)
    serve(create_app(settings), settings, SERVICE)


def webhook_sink(
    port: int = typer.Option(8090, help="port to listen on"),
    host: str = typer.Option("127.0.0.1", help="address to bind"),
    secret: list[str] = typer.Option([], help="Standard Webhooks secret(s) (whsec_...) to verify with"),
    quiet: bool = typer.Option(False, help="do not print each webhook"),
) -> None:
    """Run the demo webhook receiver: prints alerts, verifies signatures, lists them at /received."""
    import uvicorn

    from parley.services.alerting.sink import create_sink

    uvicorn.run(create_sink(tuple(secret), quiet), host=host, port=port, log_level="warning")
