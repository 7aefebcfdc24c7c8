"""`parley enrichment run`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Enrichment: cleans articles and extracts entities, dates and talks.")


@app.command()
def run() -> None:
    """Run the enrichment service (faust worker) until SIGTERM."""
    from parley.services.enrichment.app import SERVICE, create_app
    from parley.services.enrichment.extract import warm_up
    from parley.services.enrichment.settings import EnrichmentSettings
    from parley.shared.faust_app import serve
    from parley.shared.runtime import start_service

    settings = start_service(EnrichmentSettings, SERVICE)
    serve(create_app(settings), settings, SERVICE, prepare=warm_up)
