"""Kafka clients built from settings (kafka-python for plain services, credentials for faust).

kafka-python's exceptions are mapped to Parley's error tree here and nowhere else.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import (
    InvalidRecordError,
    InvalidTimestampError,
    KafkaError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    TopicAlreadyExistsError,
    UnsupportedForMessageFormatError,
)

from parley.shared.errors import KafkaUnavailable, MessageRejected
from parley.shared.settings import KafkaSettings
from parley.shared.topics import ALL_TOPICS, TopicSpec

T = TypeVar("T")

MAX_REQUEST_BYTES = 4 * 1024 * 1024
# How old a client's view of topics and partitions may get (kafka-python's, aiokafka's and so
# faust's default is 5 minutes). A topic missing from a client's metadata, say created moments
# before its first metadata request, is only seen at the next refresh: until then a faust worker
# gets no partitions of it and its agents crash on writes to a table whose changelog looks
# partition-less. A refresh is one small request; a 5-minute blind spot stalls a pipeline.
METADATA_MAX_AGE_MS = 10_000


def client_config(settings: KafkaSettings, client_id: str) -> dict[str, Any]:
    """Connection and security options common to producers, consumers and the admin client."""
    config: dict[str, Any] = {
        "bootstrap_servers": settings.hosts,
        "client_id": client_id,
        "security_protocol": settings.security_protocol,
        "metadata_max_age_ms": METADATA_MAX_AGE_MS,
    }
    if settings.sasl_mechanism:
        config["sasl_mechanism"] = settings.sasl_mechanism
        config["sasl_plain_username"] = settings.sasl_username
        config["sasl_plain_password"] = (
            settings.sasl_password.get_secret_value() if settings.sasl_password else None
        )
    if settings.ssl_cafile:
        config["ssl_cafile"] = str(settings.ssl_cafile)
    if settings.ssl_certfile:
        config["ssl_certfile"] = str(settings.ssl_certfile)
    if settings.ssl_keyfile:
        config["ssl_keyfile"] = str(settings.ssl_keyfile)
    return config


@contextlib.contextmanager
def kafka_errors(action: str) -> Iterator[None]:
    """Map kafka-python errors into KafkaUnavailable (retryable)."""
    try:
        yield
    except KafkaError as exc:
        raise KafkaUnavailable(f"{action}: {type(exc).__name__}: {exc}") from exc


# Produce errors that are the message's own fault: the same message fails the same way for ever.
_TOO_LARGE = (MessageSizeTooLargeError, RecordListTooLargeError)
_REFUSED = (*_TOO_LARGE, InvalidRecordError, InvalidTimestampError, UnsupportedForMessageFormatError)


def is_message_rejection(exc: BaseException) -> bool:
    """True for a produce error that retrying the same message can never fix."""
    return isinstance(exc, _REFUSED)


@contextlib.contextmanager
def produce_errors(action: str, index: int | None = None) -> Iterator[None]:
    """Like kafka_errors, but a message Kafka refuses for good is a MessageRejected (permanent),
    never a KafkaUnavailable: a 503 or exit 3 would have the sender retry it for ever."""
    try:
        yield
    except KafkaError as exc:
        if is_message_rejection(exc):
            too_large = isinstance(exc, _TOO_LARGE)
            what = "over the Kafka message cap" if too_large else "refused by Kafka"
            raise MessageRejected(f"{action}: {what}: {type(exc).__name__}", index, too_large) from exc
        raise KafkaUnavailable(f"{action}: {type(exc).__name__}: {exc}") from exc


def make_producer(settings: KafkaSettings, client_id: str, **overrides: Any) -> KafkaProducer:
    """An idempotent producer that waits for all in-sync replicas."""
    config = {
        **client_config(settings, client_id),
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        "retries": 2**31 - 1,
        "max_in_flight_requests_per_connection": 5,
        "max_request_size": MAX_REQUEST_BYTES,
        "compression_type": "gzip",
        **overrides,
    }
    with kafka_errors("connecting producer"):
        return KafkaProducer(**config)


def make_consumer(settings: KafkaSettings, client_id: str, group_id: str, **overrides: Any) -> KafkaConsumer:
    """A group consumer that never commits by itself: callers commit after their work is done."""
    config = {
        **client_config(settings, client_id),
        "group_id": group_id,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        # A crashed member's partitions move to the others after 10 s.
        "session_timeout_ms": 10_000,
        "heartbeat_interval_ms": 3_000,
        "max_partition_fetch_bytes": MAX_REQUEST_BYTES,
        "fetch_max_bytes": 4 * MAX_REQUEST_BYTES,
        **overrides,
    }
    with kafka_errors("connecting consumer"):
        return KafkaConsumer(**config)


def make_admin(settings: KafkaSettings, client_id: str, **overrides: Any) -> KafkaAdminClient:
    """An admin client; KafkaUnavailable when the cluster cannot be reached.

    kafka-python 3 starts a client's I/O thread before it bootstraps and leaves the thread running when
    bootstrap fails, so the half-built client is stopped here: callers that retry (start-up waits,
    health probes, the lag exporter) would otherwise leak a thread per attempt."""
    admin = KafkaAdminClient.__new__(KafkaAdminClient)
    try:
        with kafka_errors("connecting admin client"):
            admin.__init__(**client_config(settings, client_id), **overrides)
    except BaseException:
        for stop in (
            getattr(getattr(admin, "_client", None), "close", None),
            getattr(getattr(admin, "_net", None), "stop", None),
        ):
            if stop is not None:
                with contextlib.suppress(Exception):
                    stop()
        raise
    return admin


def ensure_topics(
    settings: KafkaSettings, namespace: str, specs: tuple[TopicSpec, ...] = ALL_TOPICS
) -> list[str]:
    """Create any missing topic of the namespace; return the names created. Safe to repeat."""
    admin = make_admin(settings, f"{namespace}-topics")
    try:
        with kafka_errors("listing topics"):
            existing = set(admin.list_topics())
        wanted = [
            NewTopic(
                name=spec.name(namespace),
                num_partitions=spec.partitions,
                replication_factor=settings.replication_factor,
                topic_configs=dict(spec.config),
            )
            for spec in specs
            if spec.name(namespace) not in existing
        ]
        created: list[str] = []
        for topic in wanted:
            try:
                with kafka_errors(f"creating topic {topic.name}"):
                    admin.create_topics([topic])
                created.append(topic.name)
            except KafkaUnavailable as exc:
                if not isinstance(exc.__cause__, TopicAlreadyExistsError):
                    raise
        return created
    finally:
        admin.close()


def faust_broker_url(settings: KafkaSettings) -> str:
    return ";".join(f"kafka://{host}" for host in settings.hosts)


def faust_credentials(settings: KafkaSettings) -> Any:
    """faust's credentials object for the configured security protocol (None for PLAINTEXT)."""
    import faust

    context = None
    if settings.security_protocol in ("SSL", "SASL_SSL"):
        context = ssl.create_default_context(cafile=str(settings.ssl_cafile) if settings.ssl_cafile else None)
        if settings.ssl_certfile:
            context.load_cert_chain(str(settings.ssl_certfile), str(settings.ssl_keyfile or "") or None)
    if settings.sasl_mechanism:
        password = settings.sasl_password.get_secret_value() if settings.sasl_password else ""
        return faust.SASLCredentials(
            username=settings.sasl_username or "",
            password=password,
            mechanism=settings.sasl_mechanism,
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


class BrokerProbe:
    """Answers "does a metadata request to the cluster succeed?" for readiness checks.

    One admin client is built on first use and kept: kafka-python 3 gives each client its own I/O
    thread, and building and closing one per probe (every few seconds under a health check) raced
    the close against that thread's reads of a socket just closed, an error the library logs with a
    traceback. A kept client reconnects by itself after a broker restart; one whose request fails is
    closed and built again on the next call. Thread-safe: a probe that finds another still waiting on
    the cluster answers False at once. `close()` at shutdown.
    """

    def __init__(
        self, settings: KafkaSettings, timeout_s: float = 2.0, client_id: str = "parley-probe"
    ) -> None:
        self.settings = settings
        self.timeout_s = timeout_s
        self.client_id = client_id
        self._admin: KafkaAdminClient | None = None
        self._lock = threading.Lock()
        self._closed = False

    def __call__(self) -> bool:
        if not self._lock.acquire(timeout=self.timeout_s):
            return False  # another probe is still waiting on the cluster: not ready, as far as we know
        try:
            if self._closed:
                return False
            if self._admin is None:
                try:
                    self._admin = make_admin(
                        self.settings,
                        self.client_id,
                        request_timeout_ms=int(self.timeout_s * 1000),
                        bootstrap_timeout_ms=int(self.timeout_s * 1000),  # (30 s by default)
                    )
                except (KafkaUnavailable, OSError, ValueError, RuntimeError):
                    return False  # the broker is not up yet: build again next time
            try:
                self._admin.list_topics()
                return True
            except Exception:  # (a client whose I/O thread died raises RuntimeError from then on)
                admin, self._admin = self._admin, None
                _close_quietly(admin)
                return False
        finally:
            self._lock.release()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            admin, self._admin = self._admin, None
        if admin is not None:
            _close_quietly(admin)


def _close_quietly(admin: KafkaAdminClient) -> None:
    with contextlib.suppress(Exception):  # closing a broken client must not break the caller
        admin.close()


def broker_reachable(settings: KafkaSettings, timeout_s: float = 2.0) -> bool:
    """One-off probe (for tools): True when a metadata request to the cluster succeeds. A service
    answering health checks keeps a `BrokerProbe` instead."""
    probe = BrokerProbe(settings, timeout_s)
    try:
        return probe()
    finally:
        probe.close()


def retry_kafka(action: Callable[[], T], max_wait_s: float | None = None, what: str = "") -> T:
    """Run `action`, retrying it while Kafka is unavailable (capped exponential backoff, one
    `kafka_unavailable` warning per retry) for up to `max_wait_s` seconds (None: for ever); then the
    last KafkaUnavailable is raised. Any other error is raised at once."""
    from tenacity import (
        RetryCallState,
        Retrying,
        retry_if_exception_type,
        stop_after_delay,
        stop_never,
        wait_exponential,
    )

    from parley.shared.logging import get_logger

    log = get_logger(__name__)

    def note(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome is not None else None
        sleep = state.next_action.sleep if state.next_action is not None else 0.0
        log.warning("kafka_unavailable", action=what, error=str(error)[:300], retry_in_s=round(sleep, 1))

    for attempt in Retrying(
        retry=retry_if_exception_type(KafkaUnavailable),
        stop=stop_never if max_wait_s is None else stop_after_delay(max_wait_s),
        wait=wait_exponential(multiplier=0.5, max=5.0),
        before_sleep=note,
        reraise=True,
    ):
        with attempt:
            return action()
    raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover


def wait_for_kafka(settings: KafkaSettings, namespace: str, max_wait_s: float | None = None) -> None:
    """Block until the cluster answers and the namespace's topics exist (ensured on the way)."""
    retry_kafka(lambda: ensure_topics(settings, namespace), max_wait_s, "ensuring topics")
