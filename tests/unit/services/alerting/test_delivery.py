from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import httpx
import pytest
from pydantic import SecretStr
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from parley.services.alerting.delivery import backoff, classify, sign
from parley.services.alerting.settings import WebhookEndpoint
from parley.shared.errors import DeliveryRejected, WebhookRetryable

OLD = "whsec_" + base64.b64encode(b"o" * 24).decode()
NEW = "whsec_" + base64.b64encode(b"n" * 24).decode()
ALERT = {"type": "parley.talks.announced.v1", "data": {"talks": {"parties": ["A", "B"], "status": "announced"}}}


def endpoint(*secrets: str, fmt: str = "cloudevents") -> WebhookEndpoint:
    return WebhookEndpoint(name="demo", url="http://127.0.0.1:1/h", secrets=tuple(SecretStr(s) for s in secrets),
                           format=fmt)


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
    assert backoff(1, 0.5, 30, retry_after=7.0) >= 7.0
    assert all(0 <= backoff(n, 0.5, 30) <= 30 for n in range(1, 20))
