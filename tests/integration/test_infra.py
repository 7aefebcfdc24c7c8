"""The local infrastructure (deploy/local/infra.py) and the Kafka it runs, with real clients.

The servers are shared with the rest of the suite: these tests start them when they are not
running (`infra.py up` is idempotent) and never stop them. Everything that exercises failure
paths uses its own PARLEY_LOCAL_DIR and free ports, so it cannot disturb the shared servers.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
INFRA = REPO / "deploy" / "local" / "infra.py"
LOCAL = Path(os.environ.get("PARLEY_LOCAL_DIR") or REPO / ".local").resolve()
BOOTSTRAP = f"127.0.0.1:{os.environ.get('PARLEY_LOCAL_KAFKA_PORT', '9092')}"
ES_URL = f"http://127.0.0.1:{os.environ.get('PARLEY_LOCAL_ES_HTTP_PORT', '9200')}"
HAVE_ES = (REPO / "deploy" / "local" / "elasticsearch" / "pom.xml").is_file()
SERVERS = ["kafka", "elasticsearch"] if HAVE_ES else ["kafka"]
PID_FILES = {"kafka": LOCAL / "kafka" / "kafka.pid", "elasticsearch": LOCAL / "elasticsearch" / "es.pid"}


def infra(
    *args: str, env: dict[str, str] | None = None, timeout: float = 280
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(INFRA), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture(scope="module")
def kafka() -> None:
    result = infra("up", "--only", "kafka")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def elasticsearch() -> None:
    if not HAVE_ES:
        pytest.skip("deploy/local/elasticsearch/pom.xml is not there yet")
    result = infra("up", "--only", "elasticsearch")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(params=SERVERS)
def server(request: pytest.FixtureRequest) -> str:
    """Each server, started (or found running) by `infra.py up`."""
    name: str = request.param
    request.getfixturevalue(name)
    return name


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def java_pids_using(path: Path) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "java" in cmdline and str(path) in cmdline:
            pids.append(int(proc.name))
    return pids


# --- infra.py ------------------------------------------------------------------------------------


def test_up_again_starts_nothing(server: str) -> None:
    before = PID_FILES[server].read_text().strip()
    result = infra("up", "--only", server)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{server}: already running (pid {before}," in result.stdout
    assert "starting" not in result.stdout
    assert PID_FILES[server].read_text().strip() == before


def test_status_reports_running(server: str) -> None:
    result = infra("status", "--only", server)
    assert result.returncode == 0, result.stdout
    pid = PID_FILES[server].read_text().strip()
    assert f"{server}: running (pid {pid}, port" in result.stdout


def test_status_exits_zero_when_both_run(kafka: None, elasticsearch: None) -> None:
    result = infra("status")
    assert result.returncode == 0, result.stdout
    assert result.stdout.count(": running (pid") == 2


@pytest.fixture
def isolated_env(tmp_path: Path) -> dict[str, str]:
    """A runtime folder and ports of its own, so failure paths never touch the shared servers."""
    return {
        "PARLEY_LOCAL_DIR": str(tmp_path / "local"),
        "PARLEY_LOCAL_KAFKA_PORT": str(free_port()),
        "PARLEY_LOCAL_KAFKA_CONTROLLER_PORT": str(free_port()),
        "PARLEY_LOCAL_ES_HTTP_PORT": str(free_port()),
        "PARLEY_LOCAL_ES_TRANSPORT_PORT": str(free_port()),
    }


@pytest.fixture
def listener() -> Iterator[tuple[socket.socket, int]]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock, int(sock.getsockname()[1])


@pytest.mark.parametrize(
    "variable",
    ["PARLEY_LOCAL_KAFKA_PORT", "PARLEY_LOCAL_KAFKA_CONTROLLER_PORT", "PARLEY_LOCAL_ES_HTTP_PORT"],
)
def test_up_refuses_a_taken_port_and_starts_nothing(
    variable: str, isolated_env: dict[str, str], listener: tuple[socket.socket, int]
) -> None:
    _, port = listener
    env = {**isolated_env, variable: str(port)}
    local = Path(env["PARLEY_LOCAL_DIR"])
    result = infra("up", env=env, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"port {port}" in output
    assert f"pid {os.getpid()}" in output  # the owner (this test process) is named
    assert "nothing was started" in output
    assert not list(local.rglob("*.pid")), "a pid file was written"
    assert not (local / "kafka" / "lib").exists(), "jars were built despite the conflict"
    assert java_pids_using(local) == []


def test_former_port_name_still_works_with_a_warning(
    isolated_env: dict[str, str], listener: tuple[socket.socket, int]
) -> None:
    _, port = listener
    env = {k: v for k, v in isolated_env.items() if k != "PARLEY_LOCAL_KAFKA_PORT"}
    env["PARLEY_KAFKA_PORT"] = str(port)
    result = infra("up", env=env, timeout=60)
    assert result.returncode != 0, result.stdout + result.stderr
    assert f"port {port}" in result.stdout  # the old name was obeyed
    assert "PARLEY_KAFKA_PORT is deprecated" in result.stderr
    assert "PARLEY_LOCAL_KAFKA_PORT" in result.stderr


def test_status_and_down_when_nothing_runs(isolated_env: dict[str, str]) -> None:
    status = infra("status", env=isolated_env)
    assert status.returncode == 3, status.stdout
    assert "kafka: stopped" in status.stdout
    assert "elasticsearch: stopped" in status.stdout
    for _ in range(2):  # idempotent
        down = infra("down", env=isolated_env)
        assert down.returncode == 0, down.stdout + down.stderr
        assert "kafka: not running" in down.stdout


# --- Kafka through kafka-python --------------------------------------------------------------------


@pytest.fixture
def topic(kafka: None) -> Iterator[str]:
    name = f"test-infra-{uuid.uuid4().hex}"
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP, client_id="test-infra-admin")
    try:
        admin.create_topics([NewTopic(name, num_partitions=6, replication_factor=1)])
        yield name
        admin.delete_topics([name])
    finally:
        admin.close()


def test_topic_has_six_partitions(topic: str) -> None:
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
    try:
        deadline = time.monotonic() + 30
        partitions = consumer.partitions_for_topic(topic)
        while not partitions and time.monotonic() < deadline:
            time.sleep(0.2)
            partitions = consumer.partitions_for_topic(topic)
        assert partitions == set(range(6))
    finally:
        consumer.close()


def produce(topic: str, values: list[str]) -> None:
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all", enable_idempotence=True, linger_ms=5)
    try:
        futures = [
            producer.send(topic, key=f"k{i % 17}".encode(), value=v.encode()) for i, v in enumerate(values)
        ]
        producer.flush(timeout=30)
        for future in futures:
            metadata = future.get(timeout=30)
            assert metadata.offset >= 0
    finally:
        producer.close(timeout=10)


def consume(topic: str, group: str, expected: int, settle_s: float = 0.0) -> tuple[list[str], KafkaConsumer]:
    """Read until `expected` records arrived (then keep polling settle_s for any surplus)."""
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=BOOTSTRAP,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        consumer_timeout_ms=1000,
    )
    values: list[str] = []
    deadline = time.monotonic() + 60
    while len(values) < expected and time.monotonic() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            values += [r.value.decode() for r in records]
    settle_until = time.monotonic() + settle_s
    while time.monotonic() < settle_until:
        for records in consumer.poll(timeout_ms=200).values():
            values += [r.value.decode() for r in records]
    return values, consumer


def test_produce_consume_commit_and_resume(topic: str) -> None:
    sent = [f"message-{i}" for i in range(100)]
    produce(topic, sent)
    group = f"test-infra-{uuid.uuid4().hex}"

    received, first = consume(topic, group, expected=100)
    try:
        assert sorted(received) == sorted(sent)
        first.commit()
    finally:
        first.close(autocommit=False)

    more = [f"late-{i}" for i in range(5)]
    produce(topic, more)
    received, second = consume(topic, group, expected=5, settle_s=2.0)
    try:
        committed = {p: second.committed(TopicPartition(topic, p)) for p in range(6)}
        # What the first member committed: all 100 records, spread over the partitions by key.
        assert sum(offset or 0 for offset in committed.values()) == 100
        assert sorted(received) == sorted(more), "the second member re-read committed records"
    finally:
        second.close(autocommit=False)


# --- Elasticsearch through elasticsearch-py ---------------------------------------------------------


def test_elasticsearch_answers_the_python_client(elasticsearch: None) -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(ES_URL, request_timeout=30)
    index = f"test-infra-{uuid.uuid4().hex}"
    try:
        assert client.info()["version"]["number"].startswith("8.")
        client.indices.create(index=index, mappings={"properties": {"title": {"type": "text"}}})
        client.index(index=index, id="1", document={"title": "Talks announced in Geneva"}, refresh=True)
        hits = client.search(index=index, query={"match": {"title": "geneva"}})["hits"]["hits"]
        assert [hit["_id"] for hit in hits] == ["1"]
    finally:
        client.indices.delete(index=index, ignore_unavailable=True)
        client.close()
