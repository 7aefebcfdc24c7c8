import typer

from parley.services.webhook_sink.cli import webhook_sink

typer.run(webhook_sink)
