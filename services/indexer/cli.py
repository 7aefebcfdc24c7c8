"""`parley indexer run`: articles.enriched and talks -> Elasticsearch, until SIGTERM."""

from __future__ import annotations

import signal
import threading

import typer

from parley.services.indexer.settings import IndexerSettings

app = typer.Typer(help="Indexer: writes enriched articles and talks states to Elasticsearch.")


def serve(settings: IndexerSettings, stop_event: threading.Event) -> None:
    """Run the indexer loop with its health server until `stop_event` is set."""
    from parley.services.indexer.consumer import SERVICE, Indexer
    from parley.shared.health import HealthServer
    from parley.shared.kafka import wait_for_kafka
    from parley.shared.lag import LagExporter
    from parley.shared.runtime import PORTS

    indexer = Indexer(settings, stop_event=stop_event)
    health = HealthServer(
        settings.http.host,
        settings.http_port(PORTS[SERVICE]),
        indexer.readiness,
        lag=LagExporter(settings, SERVICE),
    ).start()
    try:
        wait_for_kafka(settings.kafka, settings.namespace)  # /readyz says 503 meanwhile
        indexer.run()
    finally:
        health.stop()


@app.command()
def run() -> None:
    """Run the indexer until SIGTERM/SIGINT (the current batch is finished and committed first)."""
    from parley.services.indexer.consumer import SERVICE
    from parley.shared.runtime import start_service

    settings = start_service(IndexerSettings, SERVICE)
    stop_event = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop_event.set())
    serve(settings, stop_event)
