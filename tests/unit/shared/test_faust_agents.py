"""How an agent settles one event: retried, dead-lettered, acknowledged, or left for a re-read."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import aiokafka.errors
import pytest
from faust.exceptions import PartitionsMismatch

from parley.shared.errors import ElasticsearchUnavailable, InvalidEvent, KafkaUnavailable
from parley.shared.faust_agents import DeadLetters, settle
from parley.shared.retrying import is_transient


@dataclass
class Message:
    offset: int = 7


@dataclass
class Event:
    message: Message = field(default_factory=Message)


@dataclass
class Stream:
    acked: list[Event] = field(default_factory=list)

    async def ack(self, event: Event) -> bool:
        self.acked.append(event)
        return True


class RecordingDeadLetters(DeadLetters):
    def __init__(self) -> None:
        super().__init__(topic=None, service="test", namespace="t")  # type: ignore[arg-type]
        object.__setattr__(self, "sent", [])

    async def send(self, message: Any, *, reason: str, error: str, label: str) -> None:
        self.sent.append((message.offset, reason, error))  # type: ignore[attr-defined]


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_a_transient_error_is_retried_until_it_passes_and_only_then_acknowledged() -> None:
    attempts: list[int] = []

    async def work() -> None:
        attempts.append(1)
        if len(attempts) < 3:
            raise KafkaUnavailable("broker restarting")

    stream, event, dead = Stream(), Event(), RecordingDeadLetters()
    run(settle(stream, event, work, dead, "articles.raw"))  # type: ignore[arg-type]
    assert len(attempts) == 3
    assert stream.acked == [event]
    assert dead.sent == []  # type: ignore[attr-defined]


def test_a_poison_message_is_dead_lettered_with_its_reason_then_acknowledged() -> None:
    async def work() -> None:
        raise InvalidEvent("field 'published' is missing")

    stream, event, dead = Stream(), Event(), RecordingDeadLetters()
    run(settle(stream, event, work, dead, "reports"))  # type: ignore[arg-type]
    assert dead.sent == [(7, "invalid", "field 'published' is missing")]  # type: ignore[attr-defined]
    assert stream.acked == [event]


def test_a_bug_is_dead_lettered_as_a_processing_error_and_the_stream_goes_on() -> None:
    async def work() -> None:
        raise ZeroDivisionError("division by zero")

    stream, event, dead = Stream(), Event(), RecordingDeadLetters()
    run(settle(stream, event, work, dead, "alerts"))  # type: ignore[arg-type]
    assert dead.sent == [(7, "processing_error", "ZeroDivisionError: division by zero")]  # type: ignore[attr-defined]
    assert stream.acked == [event]


def test_an_event_cancelled_mid_way_is_not_acknowledged() -> None:
    started = asyncio.Event()

    async def work() -> None:
        started.set()
        await asyncio.sleep(3600)

    async def scenario() -> Stream:
        stream = Stream()
        task = asyncio.create_task(settle(stream, Event(), work, RecordingDeadLetters(), "alerts"))  # type: ignore[arg-type]
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return stream

    assert run(scenario()).acked == []


@pytest.mark.parametrize(
    "error",
    [
        KafkaUnavailable("down"),
        ElasticsearchUnavailable("down"),
        PartitionsMismatch("changelog has 0 partitions"),
        aiokafka.errors.KafkaConnectionError("refused"),
        aiokafka.errors.KafkaTimeoutError(),
        aiokafka.errors.NotLeaderForPartitionError(),
        ConnectionResetError(),
        TimeoutError(),
    ],
)
def test_errors_that_go_away_by_themselves_are_transient(error: Exception) -> None:
    assert is_transient(error)


@pytest.mark.parametrize(
    "error",
    [
        InvalidEvent("bad"),
        ValueError("bad"),
        aiokafka.errors.MessageSizeTooLargeError(),
        aiokafka.errors.TopicAuthorizationFailedError(),
    ],
)
def test_errors_that_stay_are_not_transient(error: Exception) -> None:
    assert not is_transient(error)
