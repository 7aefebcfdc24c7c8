"""The `parley` command: every service's `run`, and the operator tools around them.

This package is the hub: it may import every service, and nothing imports it. Its modules are
the tools that span services: the local stack (`stack`, `stack_commands`), `doctor`, `topics`,
`articles`, `reindex`.
"""

from __future__ import annotations

import typer

from parley.services.alerting.cli import app as alerting_app
from parley.services.cli.articles import app as articles_app
from parley.services.cli.doctor import doctor_command
from parley.services.cli.reindex import reindex_command
from parley.services.cli.stack_commands import demo_command, run_command
from parley.services.cli.topics import app as topics_app
from parley.services.dispatcher.cli import alerts_app, dispatcher_app, webhooks_app
from parley.services.enrichment.cli import app as enrichment_app
from parley.services.enrichment.extract import extract_command
from parley.services.indexer.cli import app as indexer_app
from parley.services.ingest.cli import ingest
from parley.services.ingest.feeds_cli import app as feeds_app
from parley.services.search.cli import desk_app, search, talks_app
from parley.services.webhook_sink.cli import webhook_sink

app = typer.Typer(
    help="Parley: spots newly announced diplomatic talks in the news, within seconds.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("ingest")(ingest)
app.add_typer(feeds_app, name="feeds")
app.add_typer(enrichment_app, name="enrichment")
app.command("extract")(extract_command)
app.add_typer(indexer_app, name="indexer")
app.command("search")(search)
app.add_typer(talks_app, name="talks")
app.add_typer(desk_app, name="desk")
app.add_typer(articles_app, name="articles")
app.command("reindex")(reindex_command)
app.add_typer(alerting_app, name="alerting")
app.add_typer(dispatcher_app, name="dispatcher")
app.add_typer(alerts_app, name="alerts")
app.add_typer(webhooks_app, name="webhooks")
app.add_typer(topics_app, name="topics")
app.command("webhook-sink")(webhook_sink)
app.command("run")(run_command)
app.command("demo")(demo_command)
app.command("doctor")(doctor_command)


def main() -> None:
    app()
