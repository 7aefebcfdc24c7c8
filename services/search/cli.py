"""`parley search run` starts the API; `parley search <words...>` queries Elasticsearch directly.

    parley search run                                   # serve on PARLEY_HTTP_PORT (default 8086)
    parley search "geneva talks" --country Ukraine --from 2026-02-01 [--json]
    parley talks upcoming [--country Ukraine] [--limit 20] [--json]

A first argument `run` (alone) starts the service; anything else is a query, so to search
for the word "run" itself, quote it with something else or pass `--query run`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Annotated, Any

import typer

app = typer.Typer(help="Search: full-text search over articles and talks (API and command line).")


@contextmanager
def exits(command: str) -> Iterator[None]:
    """A command's errors as its exit: bad input 1, Kafka or Elasticsearch unavailable 3."""
    from parley.shared.errors import ElasticsearchUnavailable, InputError, KafkaUnavailable

    try:
        yield
    except InputError as exc:
        typer.echo(f"{command}: {exc}", err=True)
        raise typer.Exit(1) from None
    except (ElasticsearchUnavailable, KafkaUnavailable) as exc:
        server = "Kafka" if isinstance(exc, KafkaUnavailable) else "Elasticsearch"
        typer.echo(f"{command}: {server} unavailable: {exc}", err=True)
        raise typer.Exit(3) from None


talks_app = typer.Typer(help="Talks: what Parley knows about talks events.")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@app.command()
def search(
    words: Annotated[list[str] | None, typer.Argument(help="`run` to start the API, else the query")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="the query (instead of words)")] = None,
    country: Annotated[str | None, typer.Option(help="only articles mentioning this country")] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="published on or after (YYYY-MM-DD)")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="published on or before (YYYY-MM-DD)")] = None,
    status: Annotated[str | None, typer.Option(help="only articles reporting talks with this status")] = None,
    limit: Annotated[int, typer.Option(help="number of hits (1-100)")] = 10,
    cursor: Annotated[str | None, typer.Option(help="next_cursor of a previous answer")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the answer as JSON")] = False,
) -> None:
    """Start the search API (`run`) or search articles from the command line."""
    words = words or []
    if words == ["run"] and query is None:
        serve()
        return
    from parley.services.search import backend, queries
    from parley.services.search.settings import SearchSettings
    from parley.shared.elasticsearch import make_client
    from parley.shared.runtime import settings_or_exit
    from parley.shared.topics import Names

    settings = settings_or_exit(SearchSettings)
    text = query if query is not None else " ".join(words)
    es = make_client(settings.es)
    with closing(es), exits("parley search"):
        params = queries.search_params(text, country, date_from, date_to, status, limit, cursor)
        result = backend.search_articles(es, Names(settings.namespace), params)
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else render(result))


@talks_app.command()
def upcoming(
    country: Annotated[
        str | None, typer.Option(help="only talks with this country as party or mediator")
    ] = None,
    region: Annotated[
        str | None, typer.Option(help="only talks with a party or mediator in this UN M49 region")
    ] = None,
    limit: Annotated[int, typer.Option(help="number of talks (1-100)")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="print the answer as JSON")] = False,
) -> None:
    """Talks announced or rescheduled, starting today or later (or not yet dated), soonest first."""
    from datetime import UTC, datetime

    from parley.services.search import backend, talks_queries
    from parley.services.search.settings import SearchSettings
    from parley.shared.elasticsearch import make_client
    from parley.shared.runtime import settings_or_exit
    from parley.shared.topics import Names

    settings = settings_or_exit(SearchSettings)
    es = make_client(settings.es)
    with closing(es), exits("parley talks upcoming"):
        today = datetime.now(UTC).date()
        params = talks_queries.upcoming_params(country, limit=limit)
        talks = backend.upcoming_talks(es, Names(settings.namespace), params, today, region)
    typer.echo(json.dumps({"talks": talks}, ensure_ascii=False, indent=2) if as_json else render_talks(talks))


def render_talks(talks: list[dict[str, Any]]) -> str:
    """Plain-text talks: start date (or ?), status, parties, place and mediators."""
    lines = [f"{len(talks)} upcoming talks"]
    for item in talks:
        when = item.get("start_date") or item.get("date_text") or "date unknown"
        parties = " - ".join(item.get("parties") or []) or "parties unknown"
        line = f"{when}  [{item.get('status', '?')}]  {parties}"
        if item.get("location"):
            line += f" in {item['location']}"
        if item.get("mediators"):
            line += f" (mediated by {', '.join(item['mediators'])})"
        lines.append(f"{line}  {item.get('talks_id', '')}")
    return "\n".join(lines)


