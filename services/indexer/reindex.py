"""Rebuild one kind's index from its topic, then switch the alias to it atomically.

1. Put the current templates (so a changed mapping applies), create `<ns>-<kind>-v<N+1>`.
2. Capture the topic's end offsets, then run the indexer loop from offset zero in the consumer
   group `<ns>-reindex-<kind>-v<N+1>`, writing to the new index, until it reached them.
3. Refresh the new index and switch the alias `<ns>-<kind>` (reads and writes) to it in one
   `update_aliases` call: searches never see a missing or half-filled index.
4. Catch up once more to the end offsets taken after the switch: what the running indexer wrote
   to the old index in the meantime is written again to the new one. Writes carry the Kafka
   offset as external version, so whichever copy arrives second is a no-op (409).

The old index is kept (for a quick switch back) until someone deletes it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from elasticsearch import Elasticsearch
from kafka.structs import TopicPartition

from parley.services.indexer.consumer import Indexer, StopRequested
from parley.services.indexer.index_admin import (
    alias_indices,
    create_version,
    ensure_indices,
    index_versions,
    swap_alias,
)
from parley.services.indexer.settings import IndexerSettings
from parley.shared.elasticsearch import es_errors, make_client
from parley.shared.errors import KafkaUnavailable
from parley.shared.kafka import kafka_errors, make_admin, make_consumer
from parley.shared.logging import get_logger
from parley.shared.topics import Names

log = get_logger(__name__)
Progress = Callable[[str], None]


@dataclass(frozen=True)
class ReindexResult:
    kind: str
    previous: tuple[str, ...]
    index: str
    documents: int


def topic_of(names: Names, kind: str) -> str:
    return names.index_topic(kind)


def next_index(es: Elasticsearch, names: Names, kind: str) -> tuple[int, str]:
    """The next free version: one above every existing `<ns>-<kind>-v<N>` index."""
    versions = index_versions(es, names.namespace, kind)
    version = (versions[-1] if versions else 0) + 1
    return version, names.index(kind, version)


def end_offsets(indexer: Indexer, topic: str) -> dict[TopicPartition, int]:
    consumer = indexer.consumer
    with kafka_errors(f"reading end offsets of {topic}"):
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        ends: dict[TopicPartition, int] = consumer.end_offsets(partitions)
    return ends


def caught_up(indexer: Indexer, ends: dict[TopicPartition, int]) -> bool:
    """True once every partition's next offset to read is at or past its captured end."""
    consumer = indexer.consumer
    assigned = consumer.assignment()
    for tp, end in ends.items():
        if end == 0:
            continue
        if tp not in assigned:
            return False
        with kafka_errors("reading positions"):
            if consumer.position(tp) < end:
                return False
    return True


def catch_up(indexer: Indexer, ends: dict[TopicPartition, int]) -> None:
    """Run the indexer loop until it handled everything below `ends` (raise if asked to stop)."""
    while not caught_up(indexer, ends):
        if indexer.stop_event.is_set():
            raise StopRequested()
        indexer.run_once()
    indexer.drain()  # the last batch sent may still be in flight


def reindex_kind(
    settings: IndexerSettings,
    kind: str,
    stop_event: threading.Event | None = None,
    progress: Progress = lambda _: None,
) -> ReindexResult:
    names = Names(settings.namespace)
    es = make_client(settings.es)
    try:
        ensure_indices(es, settings.namespace)  # current templates: a changed mapping applies
        version, index = next_index(es, names, kind)
        create_version(es, index)
        group = f"{names.namespace}-reindex-{kind}-v{version}"
        progress(f"{kind}: filling {index} from {topic_of(names, kind)} (consumer group {group})")
        consumer = make_consumer(settings.kafka, f"{group}-consumer", group)
        indexer = Indexer(
            settings,
            stop_event=stop_event,
            consumer=consumer,
            kinds=(kind,),
            targets={kind: index},
            group=group,
            dead_letters=False,
        )
        try:
            try:
                ends = end_offsets(indexer, topic_of(names, kind))
                indexer.start()
                catch_up(indexer, ends)
                with es_errors(f"refreshing {index}"):
                    es.indices.refresh(index=index)
                previous = swap_alias(es, names.alias(kind), index)
            except BaseException:
                _drop(es, names.alias(kind), index)  # never switched to: a half-filled index is of no use
                raise
            progress(f"{kind}: alias {names.alias(kind)} now on {index} (was {', '.join(previous) or '-'})")
            catch_up(indexer, end_offsets(indexer, topic_of(names, kind)))
        finally:
            indexer.close()
        _forget_group(settings, group)
        with es_errors(f"counting {index}"):
            es.indices.refresh(index=index)
            count = int(es.count(index=index)["count"])
        log.info("reindex_finished", kind=kind, index=index, previous=previous, documents=count)
        return ReindexResult(kind, tuple(previous), index, count)
    finally:
        es.close()


def _drop(es: Elasticsearch, alias: str, index: str) -> None:
    try:
        if index in alias_indices(es, alias):  # the switch went through after all: keep it
            return
        es.options(ignore_status=404).indices.delete(index=index)
        log.warning("reindex_abandoned", index=index)
    except Exception as exc:  # Elasticsearch away: the index stays, unused, until deleted by hand
        log.warning("reindex_index_kept", index=index, error=f"{type(exc).__name__}: {exc}")


def _forget_group(settings: IndexerSettings, group: str) -> None:
    """The reindex group is of no use once done; a failure to delete it only leaves it idle."""
    try:
        admin = make_admin(settings.kafka, f"{group}-admin")
    except KafkaUnavailable:
        return
    # kafka-python 3 calls it delete_groups, 2.x delete_consumer_groups.
    delete = getattr(admin, "delete_groups", None) or admin.delete_consumer_groups
    try:
        with kafka_errors(f"deleting consumer group {group}"):
            errors = [str(error) for _, error in delete([group]) if error and error.errno]
        if errors:
            log.warning("reindex_group_kept", group=group, error="; ".join(errors))
    except (KafkaUnavailable, ValueError, TypeError) as exc:
        log.warning("reindex_group_kept", group=group, error=str(exc))
    finally:
        admin.close()
