"""The ingest HTTP API: `POST /articles` (one article or a batch), plus health and metrics."""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from parley.services.ingest.publisher import Publisher
from parley.services.ingest.settings import IngestSettings
from parley.shared import metrics
from parley.shared.article_input import ArticleInput, validate_article
from parley.shared.errors import InputError, KafkaUnavailable
from parley.shared.health import readiness_body


def create_api(
    settings: IngestSettings, get_publisher: Callable[[], Publisher | None], kafka_ready: Callable[[], bool]
) -> FastAPI:
    """`get_publisher` returns None until Kafka was reached at start; requests get 503 until then."""
    cfg = settings.ingest
    token = cfg.api_token.get_secret_value() if cfg.api_token else None
    api = FastAPI(
        title="Parley ingest",
        version="1",
        description="Submit news articles to Parley. Each article is published once per article id.",
    )

    def unauthorised(request: Request) -> JSONResponse | None:
        if token is None:
            return None
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return JSONResponse(
                {"error": "missing or wrong bearer token"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        return None

    @api.post("/articles", status_code=202)
    async def post_articles(request: Request) -> Response:
        """Accept one article object or a JSON array of them; 202 once Kafka acknowledged."""
        denied = unauthorised(request)
        if denied is not None:
            return denied
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cfg.max_request_bytes:
            return JSONResponse({"error": f"body over {cfg.max_request_bytes} bytes"}, status_code=413)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > cfg.max_request_bytes:
                return JSONResponse({"error": f"body over {cfg.max_request_bytes} bytes"}, status_code=413)
        try:
            doc = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return JSONResponse({"error": f"invalid JSON: {exc}"}, status_code=400)
        items = doc if isinstance(doc, list) else [doc]
        if not items or len(items) > cfg.max_batch:
            return JSONResponse({"error": f"send 1 to {cfg.max_batch} articles"}, status_code=422)
        articles: list[ArticleInput] = []
        errors: list[dict[str, Any]] = []
        for index, item in enumerate(items):
            try:
                articles.append(validate_article(item))
            except InputError as exc:
                errors.append({"index": index, "errors": str(exc).split("; ")})
        if errors:
            return JSONResponse({"error": "invalid articles", "detail": errors}, status_code=422)
        publisher = get_publisher()
        if publisher is None:
            return JSONResponse({"error": "Kafka not reachable yet, retry later"}, status_code=503,
                                headers={"Retry-After": "5"})
        try:
            results = await asyncio.to_thread(publisher.publish_many, articles, "api")
        except KafkaUnavailable as exc:
            return JSONResponse(
                {"error": f"Kafka unavailable, retry later: {exc}"},
                status_code=503,
                headers={"Retry-After": "5"},
            )
        return JSONResponse(
            {"articles": [{"id": article_id, "status": outcome} for article_id, outcome in results]},
            status_code=202,
        )

    @api.get("/healthz")
    async def healthz() -> dict[str, bool]:
        return {"alive": True}

    @api.get("/readyz")
    async def readyz() -> Response:
        checks = {"publisher": get_publisher() is not None, "kafka": await asyncio.to_thread(kafka_ready)}
        status, body = readiness_body(checks)
        return Response(body, status_code=status, media_type="application/json")

    @api.get("/metrics")
    async def metrics_page() -> Response:
        payload, content_type = metrics.render()
        return Response(payload, media_type=content_type)

    return api