def render(result: dict[str, Any]) -> str:
    """Plain-text hits: date, title, url and the best snippet."""
    lines = [f"{result['total']} matching article(s)"]
    for hit in result["hits"]:
        lines.append(f"\n{str(hit.get('published', ''))[:10]}  {hit.get('title', '')}")
        if hit.get("url"):
            lines.append(f"    {hit['url']}")
        snippets = hit.get("highlight", {}).get("text") or []
        if snippets:
            lines.append("    " + plain_snippet(snippets[0]))
    if result.get("next_cursor"):
        lines.append(f"\nmore: --cursor {result['next_cursor']}")
    return "\n".join(lines)


def plain_snippet(fragment: str) -> str:
    """A highlight (HTML-escaped, matches in `<em>`) for a terminal: matches between `*`, entities
    such as `&#x27;` read back, but `<`, `>` and `&` of the text stay escaped, so no markup from
    an article reaches the output; control characters (terminal escapes) are dropped."""
    parts = re.split(r"</?em>", fragment)
    text = "*".join(html.escape(html.unescape(part), quote=False) for part in parts)
    return CONTROL.sub("", text.replace("\n", " "))


def serve() -> None:
    """Run the API with uvicorn until SIGTERM; refuses to start without a token (exit 2)."""
    import uvicorn

    from parley.services.search.app import SERVICE, create_app
    from parley.services.search.settings import SearchSettings
    from parley.shared.errors import ConfigError
    from parley.shared.runtime import PORTS, start_service

    settings = start_service(SearchSettings, SERVICE)
    try:
        api = create_app(settings)
    except ConfigError as exc:
        typer.echo(f"parley: invalid configuration: {'; '.join(exc.problems)}", err=True)
        raise typer.Exit(2) from None
    uvicorn.run(api, host=settings.http.host, port=settings.http_port(PORTS[SERVICE]), log_config=None)


desk_app = typer.Typer(help="Parley Desk: calendar subscriptions.")
desk_feeds_app = typer.Typer(help="Calendar subscriptions: read-only capability URLs for the talks calendar.")
desk_app.add_typer(desk_feeds_app, name="feeds")


@desk_feeds_app.command("create")
def feeds_create(
    name: Annotated[str, typer.Option(help="a label to recognise it by in `list`")] = "",
    country: Annotated[str | None, typer.Option(help="only the talks of this country")] = None,
) -> None:
    """Create a subscription and print its URL (shown this once: only a hash is kept)."""
    from parley.services.search import feeds
    from parley.services.search.settings import SearchSettings
    from parley.shared.runtime import settings_or_exit

    settings = settings_or_exit(SearchSettings)
    with exits("parley desk feeds create"):
        created = feeds.create(settings, name, country)
    typer.echo(f"feed {created.feed_id} created; subscribe to (keep it private, it is shown only now):")
    typer.echo(created.url)


@desk_feeds_app.command("list")
def feeds_list(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """The subscriptions in force (never their secrets)."""
    from parley.services.search import backend
    from parley.services.search.settings import SearchSettings
    from parley.shared.elasticsearch import make_client
    from parley.shared.runtime import settings_or_exit
    from parley.shared.topics import Names

    settings = settings_or_exit(SearchSettings)
    es = make_client(settings.es)
    with closing(es), exits("parley desk feeds list"):
        rows = [
            {k: row.get(k) for k in ("feed_id", "name", "country", "created_at")}
            for row in backend.list_feeds(es, Names(settings.namespace))
        ]
    if as_json:
        typer.echo(json.dumps({"feeds": rows}, indent=2))
        return
    typer.echo(f"{len(rows)} calendar subscription{'' if len(rows) == 1 else 's'}")
    for row in rows:
        typer.echo(
            f"{row['feed_id']}  {row['created_at']}  {row['country'] or 'all countries'}  {row['name']}"
        )


@desk_feeds_app.command("revoke")
def feeds_revoke(feed_id: Annotated[str, typer.Argument(help="the feed id `list` shows")]) -> None:
    """Revoke a subscription: its URL answers 401 within seconds."""
    from parley.services.search import feeds
    from parley.services.search.settings import SearchSettings
    from parley.shared.runtime import settings_or_exit

    settings = settings_or_exit(SearchSettings)
    with exits("parley desk feeds revoke"):
        feeds.revoke(settings, feed_id)
    typer.echo(f"feed {feed_id} revoked")
