"""One error tree for every service.

    ParleyError
      ConfigError        refuse to start; names every bad key or line
      InputError         bad user input: CLI exit 1 / HTTP 4xx with the reason
        MessageRejected      Kafka refuses this message for good (too large, invalid): never retried
      PoisonMessage      a message no service can use: dead-letter it, commit, go on
        UndecodableMessage   not JSON / not a CloudEvent / not UTF-8
        InvalidEvent         a known type whose data fails validation
        UnsupportedEvent     an unknown type or a version newer than this code
      RetryableError     a dependency is down or overloaded: back off, do not commit
        KafkaUnavailable, ElasticsearchUnavailable, WebhookRetryable
      DeliveryRejected   a webhook receiver refused the alert for good (4xx but 408/429)

Library exceptions are mapped into this tree only at the client boundaries
(`shared.kafka`, `shared.elasticsearch`, the webhook delivery module).
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base of every error Parley raises on purpose."""


class ConfigError(ParleyError):
    """Settings or a configuration file are wrong; the service must not start."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid configuration: " + "; ".join(problems))


class InputError(ParleyError):
    """User input that cannot be accepted; the message is shown to the user."""


class MessageRejected(InputError):
    """Kafka will never accept this message (MessageSizeTooLarge and the like): retrying can't help.

    `index` is the position of the refused message in the batch being sent, when known;
    `published` the keys of the batch's other messages that Kafka did acknowledge.
    """

    def __init__(
        self,
        message: str,
        index: int | None = None,
        too_large: bool = False,
        published: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(message)
        self.index = index
        self.too_large = too_large
        self.published = published


class PoisonMessage(ParleyError):
    """A message that can never be processed; it goes to the dead-letter topic."""

    reason = "poison"


class UndecodableMessage(PoisonMessage):
    reason = "undecodable"


class InvalidEvent(PoisonMessage):
    reason = "invalid"


class UnsupportedEvent(PoisonMessage):
    reason = "unsupported"


class RetryableError(ParleyError):
    """A dependency is unavailable; retry later without committing progress."""


class KafkaUnavailable(RetryableError):
    pass


class ElasticsearchUnavailable(RetryableError):
    pass


class WebhookRetryable(RetryableError):
    """A webhook attempt that may succeed later: a 5xx, 408 or 429 answer (`status`), or no answer."""

    def __init__(self, message: str, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class DeliveryRejected(ParleyError):
    """A webhook receiver answered with a non-retryable 4xx."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
