"""Every Kafka client of Parley refreshes its metadata within seconds, not the libraries' 5 minutes.

A topic missing from a client's metadata is seen only at its next refresh; until then a faust
worker gets none of its partitions and its agents fail on table writes. The clients are built
here as the services build them, without connecting.
"""

from __future__ import annotations

import asyncio

from parley.shared.faust_app import make_app
from parley.shared.kafka import METADATA_MAX_AGE_MS, client_config
from parley.shared.settings import ParleySettings


def test_the_refresh_interval_is_seconds() -> None:
    assert 1_000 <= METADATA_MAX_AGE_MS <= 30_000


def test_faust_workers_consumer_and_producer_refresh_at_that_interval() -> None:
    async def ages() -> tuple[int, int]:
        app = make_app(ParleySettings(namespace="probe"), "probe")
        consumer = app.consumer._thread._create_worker_consumer(app.transport)  # type: ignore[attr-defined]
        producer = app.producer._new_producer()  # type: ignore[attr-defined]
        try:
            return consumer._client._metadata_max_age_ms, producer.client._metadata_max_age_ms
        finally:
            await consumer.stop()
            await producer.stop()

    assert asyncio.run(ages()) == (METADATA_MAX_AGE_MS, METADATA_MAX_AGE_MS)


def test_kafka_python_clients_refresh_at_that_interval() -> None:
    config = client_config(ParleySettings(namespace="probe").kafka, "probe")

    assert config["metadata_max_age_ms"] == METADATA_MAX_AGE_MS
