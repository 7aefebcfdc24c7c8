"""/healthz, /readyz and /metrics as FastAPI routes, for the services that serve an API.

The same answers as `shared.health.HealthServer`, which serves them for the stream processors:
`{"alive": true}`, and `{"ready": …, "checks": {…}}` with 200 or 503.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter
from fastapi.responses import Response

from parley.shared import metrics
from parley.shared.health import readiness_body

AsyncReadiness = Callable[[], Awaitable[dict[str, bool]]]


def health_routes(readiness: AsyncReadiness | None = None, with_metrics: bool = True) -> APIRouter:
    """A router with /healthz, plus /readyz if `readiness` is given and /metrics if `with_metrics`."""
    router = APIRouter(include_in_schema=False)

    @router.get("/healthz")
    async def healthz() -> dict[str, bool]:
        return {"alive": True}

    if readiness is not None:
        check = readiness

        @router.get("/readyz")
        async def readyz() -> Response:
            status, body = readiness_body(await check())
            return Response(body, status_code=status, media_type="application/json")

    if with_metrics:

        @router.get("/metrics")
        def metrics_page() -> Response:
            payload, content_type = metrics.render()
            return Response(payload, media_type=content_type)

    return router
