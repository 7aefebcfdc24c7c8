"""A minimal faust app (on Parley's faust App) for the client smoke test: an agent counting words into a table.

Run as `python faust_counter_app.py NAMESPACE PORT DATADIR [slow]`; it exits by itself after SIGTERM.

`slow` widens the moment between a restarted worker's seek to its committed offsets and the end
of its recovery (50 ms instead of about 1), and makes the agent take 0.2 s per word, so that
records fetched in that moment are still queued when the recovery ends.
"""

from __future__ import annotations

import asyncio
import sys

from aiohttp import web

from parley.shared.faust_app import App, run_worker
from parley.shared.faust_transport import RewindingConsumer
from parley.shared.kafka import faust_broker_url
from parley.shared.settings import KafkaSettings

namespace, port, datadir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
slow = sys.argv[4:] == ["slow"]
app = App(
    f"{namespace}-counter",
    broker=faust_broker_url(KafkaSettings()),
    store="memory://",
    datadir=datadir,
    web_port=port,
    web_bind="127.0.0.1",
    topic_partitions=2,
    topic_replication_factor=1,
    autodiscover=False,
    broker_session_timeout=10.0,
    broker_heartbeat_interval=3.0,
)
words = app.topic(f"{namespace}.words", value_type=str, value_serializer="raw", partitions=2)
counts = app.Table("counts", default=int, partitions=2)

if slow:
    seek = RewindingConsumer.perform_seek

    async def seek_then_pause(self: RewindingConsumer) -> None:
        recovering = self.flow_active  # the fetcher's own re-seeks run with the flow stopped
        await seek(self)
        if recovering:
            await asyncio.sleep(0.05)

    RewindingConsumer.perform_seek = seek_then_pause  # type: ignore[method-assign]


@app.agent(words)
async def count(stream):  # type: ignore[no-untyped-def]
    async for event in stream.events():
        word = event.value if isinstance(event.value, str) else event.value.decode()
        counts[word] += 1
        if slow:
            await asyncio.sleep(0.2)


@app.page("/counts")
async def show(view, request):  # type: ignore[no-untyped-def]
    return web.json_response({k: v for k, v in counts.items()})


if __name__ == "__main__":
    run_worker(app)
