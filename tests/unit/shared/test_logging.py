"""Logged exceptions: JSON lines carry the traceback, and no format ever shows local variables."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import structlog

from parley.shared.logging import configure_logging, get_logger

SECRET = "whsec_bG9jYWwtdmFyaWFibGUtc2VjcmV0LTI0"


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


def _fail_with_a_secret_in_scope() -> None:
    signing_key = SECRET
    size = len(signing_key)
    raise ValueError(f"signing failed ({size} characters)")


def _log_failure() -> None:
    try:
        _fail_with_a_secret_in_scope()
    except ValueError:
        get_logger("test").exception("delivery_task_failed", alert_id="a-1")


def test_json_lines_carry_the_formatted_exception(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("dispatcher", fmt="json")
    _log_failure()
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["event"] == "delivery_task_failed" and line["service"] == "dispatcher"
    assert "exc_info" not in line
    assert line["exception"].startswith("Traceback (most recent call last):")
    assert "_fail_with_a_secret_in_scope" in line["exception"]
    assert line["exception"].endswith("ValueError: signing failed (38 characters)")
    assert SECRET not in line["exception"]


def test_console_tracebacks_never_show_local_variables(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("dispatcher", fmt="console")
    _log_failure()
    out = capsys.readouterr().out
    assert SECRET not in out and "signing_key" not in out
    assert "delivery_task_failed" in out and "ValueError: signing failed (38 characters)" in out
