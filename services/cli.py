"""The `parley` command: every service's `run`, and the tools around them."""

from __future__ import annotations

import typer
from parley.services.alerting.cli import app as alerting_app
from parley.services.alerting.cli import webhook_sink
from parley.services.enrichment.cli import app as enrichment_app
from parley.services.enrichment.extract import extract_command
from parley.services.indexer.cli import app as indexer_app
from parley.services.ingest.cli import ingest
from parley.services.search.cli import search
from parley.services.stack import demo_command, run_command
from parley.services.topics_cli import app as topics_app

app = typer.Typer(
    help="Parley: spots newly announced diplomatic talks in the news, within seconds.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("ingest")(ingest)
app.add_typer(enrichment_app, name="enrichment")
app.command("extract")(extract_command)
app.add_typer(indexer_app, name="indexer")
app.command("search")(search)
app.add_typer(alerting_app, name="alerting")
app.add_typer(topics_app, name="topics")
app.command("webhook-sink")(webhook_sink)
app.command("run")(run_command)
app.command("demo")(demo_command)


def main() -> None:
    app()
