"""The ingest HTTP API: `POST /articles` (one article or a batch), plus health and metrics.

Bearer token required (the service refuses to start without one, or with an empty, short or
placeholder one, unless the insecure dev setting is on); bodies over `max_request_bytes` get 413 before they are read whole; invalid
articles get 422 listing each bad field; 202 only once Kafka acknowledged every new article.
The same article id twice is published once: the response says `created` or `duplicate`.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError

from parley.services.ingest.publisher import Publisher
from parley.services.ingest.seen import StateUnavailable
from parley.services.ingest.settings import IngestSettings
from parley.shared import metrics
from parley.shared.article_input import ArticleInput, field_errors, load_json
from parley.shared.errors import InputError, KafkaUnavailable, MessageRejected
from parley.shared.health_routes import health_routes


class ArticleResult(BaseModel):
    id: str
    status: Literal["created", "duplicate"]


class Accepted(BaseModel):
    articles: list[ArticleResult]


class FieldError(BaseModel):
    field: str
    message: str


class ArticleErrors(BaseModel):
    index: int | None  # position in the batch (0 for a single object); null when the body is not JSON
    errors: list[FieldError]


class Invalid(BaseModel):
    error: str
    detail: list[ArticleErrors]


class Problem(BaseModel):
    error: str


def _request_schema(max_batch: int) -> dict[str, Any]:
    article = ArticleInput.model_json_schema()
    body = {"oneOf": [article, {"type": "array", "items": article, "minItems": 1, "maxItems": max_batch}]}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": body}}}}


def create_api(
    settings: IngestSettings, get_publisher: Callable[[], Publisher | None], kafka_ready: Callable[[], bool]
) -> FastAPI:
    """`get_publisher` returns None until Kafka was reached at start; requests get 503 until then."""
    settings.check_auth()  # never built open by accident: a missing or weak token raises ConfigError
    cfg = settings.ingest
    token = settings.required_token()
    api = FastAPI(
        title="Parley ingest",
        version="1",
        description="Submit news articles to Parley. Each article is published once per article id.",
    )

    def unauthorised(request: Request) -> JSONResponse | None:
        if token is None:
            return None
        given = request.headers.get("authorization", "")
        # Constant time: the comparison must not reveal how much of a guess was right.
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return JSONResponse(
                {"error": "missing or wrong bearer token"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        return None

    def too_large() -> JSONResponse:
        return JSONResponse({"error": f"body over {cfg.max_request_bytes} bytes"}, status_code=413)

    def invalid(detail: list[dict[str, Any]], count: int) -> JSONResponse:
        metrics.ARTICLES_INGESTED.labels("api", "rejected").inc(count)
        metrics.INGEST_REJECTED.labels("api", "invalid_field").inc(count)
        return JSONResponse({"error": "invalid articles", "detail": detail}, status_code=422)

    @api.post(
        "/articles",
        status_code=202,
        response_model=Accepted,
        openapi_extra=_request_schema(cfg.max_batch),
        responses={
            401: {"model": Problem},
            413: {"model": Problem},
            422: {"model": Invalid},
            503: {"model": Problem},
        },
    )
    async def post_articles(request: Request) -> Response:
        """Accept one article object or a JSON array of them; 202 once Kafka acknowledged."""
        denied = unauthorised(request)
        if denied is not None:
            return denied
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cfg.max_request_bytes:
            return too_large()
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > cfg.max_request_bytes:
                return too_large()
        try:
            doc = load_json(bytes(body))
        except InputError as exc:  # also nesting too deep and integers too long: never a 500
            metrics.INGEST_REJECTED.labels("api", "invalid_json").inc()
            return JSONResponse(
                {
                    "error": "invalid JSON",
                    "detail": [{"index": None, "errors": [{"field": "body", "message": str(exc)}]}],
                },
                status_code=422,
            )
        items = doc if isinstance(doc, list) else [doc]
        if not items or len(items) > cfg.max_batch:
            message = f"send 1 to {cfg.max_batch} articles"
            return invalid([{"index": None, "errors": [{"field": "body", "message": message}]}], 1)
        articles: list[ArticleInput] = []
        errors: list[dict[str, Any]] = []
        context = {"now": datetime.now(UTC)}
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                errors.append(
                    {"index": index, "errors": [{"field": "article", "message": "must be a JSON object"}]}
                )
                continue
            try:
                articles.append(ArticleInput.model_validate(item, context=context))
            except ValidationError as exc:
                errors.append({"index": index, "errors": field_errors(exc)})
        if errors:
            return invalid(errors, len(errors))
        publisher = get_publisher()
        if publisher is None:
            return JSONResponse(
                {"error": "Kafka not reachable yet, retry later"},
                status_code=503,
                headers={"Retry-After": "5"},
            )
        try:
            results = await asyncio.to_thread(publisher.publish_many, articles, "api")
        except MessageRejected as exc:
            # Permanent: the same article fails the same way again, so never a 503 "retry later".
            # Articles before it in the batch may be published; sending them again says `duplicate`.
            metrics.ARTICLES_INGESTED.labels("api", "rejected").inc()
            metrics.INGEST_REJECTED.labels("api", "too_large" if exc.too_large else "other").inc()
            detail = [{"index": exc.index, "errors": [{"field": "article", "message": str(exc)}]}]
            published = sorted(exc.published)
            return JSONResponse(
                {"error": "article refused by Kafka", "detail": detail, "published": published},
                status_code=413 if exc.too_large else 422,
            )
        except KafkaUnavailable as exc:
            return JSONResponse(
                {"error": f"Kafka unavailable, retry later: {exc}"},
                status_code=503,
                headers={"Retry-After": "5"},
            )
        except StateUnavailable as exc:
            # Kafka may have the articles already; a retry is harmless (same ids downstream).
            return JSONResponse(
                {"error": f"ingest state not writable, retry later: {exc}"},
                status_code=503,
                headers={"Retry-After": "5"},
            )
        return JSONResponse(
            {"articles": [{"id": article_id, "status": outcome} for article_id, outcome in results]},
            status_code=202,
        )

    async def readiness() -> dict[str, bool]:
        publisher = get_publisher()
        return {
            "publisher": publisher is not None,
            "kafka": await asyncio.to_thread(kafka_ready),
            "state": publisher is not None and await asyncio.to_thread(publisher.seen.writable),
        }

    api.include_router(health_routes(readiness))

    return api
