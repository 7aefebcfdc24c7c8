"""The Desk's routes: server-rendered pages (Jinja2, autoescaped), readable without JavaScript.

Data comes only through `backend` (the search service's aliases); every user value is validated
by the same functions the JSON API uses. Pages answer with a strict Content-Security-Policy (no
inline script, no third-party anything), so even markup that slipped past escaping cannot run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from elasticsearch import Elasticsearch
from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from parley.services.search import backend, queries, regions, talks_queries
from parley.services.search.desk import access as acc
from parley.services.search.desk import views
from parley.shared.errors import InputError
from parley.shared.extraction import UPCOMING_STATUSES
from parley.shared.topics import Names

HERE = Path(str(resources.files("parley.services.search.desk")))
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
LANGUAGES = ("en", "es", "fr", "de", "ru", "ar", "tr", "it", "pt", "zh")


class SignInRequired(Exception):
    """A page was asked for without a valid session: answered with the sign-in page (303)."""

    def __init__(self, path: str) -> None:
        self.path = path


def safe_next(value: str | None) -> str:
    """Only a path of the Desk itself may be returned to after sign-in (no open redirect)."""
    if value and value.startswith("/desk/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/desk/"


def mount_static(app: Any) -> None:
    app.mount("/desk/static", StaticFiles(directory=HERE / "static"), name="desk-static")


def desk_router(
    es: Elasticsearch, names: Names, access: acc.Access, public_url: str | None = None
) -> APIRouter:
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["show"] = views.show
    templates.env.filters["at"] = views.at
    templates.env.filters["link"] = views.link
    router = APIRouter(prefix="/desk", include_in_schema=False)

    def signed_in(request: Request) -> bool:
        return (
            access.session_ok(request.cookies.get(acc.SESSION_COOKIE)) or access.token_ok(_bearer(request))
            if not access.open
            else True
        )

    def require(request: Request) -> None:
        if not signed_in(request):
            raise SignInRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        csrf = request.cookies.get(acc.CSRF_COOKIE) or acc.new_csrf_token()
        context.update(
            request=request,
            csrf=csrf,
            auth=not access.open,
            signed_in=signed_in(request),
            now=datetime.now(UTC),
        )
        response = templates.TemplateResponse(request, name, context, status_code=status)
        if request.cookies.get(acc.CSRF_COOKIE) != csrf:
            _set_cookie(request, response, acc.CSRF_COOKIE, csrf, max_age=None, samesite="strict")
        response.headers.update(SECURITY_HEADERS)
        return response

    async def call(fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.to_thread(fn, *args)

    @router.get("/", response_class=HTMLResponse)
    async def upcoming(
        request: Request,
        country: str | None = None,
        region: str | None = None,
        status: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
    ) -> HTMLResponse:
        require(request)
        filters = {
            "country": country or "",
            "region": region or "",
            "status": status or "",
            "from": date_from or "",
            "to": date_to or "",
        }
        error = None
        talks: list[dict[str, Any]] = []
        # The latest alerts do not depend on the filters: asked for at the same time.
        recent_task = asyncio.ensure_future(call(backend.recent_alerts, es, names, None, 10))
        try:
            params = talks_queries.upcoming_params(country, status or None, date_from, date_to, limit=100)
            talks = await call(backend.upcoming_talks, es, names, params, datetime.now(UTC).date(), region)
            changed = await call(backend.last_changes, es, names, [str(t.get("talks_id")) for t in talks])
            talks = views.with_changes(talks, changed, datetime.now(UTC))
        except InputError as exc:
            error = str(exc)
        finally:
            recent = await recent_task
        return render(
            request,
            "upcoming.html",
            400 if error else 200,
            days=views.by_day(talks, datetime.now(UTC).date()),
            count=len(talks),
            filters=filters,
            error=error,
            regions=regions.regions(),
            statuses=sorted(UPCOMING_STATUSES),
            recent=recent,
            ago=views.ago,
        )

    @router.get("/talks/{talks_id}", response_class=HTMLResponse)
    async def talks_page(request: Request, talks_id: str) -> HTMLResponse:
        require(request)
        if not 1 <= len(talks_id) <= 200:
            return render(request, "error.html", 400, message="A talks id has 1 to 200 characters.")
        # The event's alerts need only its id: asked for with the event.
        talks, alerts = await asyncio.gather(
            call(backend.get_talks, es, names, talks_id), call(backend.talks_alerts, es, names, talks_id)
        )
        if talks is None:
            return render(request, "error.html", 404, message="No talks event has this id.")
        changed = max((str(a.get("time")) for a in alerts if a.get("type") != "corroborated"), default=None)
        articles = await call(backend.articles_by_id, es, names, list(talks.get("article_ids") or []))
        return render(
            request,
            "talks.html",
            talks=views.card({**talks, "changed": changed or talks.get("last_seen")}),
            steps=views.timeline(alerts),
            stories=views.by_story(articles),
            history=talks.get("status_history") or [],
            fields=views.FIELD_LABELS,
            ago=views.ago,
        )

    @router.get("/search", response_class=HTMLResponse)
    async def search_page(
        request: Request,
        q: str | None = None,
        country: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        source: str | None = None,
        language: str | None = None,
        has_talks: str | None = None,
        cursor: str | None = None,
        page: int = 1,
        per_page: int = 20,
    ) -> HTMLResponse:
        require(request)
        form = {
            "q": q or "",
            "country": country or "",
            "from": date_from or "",
            "to": date_to or "",
            "source": source or "",
            "language": language or "",
            "has_talks": has_talks or "",
            "per_page": str(per_page) if per_page != 20 else "",
        }
        error, result, links = None, None, {}
        talks_flag = {"yes": True, "no": False}.get(has_talks or "")
        try:
            params = queries.search_params(
                q, country, date_from, date_to, None, per_page, cursor, source, language, talks_flag
            )
            result = await call(backend.search_articles, es, names, params)
            ids = [hit["article_id"] for hit in result["hits"] if hit.get("article_id")]
            links = await call(backend.talks_of_articles, es, names, ids)
        except InputError as exc:
            error = str(exc)
        next_url = None
        kept = {k: v for k, v in form.items() if v}
        first_url = "/desk/search?" + urlencode(kept)
        if result and result.get("next_cursor"):
            next_url = "/desk/search?" + urlencode(
                {**kept, "cursor": result["next_cursor"], "page": page + 1}
            )
        return render(
            request,
            "search.html",
            400 if error else 200,
            form=form,
            result=result,
            links=links,
            error=error,
            page=max(1, page),
            per_page=per_page,
            next_url=next_url,
            first_url=first_url,
            languages=LANGUAGES,
            highlight=lambda fragment: Markup(fragment),  # already HTML-encoded: only <em> tags
        )

    @router.get("/alerts", response_class=HTMLResponse)
    async def alerts_page(request: Request) -> HTMLResponse:
        require(request)
        recent = await call(backend.recent_alerts, es, names, None, 50)
        return render(request, "alerts.html", recent=recent, ago=views.ago)

    @router.get("/alerts/recent")
    async def alerts_recent(request: Request, after: str | None = None, limit: int = 20) -> JSONResponse:
        """What the live list polls: alerts newer than `after` (JSON, for the page's script)."""
        if not signed_in(request):
            return JSONResponse({"error": "sign in first"}, 401)
        try:
            found = await call(backend.recent_alerts, es, names, after, limit)
        except InputError as exc:
            return JSONResponse({"error": str(exc)}, 400)
        items = [
            {
                "alert_id": a.get("alert_id"),
                "type": a.get("type"),
                "time": a.get("time"),
                "talks_id": a.get("talks_id"),
                "href": "/desk/talks/" + quote(str(a.get("talks_id", "")), safe=""),
                "parties": a.get("parties") or [],
                "location": a.get("location"),
                "when": views.when(a),
                "status": a.get("status"),
                "changes": [c.get("field") for c in a.get("changes") or []],
            }
            for a in found
        ]
        return JSONResponse({"alerts": items}, headers={"Cache-Control": "no-store"})

    @router.get("/signin", response_class=HTMLResponse)
    async def signin_form(request: Request, next: str | None = None) -> Response:
        if access.open:
            return RedirectResponse(safe_next(next), 303)
        return render(request, "signin.html", next=safe_next(next), error=None)

    @router.post("/signin", response_class=HTMLResponse)
    async def signin(
        request: Request,
        token: Annotated[str, Form()] = "",
        csrf: Annotated[str, Form()] = "",
        next: Annotated[str, Form()] = "/desk/",
    ) -> Response:
        hosts = {h for h in (request.headers.get("host"), urlsplit(public_url or "").netloc) if h}
        if not acc.csrf_ok(request.cookies.get(acc.CSRF_COOKIE), csrf) or not acc.same_origin(
            request.headers.get("origin"), hosts
        ):
            return render(
                request, "signin.html", 403, next=safe_next(next), error="The form expired: try again."
            )
        if access.open:
            return RedirectResponse(safe_next(next), 303)
        if not access.token_ok(token.strip()):
            return render(request, "signin.html", 401, next=safe_next(next), error="That token is not valid.")
        response = RedirectResponse(safe_next(next), 303)
        _set_cookie(
            request, response, acc.SESSION_COOKIE, access.new_session(), access.session_seconds, "lax"
        )
        return response

    @router.post("/signout")
    async def signout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
        if not acc.csrf_ok(request.cookies.get(acc.CSRF_COOKIE), csrf):
            return render(request, "error.html", 403, message="The form expired: go back and try again.")
        response = RedirectResponse("/desk/signin", 303)
        response.delete_cookie(acc.SESSION_COOKIE, path="/", httponly=True, samesite="lax")
        return response

    return router


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _set_cookie(
    request: Request, response: Response, name: str, value: str, max_age: int | None, samesite: str
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite=samesite,  # type: ignore[arg-type]
        secure=_over_tls(request),
    )


def _over_tls(request: Request) -> bool:
    """Secure cookies when served over TLS (directly, or behind a proxy that says so)."""
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"
