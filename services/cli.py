"""The `parley` command."""

from __future__ import annotations

import typer

app = typer.Typer(help="Parley: spots newly announced diplomatic talks in the news.", no_args_is_help=True)


def main() -> None:
    app()
