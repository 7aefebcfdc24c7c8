"""A faust worker seeks to its committed offsets with the flow stopped, and leaves it stopped: no
record fetched before the seek can be delivered after it (faust would count the offsets it jumped
as done), and none fetched after it can be queued before faust's recovery empties the stream
queues (it would be dropped for good). faust's recovery resumes the flow itself."""

from __future__ import annotations

import asyncio
import inspect

import pytest
from faust.tables.recovery import Recovery
from faust.transport.drivers import aiokafka as driver

from parley.shared.faust_app import make_app
from parley.shared.faust_transport import RewindingConsumer
from parley.shared.settings import ParleySettings


def consumer() -> RewindingConsumer:
    app = make_app(ParleySettings(namespace="probe"), "probe")
    made = app.consumer
    assert isinstance(made, RewindingConsumer)
    return made


@pytest.mark.parametrize("active_before", [True, False])
def test_the_flow_is_stopped_during_the_seek_and_stays_stopped(
    monkeypatch: pytest.MonkeyPatch, active_before: bool
) -> None:
    during: list[bool] = []

    async def seek(self: driver.Consumer) -> None:
        during.append(self.flow_active)
        await asyncio.sleep(0)  # the fetcher gets the loop meanwhile

    monkeypatch.setattr(driver.Consumer, "perform_seek", seek)
    worker = consumer()
    if active_before:
        worker.resume_flow()
    else:
        worker.stop_flow()

    asyncio.run(worker.perform_seek())

    assert during == [False]
    assert worker.flow_active is False


def test_a_failed_seek_leaves_the_flow_running(monkeypatch: pytest.MonkeyPatch) -> None:
    async def seek(self: driver.Consumer) -> None:
        raise ConnectionError("broker gone")

    monkeypatch.setattr(driver.Consumer, "perform_seek", seek)
    worker = consumer()
    worker.resume_flow()

    with pytest.raises(ConnectionError):
        asyncio.run(worker.perform_seek())
    assert worker.flow_active


def test_faust_recovery_empties_the_queues_then_resumes_the_flow_after_the_seek() -> None:
    # The stopped flow above is only safe while faust's recovery, the one caller that seeks with
    # the flow running, resumes it right after emptying the queues. Read faust's own code for it.
    for step in (Recovery._resume_streams, Recovery.on_recovery_completed):
        source = inspect.getsource(step)
        seek = source.index("consumer.perform_seek()")
        emptied = source.index("flow_control.resume()", seek)
        resumed = source.index("consumer.resume_flow()", emptied)
        assert seek < emptied < resumed, step.__name__
