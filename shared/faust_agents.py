"""How a Parley faust agent settles one event: done, dead-lettered or retried, never dropped.

faust acknowledges an event when the agent body raises (in its stream's `finally`), and a
crashed agent is restarted on the next message: the one it crashed on would count as done.
So agents iterate `stream.noack()` and acknowledge each event themselves once `settle` is done
with it, and nothing escapes `settle`:
- a transient error (`retrying.is_transient`) is retried in-process with a capped backoff, the
  event unacknowledged, so neither it nor anything after it on its partition is committed;
- a `PoisonMessage` is dead-lettered with its reason;
- any other error is dead-lettered as `processing_error`, with the exception.
A stop or rebalance that cancels the agent mid-event leaves the event unacknowledged: it is read
again by whichever worker owns the partition next.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import faust

from parley.shared.errors import PoisonMessage
from parley.shared.faust_app import send_dead_letter
from parley.shared.logging import get_logger
from parley.shared.metrics import MESSAGES_FAILED
from parley.shared.retrying import until_done

log = get_logger(__name__)


@dataclass(frozen=True)
class DeadLetters:
    """Where an agent's unusable messages go."""

    topic: faust.TopicT
    service: str
    namespace: str

    async def send(self, message: Any, *, reason: str, error: str, label: str) -> None:
        """Dead-letter `message` (a faust message or a record read directly), waiting out
        transient errors; `label` names the input in metrics."""
        MESSAGES_FAILED.labels(self.service, label, reason).inc()
        log.warning("message_deadlettered", reason=reason, error=error, topic=label, offset=message.offset)
        await until_done(
            "dead-lettering",
            lambda: send_dead_letter(
                self.topic,
                service=self.service,
                namespace=self.namespace,
                reason=reason,
                error=error,
                message=message,
            ),
            service=self.service,
        )


async def handle_safely(
    work: Callable[[], Awaitable[None]], message: Any, dead: DeadLetters, label: str
) -> None:
    """Run `work` for one input message until it succeeds or the message is dead-lettered."""
    try:
        await until_done(f"processing {label}", work, service=dead.service)
    except PoisonMessage as exc:
        await dead.send(message, reason=exc.reason, error=str(exc), label=label)
    except Exception as exc:
        log.exception("processing_failed", topic=label, offset=message.offset)
        error = f"{type(exc).__name__}: {exc}"[:500]
        await dead.send(message, reason="processing_error", error=error, label=label)


async def settle(
    stream: faust.StreamT,
    event: faust.EventT,
    work: Callable[[], Awaitable[None]],
    dead: DeadLetters,
    label: str,
) -> None:
    """`handle_safely`, then acknowledge the event (the stream must be a `noack()` one)."""
    await handle_safely(work, event.message, dead, label)
    await stream.ack(event)
