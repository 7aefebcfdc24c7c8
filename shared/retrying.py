"""Which errors go away by themselves, and waiting them out.

A transient error (Kafka, Elasticsearch or a webhook receiver unavailable; metadata not caught
up) is retried in-process with a capped exponential backoff: the work in hand is neither given
up nor acknowledged. Any other error is returned to the caller, which dead-letters it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import aiokafka.errors
import kafka.errors
from faust.exceptions import PartitionsMismatch
from tenacity import AsyncRetrying, retry_if_exception, wait_exponential_jitter

from parley.shared.errors import RetryableError
from parley.shared.logging import get_logger
from parley.shared.metrics import RETRIES

T = TypeVar("T")
log = get_logger(__name__)

_TRANSIENT_KAFKA = (
    aiokafka.errors.KafkaTimeoutError,
    aiokafka.errors.KafkaConnectionError,
    aiokafka.errors.NotEnoughReplicasError,
    aiokafka.errors.NotEnoughReplicasAfterAppendError,
)


def is_transient(exc: BaseException) -> bool:
    """True for errors that a later attempt can get past without anything being changed."""
    if isinstance(exc, RetryableError | PartitionsMismatch | ConnectionError | TimeoutError):
        return True
    if isinstance(exc, _TRANSIENT_KAFKA):
        return True
    if isinstance(exc, aiokafka.errors.KafkaError | kafka.errors.KafkaError):
        return bool(getattr(exc, "retriable", False))
    return False


# Work of this process now waiting on something other than its input: a call of `until_done`
# retrying a transient failure, or a state being loaded (`waiting`).
_retrying = [0]


def waiting_now() -> bool:
    """True while some work of this process waits on a dependency (read from any thread: a
    worker waiting on a dependency is not wedged)."""
    return _retrying[0] > 0


@contextlib.contextmanager
def waiting() -> Iterator[None]:
    """Marks work that waits on a dependency for as long as it takes (a state read in whole
    before the first event can be handled), like a retry."""
    _retrying[0] += 1
    try:
        yield
    finally:
        _retrying[0] -= 1


async def until_done(
    action: str,
    work: Callable[..., Awaitable[T]],
    *args: Any,
    service: str = "",
    max_wait_s: float = 30.0,
) -> T:
    """`await work(*args)`, retried for as long as it fails with a transient error (waits grow
    to `max_wait_s`); any other error is raised at once."""

    failed = False

    def before_sleep(state: Any) -> None:
        nonlocal failed
        if not failed:
            failed = True
            _retrying[0] += 1
        error = state.outcome.exception() if state.outcome else None
        RETRIES.labels(service or "?", type(error).__name__).inc()
        log.warning(
            "dependency_unavailable",
            action=action,
            attempt=state.attempt_number,
            error=f"{type(error).__name__}: {error}"[:300],
        )

    retrying = AsyncRetrying(
        retry=retry_if_exception(is_transient),
        wait=wait_exponential_jitter(initial=0.5, max=max_wait_s),
        before_sleep=before_sleep,
        reraise=True,
    )
    try:
        async for attempt in retrying:
            with attempt:
                return await work(*args)
    finally:
        if failed:
            _retrying[0] -= 1
    raise AssertionError("unreachable: AsyncRetrying either returns or raises")
