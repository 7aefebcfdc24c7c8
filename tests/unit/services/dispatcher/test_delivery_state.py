from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from parley.services.dispatcher.delivery_state import (
    after_attempt,
    attempt_record,
    attempts_in_round,
    is_final,
    new_entry,
    redeliver,
    wait_seconds,
)
from parley.shared.webhook_addresses import check_url, display_url, is_private_address

NOW = datetime(2026, 2, 13, 9, 0, tzinfo=UTC)


def attempt(outcome: str, round_: int = 0) -> dict[str, object]:
    return {**attempt_record(NOW, outcome, 503 if outcome == "retryable" else 200, "", 0.1), "round": round_}


def test_retry_then_deliver() -> None:
    entry = new_entry("t-1.r1", "ops", 3, {"id": "x"}, NOW, NOW)
    assert entry["outcome"] == "pending" and wait_seconds(entry, NOW) == 0
    entry = after_attempt(entry, attempt("retryable"), 5.0, NOW)
    assert entry["outcome"] == "pending" and wait_seconds(entry, NOW) == 5.0
    entry = after_attempt(entry, attempt("delivered"), None, NOW)
    assert is_final(entry) and entry["outcome"] == "delivered" and attempts_in_round(entry) == 2


def test_exhausted_and_rejected_are_final() -> None:
    entry = new_entry("t-1.r1", "ops", 0, {}, NOW, NOW)
    assert after_attempt(entry, attempt("retryable"), None, NOW)["outcome"] == "exhausted"
    assert after_attempt(entry, attempt("rejected"), 5.0, NOW)["outcome"] == "rejected"


def test_redeliver_restarts_the_schedule_and_keeps_history() -> None:
    entry = after_attempt(new_entry("t-1.r1", "ops", 0, {}, NOW, NOW), attempt("delivered"), None, NOW)
    again = redeliver(entry, entry, NOW + timedelta(hours=1))
    assert again["outcome"] == "pending" and again["redeliveries"] == 1
    assert len(again["attempts"]) == 1 and attempts_in_round(again) == 0


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
    assert check_url("https://hooks.example.org/x", allow_private=False) is None
    assert "http(s)" in (check_url("ftp://example.org", allow_private=False) or "")
    assert "private" in (check_url("http://127.0.0.1:8090/h", allow_private=False) or "")
    assert "private" in (check_url("http://localhost/h", allow_private=False) or "")
    assert check_url("http://127.0.0.1:8090/h", allow_private=True) is None
    assert not is_private_address("93.184.216.34")


def test_credentials_never_shown() -> None:
    shown = display_url("https://user:s3cret@hooks.example.org:8443/p?token=abc#f")
    assert shown == "https://hooks.example.org:8443/p" and "s3cret" not in shown and "abc" not in shown
