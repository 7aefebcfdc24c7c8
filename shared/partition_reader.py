"""Reading a range of offsets of one partition directly, outside any consumer group.

A stream processor uses it to fetch records its group consumer skipped: the reader has no
group, commits nothing and never affects anybody's position.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from kafka import KafkaConsumer, TopicPartition

from parley.shared.kafka import MAX_REQUEST_BYTES, client_config, kafka_errors
from parley.shared.settings import KafkaSettings


@dataclass(frozen=True)
class Record:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


class PartitionReader:
    """Blocking reads on a private kafka-python consumer; the async methods run them in a thread."""

    def __init__(self, settings: KafkaSettings, topic: str, client_id: str, timeout_s: float = 30.0) -> None:
        self.settings = settings
        self.topic = topic
        self.client_id = client_id
        self.timeout_s = timeout_s
        self._consumer: KafkaConsumer | None = None
        self._lock = threading.Lock()

    def _client(self) -> KafkaConsumer:
        if self._consumer is None:
            with kafka_errors("connecting partition reader"):
                self._consumer = KafkaConsumer(
                    **client_config(self.settings, self.client_id),
                    group_id=None,
                    enable_auto_commit=False,
                    max_partition_fetch_bytes=MAX_REQUEST_BYTES,
                    fetch_max_bytes=4 * MAX_REQUEST_BYTES,
                )
        return self._consumer

    def bounds_sync(self, partition: int) -> tuple[int, int]:
        """(first offset still stored, next offset to be written)."""
        tp = TopicPartition(self.topic, partition)
        with self._lock, kafka_errors("reading partition bounds"):
            consumer = self._client()
            return consumer.beginning_offsets([tp])[tp], consumer.end_offsets([tp])[tp]

    def read_sync(self, partition: int, start: int, stop: int) -> list[Record]:
        """Records with `start <= offset < stop` (those still stored), in offset order."""
        tp = TopicPartition(self.topic, partition)
        out: list[Record] = []
        with self._lock, kafka_errors("reading a partition range"):
            consumer = self._client()
            begin = consumer.beginning_offsets([tp])[tp]
            start = max(start, begin)
            if start >= stop:
                return out
            consumer.assign([tp])
            consumer.seek(tp, start)
            while consumer.position(tp) < stop:
                batch = consumer.poll(timeout_ms=int(self.timeout_s * 1000)).get(tp, [])
                if not batch:
                    break  # nothing more can be read now: return what was read
                out.extend(
                    Record(r.topic, r.partition, r.offset, r.key, r.value) for r in batch if r.offset < stop
                )
            consumer.assign([])
        return out

    async def bounds(self, partition: int) -> tuple[int, int]:
        return await asyncio.to_thread(self.bounds_sync, partition)

    async def read(self, partition: int, start: int, stop: int) -> list[Record]:
        return await asyncio.to_thread(self.read_sync, partition, start, stop)

    def close(self) -> None:
        with self._lock:
            if self._consumer is not None:
                self._consumer.close()
                self._consumer = None
