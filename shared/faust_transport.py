"""faust's Kafka transport with three fixes: rewinding partitions that have no committed offset,
a consumer that joins its group only once its own metadata shows every topic it needs, and a
seek to committed offsets that no record fetched before it can overtake.

faust fetches while a rebalance or table recovery is still going on, drops what it fetched for
partitions it is not yet processing, and relies on "seek to committed" afterwards to read those
records again. aiokafka's `seek_to_committed` only seeks partitions with a committed offset
above 0, so on a partition nobody has committed yet the fetch position stayed past the dropped
records: a fresh worker (or one restarted after a crash before its first commit) silently
skipped the first messages of such partitions. Here those partitions are reset by the
consumer's own reset policy (`earliest` in Parley), so they are read again from their start.

The metadata check backs up `faust_topics.prepare_topics`: the topics exist and the cluster
answered with them before the worker started, but another broker may answer this consumer, and
a topic this consumer's metadata lacks counts as having no partitions until its next refresh.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from typing import Any

from aiokafka import TopicPartition
from faust.transport.drivers import aiokafka as driver
from faust.types import TP

from parley.shared.faust_topics import VISIBLE_TIMEOUT_S, TopicNeed, TopicsNotReady


class RewindingConsumerThread(driver.AIOKafkaConsumerThread):
    async def on_start(self) -> None:
        await super().on_start()
        needs: tuple[TopicNeed, ...] = getattr(self.app, "required_topics", ())
        if needs:
            await wait_for_own_metadata(self._ensure_consumer()._client, needs)

    async def seek_to_committed(self) -> Mapping[TP, int]:
        return await self.call_thread(self._seek_to_committed_or_reset)

    async def _seek_to_committed_or_reset(self) -> Mapping[TP, int]:
        consumer = self._ensure_consumer()
        committed: dict[Any, int] = dict(await consumer.seek_to_committed())
        rewind = uncommitted_stream_partitions(committed, self.app.tables.changelog_topics)
        if rewind:
            tps = [TopicPartition(tp.topic, tp.partition) for tp in rewind]
            latest = self.app.conf.consumer_auto_offset_reset == "latest"
            starts = await (consumer.end_offsets(tps) if latest else consumer.beginning_offsets(tps))
            for tp in tps:
                # A plain seek, applied at once like the committed ones above; faust then
                # takes the start as the partition's read offset.
                consumer.seek(tp, starts[tp])
                committed[tp] = starts[tp]
        return committed


def uncommitted_stream_partitions(committed: Mapping[Any, int | None], changelogs: set[str]) -> list[Any]:
    """Partitions that aiokafka left unsought: no committed offset (or 0), not a table changelog.

    Changelog partitions are positioned by faust's table recovery, never by committed offsets.
    """
    return sorted(
        (tp for tp, offset in committed.items() if not offset and tp.topic not in changelogs),
        key=lambda tp: (tp.topic, tp.partition),
    )


def missing_from(cluster: Any, needs: Iterable[TopicNeed]) -> list[str]:
    """Needed topics whose partitions this client's metadata does not show (yet)."""
    return [
        f"{n.name} ({len(cluster.partitions_for_topic(n.name) or ())} of {n.partitions} partitions)"
        for n in needs
        if len(cluster.partitions_for_topic(n.name) or ()) != n.partitions
    ]


async def wait_for_own_metadata(
    client: Any, needs: tuple[TopicNeed, ...], timeout_s: float = VISIBLE_TIMEOUT_S
) -> None:
    """Refresh the client's metadata for `needs` until it shows them all (bounded)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    await client.set_topics([n.name for n in needs])
    delay = 0.1
    while missing := missing_from(client.cluster, needs):
        if loop.time() > deadline:
            raise TopicsNotReady(f"not in this consumer's metadata after {timeout_s:.0f}s: {missing[:5]}")
        await asyncio.sleep(delay)
        delay = min(delay * 2, 2.0)
        await client.force_metadata_update()


class RewindingConsumer(driver.Consumer):
    def _new_consumer_thread(self) -> driver.AIOKafkaConsumerThread:
        return RewindingConsumerThread(self, loop=self.loop, beacon=self.beacon)

    async def perform_seek(self) -> None:
        """Seek to committed offsets with the flow stopped, and leave it stopped.

        After a table recovery faust resumes the stream partitions and then seeks them to their
        committed offsets while its fetcher keeps delivering. A record fetched before the seek
        but delivered after it lies past the offset the seek set, and faust counts the offsets
        in between as a gap: done, never processed, committed past. A worker restarted after a
        `kill -9` silently skipped records that way. With the flow stopped, the fetcher drops
        the rest of a batch fetched before the seek (the seek makes them fetched again).

        The one caller that seeks with the flow running, faust's recovery, resumes it itself once
        the seek is done: it first empties the stream queues (`flow_control.resume()`), then
        resumes the consumer (the fetcher's own re-seek runs with the flow already stopped). Resumed
        here, the fetcher could put records read from the new position into a queue just before
        that emptying: gone from the queue, their offsets already read, never fetched again.
        A failed seek leaves the flow as it was.
        """
        was_active = self.flow_active
        self.stop_flow()
        try:
            await super().perform_seek()
        except BaseException:
            if was_active:
                self.resume_flow()
            raise


class Transport(driver.Transport):
    Consumer = RewindingConsumer
