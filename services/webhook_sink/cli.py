"""`parley webhook-sink`: the demo receiver."""

from __future__ import annotations

from pathlib import Path

import typer


def webhook_sink(
    port: int = typer.Option(8090, help="port to listen on"),
    host: str = typer.Option("127.0.0.1", help="address to bind"),
    secret: list[str] = typer.Option([], help="Standard Webhooks secret(s) (whsec_...) to verify with"),
    secret_file: list[Path] = typer.Option(
        [], help="file holding one such secret per line (e.g. a Docker secret), kept off the command line"
    ),
    quiet: bool = typer.Option(False, help="do not print each webhook"),
) -> None:
    """Run the demo webhook receiver: prints alerts, verifies signatures, lists them at /received."""
    import uvicorn

    from parley.services.webhook_sink.app import create_sink

    try:
        from_files = [
            line.strip() for f in secret_file for line in f.read_text().splitlines() if line.strip()
        ]
    except OSError as exc:
        typer.echo(f"parley webhook-sink: cannot read {exc.filename}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    uvicorn.run(create_sink((*secret, *from_files), quiet), host=host, port=port, log_level="warning")
