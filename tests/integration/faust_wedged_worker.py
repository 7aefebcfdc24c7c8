"""A worker run by Parley's `serve` whose agent wedges on the message `wedge`: it keeps its
partitions and its group membership but moves none of them (as a faust worker wedged by a
rebalance does). Every other message is taken at once.

Run as `python faust_wedged_worker.py`; namespace, HTTP port, data folder and the stall time
come from the PARLEY_ environment, as for a service.
"""

from __future__ import annotations

import asyncio
from typing import Any

from parley.shared.faust_app import make_app, raw_topic, serve
from parley.shared.runtime import start_service
from parley.shared.settings import ParleySettings
from parley.shared.topics import ARTICLES_RAW

settings = start_service(ParleySettings, "enrichment")
# Named as the enrichment service so that its lag exporter reads articles.raw.
app = make_app(settings, "enrichment")


@app.agent(raw_topic(app, ARTICLES_RAW, settings.namespace))
async def take(stream: Any) -> None:
    async for value in stream:
        if value == b"wedge":
            await asyncio.Event().wait()  # never set


if __name__ == "__main__":
    serve(app, settings, "enrichment")
