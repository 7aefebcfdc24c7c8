"""What the compacted `talks` topic already knows, for an alerting state rebuilt from scratch.

Alerting's table is rebuilt from its changelog on a normal restart. A *fresh* state (a new state
version, or a replay of the article topics) starts empty; reading the article topics again in
another partition order could then give an event another first article, another talks id and
new alert ids. So before it decides anything, a fresh state learns the known events from the
`talks` topic — alerting's own output, compacted to the latest state of each event — and a
replayed article that an event already counts changes nothing.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from parley.services.alerting.talks_state import key_string
from parley.shared.errors import PoisonMessage
from parley.shared.events import TalksRecorded, TalksState, decode_event
from parley.shared.kafka import client_config, kafka_errors
from parley.shared.retrying import waiting
from parley.shared.settings import KafkaSettings


def party_key_of(state: TalksState) -> str:
    return key_string(tuple(sorted(set(state.parties) - set(state.mediators))))


def fold_known(states: list[TalksState]) -> dict[str, list[dict[str, Any]]]:
    """Latest revision of each talks event, grouped by party key (pure)."""
    latest: dict[str, TalksState] = {}
    for state in states:
        if state.talks_id not in latest or state.revision >= latest[state.talks_id].revision:
            latest[state.talks_id] = state
    grouped: dict[str, list[TalksState]] = defaultdict(list)
    for state in latest.values():
        grouped[party_key_of(state)].append(state)
    return {
        key: [s.model_dump(mode="json") for s in sorted(group, key=lambda s: s.first_seen)]
        for key, group in grouped.items()
    }


def articles_by_key(known: dict[str, list[dict[str, Any]]]) -> dict[str, list[str]]:
    """Article id -> the party keys of the known events that count it (pure)."""
    out: dict[str, list[str]] = defaultdict(list)
    for key, states in known.items():
        for state in states:
            for article_id in state.get("article_ids", ()):
                if key not in out[article_id]:
                    out[article_id].append(key)
    return dict(out)


def read_known_talks(
    settings: KafkaSettings, topic: str, timeout_s: float = 60.0
) -> dict[str, list[dict[str, Any]]]:
    """Read `topic` from the beginning to the end offsets seen now (no consumer group)."""
    with kafka_errors("reading the talks topic"):
        consumer = KafkaConsumer(**client_config(settings, "parley-alerting-seed"), enable_auto_commit=False)
        try:
            partitions = [
                TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())
            ]
            if not partitions:
                return {}
            consumer.assign(partitions)
            consumer.seek_to_beginning(*partitions)
            end = consumer.end_offsets(partitions)
            states: list[TalksState] = []
            removed: set[str] = set()
            pending = {tp for tp in partitions if end[tp] > 0}
            while pending:
                batch = consumer.poll(timeout_ms=int(timeout_s * 1000))
                if not batch:
                    break  # nothing more arrives: take what was read
                for tp, records in batch.items():
                    for record in records:
                        if record.value is None:  # tombstone: the event was forgotten
                            removed.add(record.key.decode() if record.key else "")
                            continue
                        try:
                            event = decode_event(record.value, expected=(TalksRecorded,)).data
                        except PoisonMessage:
                            continue
                        assert isinstance(event, TalksRecorded)
                        states.append(event.talks)
                    if consumer.position(tp) >= end[tp]:
                        pending.discard(tp)
        finally:
            consumer.close()
    return fold_known([s for s in states if s.talks_id not in removed])


class KnownTalks:
    """What the talks topic knew when this process first needed it, loaded once and lazily.

    `take(key)` hands a key's events to a state that has never seen the key (the state then owns
    them); `keys_of(article_id)` tells routing which keys already count an article.
    """

    def __init__(self, load: Callable[[], dict[str, list[dict[str, Any]]]]) -> None:
        self._load = load
        self._lock = asyncio.Lock()
        self._by_key: dict[str, list[dict[str, Any]]] | None = None
        self._by_article: dict[str, list[str]] = {}

    async def _loaded(self) -> dict[str, list[dict[str, Any]]]:
        async with self._lock:
            if self._by_key is None:
                with waiting():  # however long the talks topic takes to read, nothing is wedged
                    self._by_key = await asyncio.to_thread(self._load)
                self._by_article = articles_by_key(self._by_key)
            return self._by_key

    async def take(self, key: str) -> list[dict[str, Any]]:
        return (await self._loaded()).pop(key, [])

    async def keys_of(self, article_id: str) -> list[str]:
        await self._loaded()
        return list(self._by_article.get(article_id, []))

    @property
    def size(self) -> int:
        return len(self._by_key or {})
