"""The search API (FastAPI): articles full-text search, upcoming talks, one talks state.

Every route but /healthz, /readyz and /metrics needs `Authorization: Bearer <token>`.
Bad input answers 400 with a reason; Elasticsearch being away answers 503; nothing else leaks.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime
from typing import Annotated, Any

from elasticsearch import Elasticsearch
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parley.services.search import backend, queries
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
    ) -> dict[str, Any]:
        params = queries.search_params(q, country, date_from, date_to, status, limit, cursor)
        result = backend.search_articles(client, names, params)
        SEARCH_REQUESTS.labels("search", "ok").inc()
        return result

    @app.get("/talks/upcoming", dependencies=auth, summary="Announced or rescheduled talks still to come")
    def talks_upcoming(country: str | None = None, limit: int = 50) -> dict[str, Any]:
        talks = backend.upcoming_talks(client, names, country, datetime.now(UTC).date(), limit)
        SEARCH_REQUESTS.labels("talks_upcoming", "ok").inc()
        return {"talks": talks}

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
    return app


def _count(request: Request, outcome: str) -> None:
    path = request.url.path
    route = "search" if path == "/search" else "talks_upcoming" if path == "/talks/upcoming" else "talks"
    SEARCH_REQUESTS.labels(route, outcome).inc()
