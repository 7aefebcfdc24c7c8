"""A faust worker seeks to its committed offsets with the flow stopped, and leaves it stopped: no
record fetched before the seek can be delivered after it (faust would count the offsets it jumped
as done), and none fetched after it can be queued before faust's recovery empties the stream
queues (it would be dropped for good). faust's recovery resumes the flow itself."""

from __future__ import annotations

import ast
import asyncio
import inspect
from pathlib import Path

import faust
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


def test_faust_seeks_from_recovery_and_from_a_stopped_fetcher_only() -> None:
    # A new caller in a later faust might seek with the flow running and never resume it.
    callers = set()
    root = Path(faust.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "perform_seek"
                    ):
                        callers.add((path.relative_to(root).as_posix(), node.name))
    assert callers == {
        ("tables/recovery.py", "_resume_streams"),
        ("tables/recovery.py", "on_recovery_completed"),
        ("transport/consumer.py", "getmany"),
    }


def test_a_cancelled_seek_leaves_the_flow_running(monkeypatch: pytest.MonkeyPatch) -> None:
    # faust's recovery waits for the seek with a timeout and cancels it when that passes.
    async def seek(self: driver.Consumer) -> None:
        await asyncio.sleep(60)

    monkeypatch.setattr(driver.Consumer, "perform_seek", seek)
    worker = consumer()
    worker.resume_flow()

    async def cancel_midway() -> None:
        task = asyncio.ensure_future(worker.perform_seek())
        await asyncio.sleep(0.01)
        assert not worker.flow_active
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cancel_midway())
    assert worker.flow_active
