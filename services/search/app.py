"""The search API (FastAPI): articles full-text search, upcoming talks, one talks state, the talks
calendar feed, and Parley Desk's pages under /desk/ (`desk/pages.py`).

Every API route but /healthz, /readyz and /metrics needs `Authorization: Bearer <token>`; the
calendar feed also takes a feed's capability (`?key=`), and the Desk a signed session cookie.
Bad input answers 400 with a reason; Elasticsearch being away answers 503; nothing else leaks.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from elasticsearch import Elasticsearch
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parley.services.search import backend, calendar, queries, talks_queries
from parley.services.search.desk import access as acc
from parley.services.search.desk.pages import SignInRequired, desk_router, mount_static
from parley.services.search.settings import SearchSettings
from parley.shared.elasticsearch import make_client, reachable
from parley.shared.errors import ElasticsearchUnavailable, InputError
from parley.shared.health_routes import health_routes
from parley.shared.logging import get_logger
from parley.shared.metrics import SEARCH_REQUESTS
from parley.shared.topics import Names

SERVICE = "search"
log = get_logger(__name__)
bearer = HTTPBearer(auto_error=False, description="The token set in PARLEY_SEARCH_API_TOKEN")


class Unauthorized(Exception):
    pass


class NotFound(Exception):
    pass


def create_app(settings: SearchSettings, es: Elasticsearch | None = None) -> FastAPI:
    """Build the API; raises ConfigError when no token is set and insecure mode is off."""
    settings.check_auth()
    client = es or make_client(settings.es)
    names = Names(settings.namespace)
    token = settings.required_token() or ""
    access = acc.Access(settings.required_token(), settings.session_key(), settings.desk.session_hours * 3600)
    app = FastAPI(title="Parley search", version="1", description="Search news about diplomatic talks.")

    def authorized(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if not token:  # insecure mode without a token (check_auth refused any other way)
            return
        given = creds.credentials if creds is not None else ""
        if not given or not secrets.compare_digest(given.encode(), token.encode()):
            raise Unauthorized()

    auth = [Depends(authorized)]

    @app.exception_handler(Unauthorized)
    async def _unauthorized(request: Request, exc: Unauthorized) -> JSONResponse:
        _count(request, "unauthorized")
        return JSONResponse({"error": "missing or wrong bearer token"}, 401, {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> RedirectResponse:
        return RedirectResponse("/desk/signin?" + urlencode({"next": exc.path}), 303)

    @app.exception_handler(InputError)
    async def _bad_input(request: Request, exc: InputError) -> JSONResponse:
        _count(request, "bad_request")
        return JSONResponse({"error": str(exc)}, 400)

    @app.exception_handler(RequestValidationError)
    async def _bad_params(request: Request, exc: RequestValidationError) -> JSONResponse:
        _count(request, "bad_request")
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path"))
        return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid')}"}, 400)

    @app.exception_handler(ElasticsearchUnavailable)
    async def _unavailable(request: Request, exc: ElasticsearchUnavailable) -> JSONResponse:
        _count(request, "unavailable")
        log.warning("search_unavailable", error=str(exc))
        return JSONResponse({"error": "search backend unavailable, retry later"}, 503, {"Retry-After": "5"})

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
        _count(request, "not_found")
        return JSONResponse({"error": str(exc)}, 404)

    @app.exception_handler(Exception)
    async def _crashed(request: Request, exc: Exception) -> JSONResponse:
        _count(request, "error")
        log.exception("search_failed", path=request.url.path)
        return JSONResponse({"error": "internal error"}, 500)

    @app.get("/search", dependencies=auth, summary="Full-text search over articles")
    def search(
        q: str | None = None,
        country: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        status: str | None = None,
        limit: int = settings.search.default_limit,
        cursor: str | None = None,
        source: Annotated[str | None, Query(description="only articles from this source (exact)")] = None,
        language: Annotated[
            str | None, Query(description="only articles in this language (ISO 639-1)")
        ] = None,
        has_talks: Annotated[
            bool | None, Query(description="only articles that report talks (or not)")
        ] = None,
    ) -> dict[str, Any]:
        params = queries.search_params(
            q, country, date_from, date_to, status, limit, cursor, source, language, has_talks
        )
        result = backend.search_articles(client, names, params)
        SEARCH_REQUESTS.labels("search", "ok").inc()
        return result

    @app.get("/talks/upcoming", dependencies=auth, summary="Announced or rescheduled talks still to come")
    def talks_upcoming(
        country: Annotated[str | None, Query(description="a party or the mediator")] = None,
        region: Annotated[str | None, Query(description="a UN M49 region or continent")] = None,
        status: Annotated[str | None, Query(description="announced or rescheduled")] = None,
        date_from: Annotated[str | None, Query(alias="from", description="starting on or after")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="starting on or before")] = None,
        limit: int = 50,
    ) -> dict[str, Any]:
        params = talks_queries.upcoming_params(country, status, date_from, date_to, limit)
        talks = backend.upcoming_talks(client, names, params, datetime.now(UTC).date(), region)
        SEARCH_REQUESTS.labels("talks_upcoming", "ok").inc()
        return {"talks": talks}

    @app.get(
        "/talks/upcoming.ics",
        summary="The talks calendar (RFC 5545): upcoming talks, and those cancelled or postponed lately",
        response_class=Response,
        responses={200: {"content": {"text/calendar": {}}}},
    )
    def talks_calendar(
        request: Request,
        country: Annotated[str | None, Query(description="a party or the mediator")] = None,
        key: Annotated[
            str | None, Query(description="a calendar subscription's key (`parley desk feeds`)")
        ] = None,
    ) -> Response:
        if not _reader(request):
            feed = _feed(key) if key is not None else None
            if feed is None:
                raise Unauthorized()
            country = str(feed["country"]) if feed.get("country") else country
        now = datetime.now(UTC)
        talks = backend.calendar_talks(client, names, country, now)
        wanted = sorted({a for t in talks for a in (t.get("article_ids") or [])[-calendar.MAX_LINKS :]})
        articles = {a["article_id"]: a for a in backend.articles_by_id(client, names, wanted)}
        body = calendar.calendar(talks, articles, now, settings.desk.talks_page)
        SEARCH_REQUESTS.labels("talks_calendar", "ok").inc()
        return Response(
            body, media_type="text/calendar; charset=utf-8", headers={"Cache-Control": "private, max-age=300"}
        )

    def _reader(request: Request) -> bool:
        """A bearer token or a Desk session (a signed-in browser may download the feed)."""
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        return (
            access.open
            or (scheme.lower() == "bearer" and access.token_ok(given.strip()))
            or access.session_ok(request.cookies.get(acc.SESSION_COOKIE))
        )

    def _feed(key: str) -> dict[str, Any] | None:
        """The subscription a key opens, or None (revoked, mistyped): answered 401 like a bad token."""
        parts = acc.split_feed_key(key)
        found = backend.get_feed(client, names, parts[0]) if parts else None
        if parts is None or found is None or not acc.feed_key_ok(found.get("secret_sha256"), parts[1]):
            return None
        return found

    @app.get("/talks/{talks_id}", dependencies=auth, summary="The current state of one talks event")
    def talks_by_id(talks_id: str) -> dict[str, Any]:
        if not 1 <= len(talks_id) <= 200:
            raise InputError("talks id: 1 to 200 characters")
        found = backend.get_talks(client, names, talks_id)
        if found is None:
            raise NotFound(f"no talks with id {talks_id!r}")
        SEARCH_REQUESTS.labels("talks", "ok").inc()
        return found

    async def readiness() -> dict[str, bool]:
        return {"elasticsearch": await asyncio.to_thread(reachable, client)}

    app.include_router(health_routes(readiness))
    app.include_router(desk_router(client, names, access, settings.desk.public_url))
    mount_static(app)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/desk/", 307)

    return app


def _count(request: Request, outcome: str) -> None:
    path = request.url.path
    routes = {
        "/search": "search",
        "/talks/upcoming": "talks_upcoming",
        "/talks/upcoming.ics": "talks_calendar",
    }
    route = routes.get(path, "desk" if path.startswith("/desk") else "talks")
    SEARCH_REQUESTS.labels(route, outcome).inc()
