from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import httpx
import pytest
from pydantic import SecretStr
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from parley.services.alerting.delivery import classify, retry_delay, sign
from parley.services.alerting.settings import WebhookEndpoint
from parley.shared.errors import DeliveryRejected, WebhookRetryable

OLD = "whsec_" + base64.b64encode(b"o" * 24).decode()
NEW = "whsec_" + base64.b64encode(b"n" * 24).decode()
ALERT = {
    "type": "parley.talks.announced.v1",
    "data": {"talks": {"parties": ["A", "B"], "status": "announced"}},
}


def endpoint(*secrets: str, fmt: str = "cloudevents") -> WebhookEndpoint:
    return WebhookEndpoint(
        name="demo", url="http://127.0.0.1:1/h", secrets=tuple(SecretStr(s) for s in secrets), format=fmt
    )


def test_reference_library_verifies_and_rejects_tampering() -> None:
    request = sign(endpoint(OLD), "alert-1", ALERT, datetime.now(UTC))
    assert Webhook(OLD).verify(request.body, request.headers) == ALERT
    with pytest.raises(WebhookVerificationError):
        Webhook(OLD).verify(request.body.replace(b"announced", b"cancelled"), request.headers)


def test_rotation_gives_two_valid_signatures() -> None:
    request = sign(endpoint(OLD, NEW), "alert-1", ALERT, datetime.now(UTC))
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    Webhook(OLD).verify(request.body, request.headers)
    Webhook(NEW).verify(request.body, request.headers)


def test_slack_format_has_text_and_blocks() -> None:
    body = json.loads(sign(endpoint(fmt="slack"), "alert-1", ALERT, datetime.now(UTC)).body)
    assert "A, B" in body["text"] and body["blocks"]


@pytest.mark.parametrize("status", [500, 502, 503, 408, 429])
def test_retryable_statuses(status: int) -> None:
    with pytest.raises(WebhookRetryable):
        classify(httpx.Response(status, headers={"retry-after": "3"}))


@pytest.mark.parametrize("status", [400, 401, 404, 410])
def test_other_client_errors_are_final(status: int) -> None:
    with pytest.raises(DeliveryRejected):
        classify(httpx.Response(status))


def test_retry_after_is_honoured_and_backoff_bounded() -> None:
    with pytest.raises(WebhookRetryable) as info:
        classify(httpx.Response(429, headers={"retry-after": "7"}))
    assert info.value.retry_after == 7.0
    assert retry_delay(1, (5.0, 300.0), retry_after=7.0) >= 7.0
    assert retry_delay(1, (5.0,), retry_after=99999.0, retry_after_max_s=60.0) == 60.0


def test_schedule_is_bounded_and_jittered() -> None:
    schedule = (5.0, 300.0, 1800.0)
    delays = [retry_delay(n, schedule, jitter=0.2) for n in (1, 2, 3)]
    assert all(d is not None for d in delays)
    assert 4.0 <= delays[0] <= 6.0 and 240.0 <= delays[1] <= 360.0  # type: ignore[operator]
    assert retry_delay(4, schedule) is None  # used up: the delivery is exhausted
    assert retry_delay(1, schedule, jitter=0.0) == 5.0
    assert retry_delay(2, schedule, jitter=0.2, rand=lambda a, b: b) == 360.0


def test_same_webhook_id_on_every_attempt() -> None:
    first = sign(endpoint(OLD), "t-1.r1", ALERT, datetime(2026, 1, 1, tzinfo=UTC))
    second = sign(endpoint(OLD), "t-1.r1", ALERT, datetime(2026, 1, 2, tzinfo=UTC))
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == "t-1.r1"
    assert first.body == second.body
