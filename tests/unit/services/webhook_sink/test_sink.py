"""The demo receiver: malformed signature headers are a 400 with the reason; the inbox is bounded."""

from __future__ import annotations

import base64
import json
import warnings
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook

from parley.services.webhook_sink.app import create_sink

with warnings.catch_warnings():  # starlette suggests a successor of httpx; the API is the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SECRET = "whsec_" + base64.b64encode(b"parley-sink-test-secret-24").decode()


def client(keep: int = 1000) -> TestClient:
    return TestClient(create_sink((SECRET,), quiet=True, keep=keep))


def signed(webhook_id: str, payload: dict[str, object]) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload)
    now = datetime.now(UTC)
    headers = {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(SECRET).sign(webhook_id, now, body),
    }
    return body.encode(), headers


@pytest.mark.parametrize(
    ("signature", "timestamp"),
    [("garbage", None), ("v1,abc,def", None), ("v1,!!not-base64!!", None), ("v1,", None), (None, "soon")],
)
def test_a_malformed_signature_header_is_a_400_with_the_reason(
    signature: str | None, timestamp: str | None
) -> None:
    body, headers = signed("msg_1", {"type": "x"})
    if signature is not None:
        headers["webhook-signature"] = signature
    if timestamp is not None:
        headers["webhook-timestamp"] = timestamp
    with client() as sink:
        response = sink.post("/hooks/demo", content=body, headers=headers)
        assert response.status_code == 400
        assert "webhook-" in response.json()["error"]
        assert (sink.get("/received")).json() == []


def test_a_wrong_signature_is_a_401_and_a_right_one_is_received() -> None:
    body, headers = signed("msg_1", {"type": "x"})
    with client() as sink:
        wrong = {**headers, "webhook-signature": "v1," + base64.b64encode(b"\0" * 32).decode()}
        assert (sink.post("/h", content=body, headers=wrong)).status_code == 401
        assert (sink.post("/h", content=body, headers=headers)).status_code == 200


def test_the_inbox_keeps_only_the_newest_arrivals() -> None:
    with client(keep=3) as sink:
        for n in range(5):
            body, headers = signed(f"msg_{n}", {"n": n})
            assert (sink.post("/h", content=body, headers=headers)).status_code == 200
        again_body, again_headers = signed("msg_4", {"n": 4})
        again = sink.post("/h", content=again_body, headers=again_headers)
        assert again.json() == {"received": True, "duplicate": True}
        kept = (sink.get("/received")).json()
    assert [item["webhook_id"] for item in kept] == ["msg_3", "msg_4", "msg_4"]
