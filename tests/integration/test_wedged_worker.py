"""A faust worker served by Parley leaves when it holds partitions with messages waiting and
moves none of them, and stays while it keeps up (real broker, real faust worker)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from parley.shared.kafka import ensure_topics, make_producer
from parley.shared.settings import KafkaSettings
from parley.shared.stalled_worker import EXIT_STALLED
from parley.shared.topics import ARTICLES_RAW
from tests.conftest import new_namespace, wait_until
from tests.support.indexing import free_port

HERE = Path(__file__).resolve().parent
STALL_S = 5


def start_worker(namespace: str, datadir: Path, port: int = 0) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PARLEY_NAMESPACE": namespace,
        "PARLEY_HTTP_PORT": str(port or free_port()),
        "PARLEY_DATA_DIR": str(datadir),
        "PARLEY_WORKER_STALL_EXIT_S": str(STALL_S),
        "PARLEY_LOG_FORMAT": "json",
    }
    return subprocess.Popen(
        [sys.executable, str(HERE / "faust_wedged_worker.py")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def send(namespace: str, *values_by_partition: tuple[int, bytes]) -> None:
    producer = make_producer(KafkaSettings(), "test")
    for partition, value in values_by_partition:
        producer.send(ARTICLES_RAW.name(namespace), key=value, value=value, partition=partition)
    producer.flush()
    producer.close()


def stalled_events(output: str) -> list[dict[str, object]]:
    events = []
    for line in output.splitlines():
        if '"worker_stalled"' in line:  # (faust's terminal codes may come first on the line)
            events.append(json.loads(line[line.index("{") :]))
    return events


def test_a_wedged_worker_leaves_naming_the_partition(tmp_path: Path) -> None:
    namespace = new_namespace()
    ensure_topics(KafkaSettings(), namespace)  # a service waits for all of them
    send(namespace, (3, b"wedge"), (3, b"after"))
    worker = start_worker(namespace, tmp_path)
    try:
        # Two lag rounds 15 s apart at least: the first starts the clock, a later one fires it.
        output, _ = worker.communicate(timeout=180)
    finally:
        worker.kill()
    assert worker.returncode == EXIT_STALLED, output[-3000:]
    events = stalled_events(output)
    assert len(events) == 1, output[-3000:]
    assert events[0]["waiting"] == {f"{ARTICLES_RAW.name(namespace)}[3]": 2}


def caught_up(port: int) -> bool:
    """Ready, and a lag round has seen every articles.raw partition with nothing waiting."""
    try:
        if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code != 200:
            return False
        text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text
    except httpx.HTTPError:
        return False
    lags = [
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("parley_consumer_lag_messages{") and 'topic="articles.raw"' in line
    ]
    return len(lags) == ARTICLES_RAW.partitions and not any(lags)


def test_a_worker_that_keeps_up_stays(tmp_path: Path) -> None:
    namespace = new_namespace()
    ensure_topics(KafkaSettings(), namespace)  # a service waits for all of them
    send(namespace, *[(p, b"fine") for p in range(ARTICLES_RAW.partitions)])
    port = free_port()
    worker = start_worker(namespace, tmp_path, port)
    try:
        wait_until(lambda: caught_up(port) or worker.poll() is not None, 120, what="worker caught up")
        assert worker.poll() is None, worker.communicate()[0][-3000:]
        # Three lag rounds with messages arriving all along, each taken: ten times the stall time.
        deadline = time.monotonic() + 50
        while time.monotonic() < deadline and worker.poll() is None:
            send(namespace, (1, b"fine"))
            time.sleep(2)
        assert worker.poll() is None, worker.communicate()[0][-3000:]
    finally:
        worker.kill()  # how it stops is not the question here
        output, _ = worker.communicate(timeout=60)
    assert not stalled_events(output), output[-3000:]
