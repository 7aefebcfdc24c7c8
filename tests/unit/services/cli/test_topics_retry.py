"""`parley topics create|setup` wait out a broker that is not serving yet, within a bound."""

from __future__ import annotations

import time

import pytest
from typer.testing import CliRunner

from parley.services.cli.topics import app
from parley.shared.errors import KafkaUnavailable
from parley.shared.kafka import retry_kafka


def test_a_retryable_error_is_retried_until_the_action_succeeds() -> None:
    calls: list[float] = []

    def flaky() -> str:
        calls.append(time.monotonic())
        if len(calls) < 3:
            raise KafkaUnavailable("broker not ready")
        return "done"

    assert retry_kafka(flaky, 30, "test") == "done"
    assert len(calls) == 3


def test_any_other_error_is_raised_at_once() -> None:
    calls = 0

    def broken() -> None:
        nonlocal calls
        calls += 1
        raise RuntimeError("not authorised")

    with pytest.raises(RuntimeError):
        retry_kafka(broken, 30, "test")
    assert calls == 1


def test_the_last_retryable_error_is_raised_when_the_wait_is_over() -> None:
    calls = 0

    def down() -> None:
        nonlocal calls
        calls += 1
        raise KafkaUnavailable(f"attempt {calls}")

    with pytest.raises(KafkaUnavailable, match="attempt"):
        retry_kafka(down, 1.0, "test")
    assert calls >= 2


def keep_logging_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command configures logging onto the streams it runs with; under CliRunner those are
    buffers closed after the call, and every later test in the process would log into them."""
    import parley.shared.logging as logging_module

    monkeypatch.setattr(logging_module, "configure_logging", lambda *args, **kwargs: None)


def test_create_waits_out_a_broker_not_ready_and_reports_what_it_created(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import parley.shared.kafka as kafka

    attempts = 0

    def ensure_topics(settings: object, namespace: str) -> list[str]:
        nonlocal attempts
        attempts += 1
        if attempts < 3:
            raise KafkaUnavailable("listing topics: NodeNotReadyError")
        return [f"{namespace}.articles.raw"]

    monkeypatch.setattr(kafka, "ensure_topics", ensure_topics)
    keep_logging_as_it_is(monkeypatch)
    result = CliRunner().invoke(app, ["create", "--wait", "30"], env={"PARLEY_NAMESPACE": "young"})
    assert result.exit_code == 0, result.output
    assert attempts == 3
    assert "created 1 topic(s): young.articles.raw" in result.output


def test_create_gives_up_with_exit_3_and_the_reason_once_the_wait_is_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import parley.shared.kafka as kafka

    def ensure_topics(settings: object, namespace: str) -> list[str]:
        raise KafkaUnavailable("connecting admin client: Unable to bootstrap")

    monkeypatch.setattr(kafka, "ensure_topics", ensure_topics)
    keep_logging_as_it_is(monkeypatch)
    result = CliRunner().invoke(app, ["create", "--wait", "0"])
    assert result.exit_code == 3
    assert "parley topics: connecting admin client: Unable to bootstrap" in result.output
