"""Logged exceptions: JSON lines carry the traceback, and no format ever shows local variables."""

from __future__ import annotations

import json
import logging
import socket
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


FEED = "https://reader:hunter2-pw@feeds.example.org/rss?api_key=K3Y-SECRET&page=2"
MASKED = "https://***@feeds.example.org/rss?api_key=***&page=2"


def _fetch() -> None:
    raise ConnectionError(f"GET {FEED} failed")


@pytest.mark.parametrize("fmt", ["json", "console"])
def test_url_credentials_are_masked_in_every_value_and_traceback(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("ingest", fmt=fmt)
    log = get_logger("test")
    log.warning(f"fetch of {FEED} failed", url=FEED, error=ConnectionError(FEED), urls=[FEED], n=3)
    try:
        _fetch()
    except ConnectionError:
        log.exception("feed_poll_failed", feed="un")
    # Cut at 1 KB after the mask, never through the middle of a password.
    log.warning("feed_poll_failed", reason="x" * 1000 + FEED)
    out = capsys.readouterr().out
    assert "hunter2" not in out and "K3Y-SECRET" not in out and "hunter" not in out
    assert MASKED in out and "_fetch" in out
    if fmt == "json":
        first, second, third = (json.loads(line) for line in out.strip().splitlines()[-3:])
        assert first["url"] == MASKED and first["urls"] == [MASKED] and first["n"] == 3
        assert first["error"] == f"ConnectionError: {MASKED}"
        assert second["exception"].endswith(f"ConnectionError: GET {MASKED} failed")
        assert third["reason"].startswith("x" * 1000) and len(third["reason"]) == 1025


def _transport_errors(caplog: pytest.LogCaptureFixture, close_first: bool) -> list[logging.LogRecord]:
    """Drive kafka-python's own read path on a socket pair and return what it logged."""
    from kafka.net.selector import NetworkSelector
    from kafka.net.transport import KafkaTCPTransport

    ours, theirs = socket.socketpair()
    transport = KafkaTCPTransport(NetworkSelector(), ours)
    try:
        if close_first:
            transport.close()  # the client closes it: `_sock` becomes None, as at shutdown
        else:
            ours.close()  # the socket dies under an open transport: a real fault
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="parley-test-root"):
            transport._sock_recv()
        return [r for r in caplog.records if r.name == "kafka.net.transport" and r.levelno >= logging.WARNING]
    finally:
        theirs.close()


def test_a_read_on_a_socket_the_client_closed_is_not_an_error(caplog: pytest.LogCaptureFixture) -> None:
    configure_logging("test")
    assert _transport_errors(caplog, close_first=True) == []


def test_other_transport_errors_keep_their_traceback(caplog: pytest.LogCaptureFixture) -> None:
    configure_logging("test")
    errors = _transport_errors(caplog, close_first=False)
    assert len(errors) == 1 and errors[0].exc_info is not None


def _selector_errors(caplog: pytest.LogCaptureFixture, task: str) -> list[logging.LogRecord]:
    """Run one of kafka-python's own tasks on its selector and return what the selector logged."""
    from kafka.net.selector import NetworkSelector
    from kafka.net.transport import KafkaTCPTransport

    net = NetworkSelector()
    ours, theirs = socket.socketpair()
    try:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="parley-test-root"):
            if task == "read on a closed socket":
                transport = KafkaTCPTransport(net, ours)
                transport.resume_reading()  # the read task is scheduled...
                ours.close()  # ...and the socket closes under it (fd -1), as when a connection is lost
            elif task == "data after the client's own close":
                transport = KafkaTCPTransport(net, ours)
                transport.resume_reading()
                theirs.sendall(b"late bytes")  # data is waiting...
                transport._protocol = None  # ...when the client's close has detached the protocol
            else:

                async def broken() -> None:
                    raise RuntimeError("a real bug in a task")

                net.call_soon(broken)
            for _ in range(3):
                net.poll(timeout_ms=10)
        return [r for r in caplog.records if r.name == "kafka.net.selector" and r.levelno >= logging.WARNING]
    finally:
        ours.close()
        theirs.close()


def test_a_read_task_meeting_a_closed_socket_is_one_warning_line(caplog: pytest.LogCaptureFixture) -> None:
    configure_logging("test")
    records = _selector_errors(caplog, "read on a closed socket")
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING and records[0].exc_info is None
    assert "socket already closed" in records[0].getMessage()


def test_data_read_after_the_clients_own_close_is_one_warning_line(caplog: pytest.LogCaptureFixture) -> None:
    configure_logging("test")
    records = _selector_errors(caplog, "data after the client's own close")
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING and records[0].exc_info is None


def test_other_unhandled_task_errors_keep_their_traceback(caplog: pytest.LogCaptureFixture) -> None:
    configure_logging("test")
    records = _selector_errors(caplog, "a bug")
    assert len(records) == 1 and records[0].levelno == logging.ERROR and records[0].exc_info is not None
