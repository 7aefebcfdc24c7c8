"""Consumer lag per partition, and a background thread exporting it as a Prometheus gauge.

Lag of a partition = its end offset minus the group's committed offset. A partition the group
never committed counts from the beginning of the log (services reset to `earliest`). Only
Parley's own topics (`<ns>.<suffix>`) are reported, so the `topic` label stays a closed set;
faust's internal changelog and repartition topics are left out.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from parley.shared.errors import KafkaUnavailable
from parley.shared.kafka import client_config, kafka_errors, make_admin
from parley.shared.logging import get_logger
from parley.shared.metrics import CONSUMER_LAG, KAFKA_UP, topic_label
from parley.shared.settings import ParleySettings
from parley.shared.topics import ALERTS, ARTICLES_ENRICHED, ARTICLES_RAW, TALKS, Names, TopicSpec

EXPORT_INTERVAL_S = 15.0
log = get_logger(__name__)

# The topics each consuming service reads (its consumer group is `<ns>-<service>`).
INPUT_TOPICS: dict[str, tuple[TopicSpec, ...]] = {
    "enrichment": (ARTICLES_RAW,),
    "indexer": (ARTICLES_ENRICHED, TALKS),
    "alerting": (ARTICLES_ENRICHED,),
    "dispatcher": (ALERTS,),
}


@dataclass(frozen=True)
class PartitionLag:
    topic: str
    partition: int
    committed: int | None  # None: the group never committed on this partition
    start: int  # first offset still in the log
    end: int  # offset the next message will get

    @property
    def lag(self) -> int:
        position = self.start if self.committed is None else max(self.committed, self.start)
        return max(0, self.end - position)


class LagReader:
    """Reads committed and end offsets of one consumer group; keep one per process and reuse it."""

    def __init__(self, settings: ParleySettings, group: str, client_id: str = "parley-lag") -> None:
        self.settings = settings
        self.group = group
        self.client_id = client_id
        self._admin: KafkaAdminClient | None = None
        self._consumer: KafkaConsumer | None = None

    def _clients(self) -> tuple[KafkaAdminClient, KafkaConsumer]:
        if self._admin is None or self._consumer is None:
            config = client_config(self.settings.kafka, self.client_id)
            self.close()  # (a half-built pair from a failed round: no client is left behind)
            self._admin = make_admin(self.settings.kafka, self.client_id, request_timeout_ms=10_000)
            with kafka_errors("connecting lag reader"):
                self._consumer = KafkaConsumer(**config, group_id=None, enable_auto_commit=False)
        return self._admin, self._consumer

    def committed(self) -> dict[TopicPartition, int]:
        admin, _ = self._clients()
        with kafka_errors(f"reading offsets of group {self.group}"):
            if hasattr(admin, "list_group_offsets"):  # kafka-python 3
                offsets: dict[Any, Any] = admin.list_group_offsets({self.group: None}).get(self.group, {})
            else:  # kafka-python 2
                offsets = admin.list_consumer_group_offsets(self.group)
        return {tp: int(meta.offset) for tp, meta in offsets.items() if meta.offset is not None}

    def partitions(self, topics: Iterable[str]) -> list[TopicPartition]:
        _, consumer = self._clients()
        found: list[TopicPartition] = []
        with kafka_errors("reading partitions"):
            for topic in topics:
                for partition in sorted(consumer.partitions_for_topic(topic) or ()):
                    found.append(TopicPartition(topic, partition))
        return found

    def read(self, topics: Iterable[str] = ()) -> list[PartitionLag]:
        """Lag of every partition the group committed on, plus every partition of `topics`."""
        _, consumer = self._clients()
        committed = {tp: off for tp, off in self.committed().items() if off >= 0}
        wanted = set(committed) | set(self.partitions(topics))
        if not wanted:
            return []
        partitions = sorted(wanted)
        with kafka_errors("reading log offsets"):
            starts = consumer.beginning_offsets(partitions)
            ends = consumer.end_offsets(partitions)
        return sorted(
            (
                PartitionLag(
                    tp.topic, tp.partition, committed.get(tp), int(starts.get(tp) or 0), int(ends[tp])
                )
                for tp in partitions
                if ends.get(tp) is not None
            ),
            key=lambda p: (p.topic, p.partition),
        )

    def close(self) -> None:
        for client in (self._consumer, self._admin):
            if client is not None:
                with contextlib.suppress(KafkaError, OSError):
                    client.close()
        self._admin = self._consumer = None


def consumer_lag(settings: ParleySettings, service: str) -> list[PartitionLag]:
    """One-off lag of a service's consumer group on the namespace's topics (for tools and tests)."""
    names = Names(settings.namespace)
    reader = LagReader(settings, names.group(service))
    try:
        topics = [spec.name(settings.namespace) for spec in INPUT_TOPICS.get(service, ())]
        return [p for p in reader.read(topics) if p.topic.startswith(settings.namespace + ".")]
    finally:
        reader.close()


class LagExporter:
    """Sets `parley_consumer_lag_messages{service,topic,partition}` every `interval_s` seconds.

    Runs in a daemon thread; Kafka being away only skips a round (the lag gauge keeps its last
    value) and sets `parley_kafka_up{service}` to 0, which `ParleyKafkaUnreachable` alerts on.
    """

    def __init__(
        self,
        settings: ParleySettings,
        service: str,
        interval_s: float = EXPORT_INTERVAL_S,
        group: str | None = None,
        on_round: Callable[[list[PartitionLag]], None] | None = None,
        on_failure: Callable[[], None] | None = None,
    ) -> None:
        """`group` defaults to the service's consumer group, `<ns>-<service>`. `on_round` is given
        each round's lags, `on_failure` told of a round that could not read them."""
        self.settings = settings
        self.service = service
        self.interval_s = interval_s
        self.namespace = settings.namespace
        self.group = group or Names(settings.namespace).group(service)
        self._reader = LagReader(settings, self.group, f"{service}-lag")
        self._topics = [spec.name(self.namespace) for spec in INPUT_TOPICS.get(service, ())]
        self._on_round = on_round
        self._on_failure = on_failure
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"{service}-lag", daemon=True)

    def export_once(self) -> list[PartitionLag]:
        """Sets the gauge for Parley's own topics; returns every partition read (faust's internal
        topics too, for `on_round`)."""
        read = self._reader.read(self._topics)
        lags = [p for p in read if p.topic.startswith(self.namespace + ".")]
        for p in lags:
            CONSUMER_LAG.labels(self.service, topic_label(p.topic, self.namespace), str(p.partition)).set(
                p.lag
            )
        return read

    def export_round(self) -> bool:
        """One round: lag exported and `parley_kafka_up` set; never raises. True if Kafka answered."""
        try:
            lags = self.export_once()
        except (KafkaUnavailable, KafkaError, OSError) as exc:
            log.warning("consumer_lag_unavailable", error=str(exc)[:300])
            self._reader.close()  # reconnect on the next round
            KAFKA_UP.labels(self.service).set(0)
            self._tell(self._on_failure)
            return False
        except Exception:  # lag reporting must never stop the service
            log.exception("consumer_lag_failed")
            self._reader.close()
            self._tell(self._on_failure)
            return False
        KAFKA_UP.labels(self.service).set(1)
        self._tell(self._on_round, lags)
        return True

    @staticmethod
    def _tell(callback: Callable[..., None] | None, *args: object) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:  # a listener's failure must not stop lag reporting either
            log.exception("consumer_lag_listener_failed")

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.export_round()
            self._stop.wait(self.interval_s)

    def start(self) -> LagExporter:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._reader.close()
