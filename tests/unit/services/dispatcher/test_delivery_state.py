from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from parley.services.dispatcher.delivery_state import Attempt, Delivery, is_final
from parley.shared.netguard import PrivateAllowlist
from parley.shared.webhook_addresses import check_url, display_url, is_private_address

NONE = PrivateAllowlist()
LOCAL = PrivateAllowlist.parse(["127.0.0.0/8"])

NOW = datetime(2026, 2, 13, 9, 0, tzinfo=UTC)


def attempt(outcome: str, round_: int = 0) -> Attempt:
    return Attempt.made(NOW, outcome, 503 if outcome == "retrying" else 200, "", 0.1, round_)  # type: ignore[arg-type]


def new() -> Delivery:
    return Delivery.new("t-1.r1", "ops", 3, {"id": "x"}, NOW, NOW)


def test_retry_then_deliver() -> None:
    current = new()
    assert current.outcome == "pending" and current.wait_seconds(NOW) == 0
    current = current.after(attempt("retrying"), 5.0, NOW)
    assert current.outcome == "retrying" and not current.final and current.wait_seconds(NOW) == 5.0
    current = current.after(attempt("delivered"), None, NOW)
    assert is_final(current) and current.outcome == "delivered" and current.attempts_in_round() == 2


def test_exhausted_and_rejected_are_final() -> None:
    assert new().after(attempt("retrying"), None, NOW).outcome == "exhausted"
    assert new().after(attempt("rejected"), 5.0, NOW).outcome == "rejected"
    assert not is_final(None) and not new().final


def test_redeliver_restarts_the_schedule_and_keeps_history() -> None:
    done = new().after(attempt("delivered"), None, NOW)
    again = done.redelivered(NOW + timedelta(hours=1))
    assert again.outcome == "pending" and again.redeliveries == 1
    assert len(again.attempts) == 1 and again.attempts_in_round() == 0
    assert again.after(attempt("delivered", round_=1), None, NOW).attempts_in_round() == 1


def test_a_delivery_is_frozen_and_round_trips_through_the_table() -> None:
    current = new().after(attempt("retrying"), 5.0, NOW)
    with pytest.raises(ValidationError):
        current.outcome = "delivered"  # type: ignore[misc]
    stored = json.loads(json.dumps(current.to_table()))  # what the changelog carries
    assert Delivery.from_table(stored) == current and Delivery.from_table(None) is None


def test_state_written_by_an_older_dispatcher_reads_in_todays_words() -> None:
    older = {
        "alert_id": "t-1.r1",
        "endpoint": "ops",
        "partition": 3,
        "outcome": "pending",
        "attempts": [
            {
                "at": "2026-02-13T09:00:00+00:00",
                "outcome": "retryable",
                "status": 503,
                "detail": "HTTP 503",
                "seconds": 0.2,
                "round": 0,
            }
        ],
        "next_at": "2026-02-13T09:00:05+00:00",
        "alert": {"id": "x"},
        "alert_time": "2026-02-13T09:00:00+00:00",
        "created_at": "2026-02-13T09:00:00+00:00",
        "redeliveries": 0,
    }
    current = Delivery.from_table(older)
    assert current is not None and current.attempts[0].outcome == "retrying"
    assert current.wait_seconds(NOW) == 5.0 and current.attempts_in_round() == 1
    with pytest.raises(ValidationError):
        Delivery.from_table({**older, "outcome": "lost"})


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "0.0.0.0",
        "::ffff:10.0.0.1",
        "fd00::1",
    ],
)
def test_private_addresses(address: str) -> None:
    assert is_private_address(address)


def test_url_checks() -> None:
    assert check_url("https://hooks.example.org/x", allowlist=NONE) is None
    assert "http(s)" in (check_url("ftp://example.org", allowlist=NONE) or "")
    assert "private" in (check_url("http://127.0.0.1:8090/h", allowlist=NONE) or "")
    assert "private" in (check_url("http://localhost/h", allowlist=NONE) or "")
    assert check_url("http://127.0.0.1:8090/h", allowlist=LOCAL) is None
    assert not is_private_address("93.184.216.34")


def test_credentials_never_shown() -> None:
    shown = display_url("https://user:s3cret@hooks.example.org:8443/p?token=abc#f")
    assert shown == "https://hooks.example.org:8443/p" and "s3cret" not in shown and "abc" not in shown
