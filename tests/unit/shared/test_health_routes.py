"""The FastAPI health routes answer as the stream processors' HealthServer does."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from parley.shared.health_routes import health_routes


def _client(ready: dict[str, bool] | None, with_metrics: bool = True) -> TestClient:
    async def readiness() -> dict[str, bool]:
        assert ready is not None
        return ready

    app = FastAPI()
    app.include_router(health_routes(None if ready is None else readiness, with_metrics=with_metrics))
    return TestClient(app)


def test_ready_only_when_every_check_passes() -> None:
    assert _client({"kafka": True, "state": True}).get("/readyz").json() == {
        "ready": True,
        "checks": {"kafka": True, "state": True},
    }
    answer = _client({"kafka": True, "state": False}).get("/readyz")
    assert answer.status_code == 503 and answer.json()["ready"] is False


def test_alive_metrics_and_no_readiness_route_without_a_check() -> None:
    client = _client(None)
    assert client.get("/healthz").json() == {"alive": True}
    assert client.get("/readyz").status_code == 404
    assert "parley_" in client.get("/metrics").text
    assert _client(None, with_metrics=False).get("/metrics").status_code == 404


def test_health_routes_stay_out_of_the_api_schema() -> None:
    paths = _client({"kafka": True}).get("/openapi.json").json()["paths"]
    assert not {"/healthz", "/readyz", "/metrics"} & set(paths)
