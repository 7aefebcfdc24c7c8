"""Elasticsearch client built from settings; its transport errors mapped to ours here."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch

from parley.shared.errors import ElasticsearchUnavailable
from parley.shared.settings import ElasticsearchSettings

RETRYABLE_STATUS = frozenset({429, 502, 503, 504})


def make_client(settings: ElasticsearchSettings, **overrides: Any) -> Elasticsearch:
    options: dict[str, Any] = {
        "hosts": settings.hosts,
        "request_timeout": settings.request_timeout,
        "verify_certs": settings.verify_certs,
        "retry_on_timeout": False,
        "max_retries": 0,
    }
    if settings.ca_certs:
        options["ca_certs"] = str(settings.ca_certs)
    if settings.api_key:
        options["api_key"] = settings.api_key.get_secret_value()
    elif settings.username:
        password = settings.password.get_secret_value() if settings.password else ""
        options["basic_auth"] = (settings.username, password)
    options.update(overrides)
    return Elasticsearch(**options)


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, TransportConnectionError | ConnectionTimeout):
        return True
    return isinstance(exc, ApiError) and exc.meta.status in RETRYABLE_STATUS


@contextlib.contextmanager
def es_errors(action: str) -> Iterator[None]:
    """Map unavailability (connection errors, 429, 5xx) to ElasticsearchUnavailable."""
    try:
        yield
    except (TransportConnectionError, ConnectionTimeout) as exc:
        raise ElasticsearchUnavailable(f"{action}: {type(exc).__name__}") from exc
    except ApiError as exc:
        if exc.meta.status in RETRYABLE_STATUS or exc.meta.status >= 500:
            raise ElasticsearchUnavailable(f"{action}: HTTP {exc.meta.status}") from exc
        raise


def reachable(client: Elasticsearch) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False


def wait_until_healthy(client: Elasticsearch, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            health = client.cluster.health(wait_for_status="yellow", timeout="2s")
            if health.get("status") in ("yellow", "green"):
                return
            last = f"status {health.get('status')}"
        except Exception as exc:
            last = type(exc).__name__
        time.sleep(0.5)
    raise ElasticsearchUnavailable(f"Elasticsearch not healthy after {timeout_s:.0f}s: {last}")
