"""Faults injected one at a time into a running Parley, with the invariants checked after each.

`PARLEY_CHAOS=full` (`make chaos`) runs every scenario and writes docs/reliability.md; without
it (`make test`) a short subset runs with smaller counts. `PARLEY_CHAOS_REPEAT=N`
(`make chaos CHAOS_REPEAT=N`) runs each repeatable scenario (the `kill -9` ones) N times; the
table shows the worst run of each.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from tests.chaos.harness import Chaos, Row, chaos_mode, settle
from tests.conftest import wait_until

FULL = chaos_mode() == "full"
RATE = 4.0 if FULL else 3.0  # articles per second
LEAD_S = 8.0 if FULL else 5.0  # streaming before the fault
TAIL_S = 8.0 if FULL else 5.0  # streaming after it
SETTLE_S = 300.0 if FULL else 180.0
OUTAGE_S = 30.0
RECEIVER_DOWN_S = 60.0
RECEIVER_SLOW_S = 30.0
# Just under each topic's max.message.bytes: 4 MiB for the article topics, Kafka's 1 MiB for the others.
HUGE_BYTES = {"articles": 4_000_000, "other": 1_000_000}

Fault = Callable[[Chaos], str]


def chaos_repeat() -> int:
    """How many times each repeatable scenario runs (`PARLEY_CHAOS_REPEAT`, at least 1)."""
    raw = os.environ.get("PARLEY_CHAOS_REPEAT", "").strip() or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise pytest.UsageError(f"PARLEY_CHAOS_REPEAT must be a whole number of at least 1, not {raw!r}")
    return int(raw)


def kill9(service: str) -> Fault:
    def fault(chaos: Chaos) -> str:
        chaos.kill(service, signal.SIGKILL)
        time.sleep(2)
        chaos.restart(service)
        return ""

    return fault


def server_outage(server: str) -> Fault:
    def fault(chaos: Chaos) -> str:
        chaos.infra.run("down", server)
        time.sleep(OUTAGE_S)
        chaos.infra.run("up", server)
        return ""

    return fault


def receiver_outage(chaos: Chaos) -> str:
    chaos.receiver.stop()
    time.sleep(RECEIVER_DOWN_S)
    chaos.receiver.start()
    chaos.receiver.mode = "slow"
    time.sleep(RECEIVER_SLOW_S)
    chaos.receiver.mode = "up"
    return ""


def rebalance(chaos: Chaos) -> str:
    replicas = [chaos.add_replica("enrichment"), chaos.add_replica("indexer")]
    wait_until(lambda: not chaos.unready(), 120, interval=1, what="second replicas ready")
    time.sleep(10)  # both replicas of each take part in the stream
    for name in replicas:
        chaos.kill_replica(name)
    return "second replicas of enrichment and indexer killed -9; the first take over"


def poison_values(topic_type: str, huge: int) -> list[bytes]:
    envelope = {
        "specversion": "1.0",
        "id": "chaos-poison",
        "source": "parley/chaos",
        "type": topic_type.replace(".v1", ".v99"),
        "subject": "poison",
        "time": "2026-02-02T08:00:00Z",
        "data": {},
    }
    return [
        b'{"specversion": "1.0", "id": ',  # bad JSON
        json.dumps(envelope).encode(),  # a schema version newer than the code knows
        random.Random(topic_type).randbytes(huge),  # huge (and incompressible)
        b'{"title": "\xff\xfe caf\xe9"}',  # invalid UTF-8
    ]


def poison(chaos: Chaos) -> str:
    names = chaos.names
    inputs = {
        names.raw: ("parley.article.received.v1", ("enrichment",)),
        names.enriched: ("parley.article.enriched.v1", ("indexer", "alerting")),
        names.talks: ("parley.talks.recorded.v1", ("indexer",)),
        names.alerts: ("parley.talks.announced.v1", ("dispatcher", "indexer")),
        names.feeds: ("parley.feed.created.v1", ("indexer",)),
    }
    count = 0
    for topic, (event_type, services) in inputs.items():
        huge = HUGE_BYTES["articles" if topic in (names.raw, names.enriched) else "other"]
        for value in poison_values(event_type, huge):
            chaos.plant(topic, value, services)
            count += 1
    return f"{count} poison messages planted (bad JSON, v99, huge, invalid UTF-8)"


def state_write_errors(chaos: Chaos) -> str:
    """Ingest's SQLite state becomes unwritable (RLIMIT_FSIZE 0 on the running process), then
    writable again. Its output goes through a pipe, which the limit does not cover."""
    chaos.kill("ingest", signal.SIGTERM)
    chaos.restart("ingest", pipe=True)
    wait_until(lambda: "ingest" not in chaos.unready(), 120, interval=1, what="ingest ready")
    procs = _group(chaos.stack.processes["ingest"].pid)
    limits = {p.pid: p.rlimit(psutil.RLIMIT_FSIZE) for p in procs}
    for p in procs:
        p.rlimit(psutil.RLIMIT_FSIZE, (0, limits[p.pid][1]))
    time.sleep(OUTAGE_S)
    for p in procs:
        p.rlimit(psutil.RLIMIT_FSIZE, limits[p.pid])
    return "ingest ran 30 s with a file-size limit of 0 bytes"


# The local node turns disk thresholds off; these turn them on with every watermark at 1 % used,
# so the node is over its flood stage at once, and check disk usage every 10 s (the minimum).
FLOOD_STAGE = {
    "cluster.routing.allocation.disk.threshold_enabled": True,
    "cluster.info.update.interval": "10s",
    "cluster.routing.allocation.disk.watermark.low": "1%",
    "cluster.routing.allocation.disk.watermark.high": "1%",
    "cluster.routing.allocation.disk.watermark.flood_stage": "1%",
}
# "Space returns": the default watermarks, which this disk is below; Elasticsearch lifts the block.
SPACE_BACK = {**FLOOD_STAGE, **{k: None for k in FLOOD_STAGE if ".watermark." in k}}
BLOCKED_ALERT = "ParleyElasticsearchWritesBlocked"


def write_blocked(chaos: Chaos) -> bool:
    """Whether Parley's article indices carry the flood-stage block."""
    settings = chaos.infra.es().indices.get_settings(
        index=f"{chaos.namespace}-articles*", name="index.blocks.read_only_allow_delete"
    )
    return any(
        str(s.get("settings", {}).get("index", {}).get("blocks", {}).get("read_only_allow_delete")) == "true"
        for s in settings.values()
    )


def flood_stage(chaos: Chaos) -> str:
    """Elasticsearch passes its flood-stage watermark: every index goes read-only until space returns."""
    es = chaos.infra.es()
    started = time.monotonic()
    es.cluster.put_settings(persistent=FLOOD_STAGE)
    try:
        wait_until(lambda: write_blocked(chaos), 90, interval=1, what="the flood-stage block")
        blocked_s = time.monotonic() - started
        wait_until(lambda: chaos.alert_firing(BLOCKED_ALERT), 180, interval=2, what=f"{BLOCKED_ALERT} firing")
        fired_s = time.monotonic() - started
    finally:
        es.cluster.put_settings(persistent=SPACE_BACK)
    space_back = time.monotonic()
    wait_until(lambda: not write_blocked(chaos), 120, interval=1, what="Elasticsearch lifting the block")
    lifted_s = time.monotonic() - space_back
    es.cluster.put_settings(persistent={k: None for k in FLOOD_STAGE})
    return (
        f"indices read-only {blocked_s:.0f} s after the watermarks dropped, {BLOCKED_ALERT} firing in "
        f"Prometheus at {fired_s:.0f} s; space back at {space_back - started:.0f} s, block lifted by "
        f"Elasticsearch {lifted_s:.0f} s later"
    )


KAFKA_ALERT = "ParleyKafkaUnreachable"


def fill(path: Path) -> int:
    """Write zeros to `path` until its file system is full; return the bytes written."""
    written = 0
    chunk = b"\0" * (1 << 20)
    with path.open("wb", buffering=0) as ballast:
        try:
            while True:
                written += ballast.write(chunk)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
    return written


def kafka_disk_full(chaos: Chaos) -> str:
    """Kafka's log folder fills up: the broker stops itself; space returns and it is started again."""
    ballast = chaos.infra.kafka_data / "ballast"
    started = time.monotonic()
    size = fill(ballast)
    try:
        # The stream keeps producing: the first append that finds no space takes the log folder,
        # and with it the broker, down.
        wait_until(
            lambda: not chaos.infra.kafka_answers(), 120, interval=1, what="Kafka stopping on a full disk"
        )
        stopped_s = time.monotonic() - started
        wait_until(lambda: chaos.alert_firing(KAFKA_ALERT), 240, interval=2, what=f"{KAFKA_ALERT} firing")
        fired_s = time.monotonic() - started
    finally:
        ballast.unlink()
    space_back = time.monotonic()
    chaos.infra.run("up", "kafka")  # what a supervisor (compose's restart policy) does
    return (
        f"{size / 2**20:.0f} MiB of ballast filled the tmpfs; the broker stopped itself after "
        f"{stopped_s:.0f} s, {KAFKA_ALERT} firing in Prometheus at {fired_s:.0f} s; space back at "
        f"{space_back - started:.0f} s, broker started again in {time.monotonic() - space_back:.0f} s"
    )


def needs_small_kafka_disk(chaos: Chaos) -> str | None:
    return chaos.infra.kafka_disk and f"Kafka's log folder is not on a small tmpfs: {chaos.infra.kafka_disk}"


def _group(pid: int) -> list[psutil.Process]:
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


@dataclass(frozen=True)
class Scenario:
    name: str
    fault: Fault
    short: bool = False
    # A restart's recovery varies from run to run (rebalance, table recovery, catch-up), so
    # these run PARLEY_CHAOS_REPEAT times and the worst one is reported.
    repeatable: bool = False
    # Why this scenario cannot run on this machine, or None.
    cannot_run: Callable[[Chaos], str | None] = lambda _: None


SCENARIOS = [
    Scenario("kill -9 ingest", kill9("ingest"), repeatable=True),
    Scenario("kill -9 enrichment", kill9("enrichment"), short=True, repeatable=True),
    Scenario("kill -9 indexer", kill9("indexer"), short=True, repeatable=True),
    Scenario("kill -9 alerting", kill9("alerting"), repeatable=True),
    Scenario("kill -9 dispatcher", kill9("dispatcher"), repeatable=True),
    Scenario("kill -9 search", kill9("search"), repeatable=True),
    Scenario("Kafka stopped 30 s", server_outage("kafka")),
    Scenario("Elasticsearch stopped 30 s", server_outage("elasticsearch")),
    Scenario("receiver down 60 s, slow 30 s", receiver_outage),
    Scenario("rebalance: 2 enrichment + 2 indexer, one of each killed", rebalance),
    Scenario("poison on every input topic", poison, short=True),
    Scenario("ingest state unwritable 30 s", state_write_errors),
    Scenario("Elasticsearch flood-stage watermark", flood_stage),
    Scenario("Kafka's disk fills up", kafka_disk_full, cannot_run=needs_small_kafka_disk),
]
SELECTED = [s for s in SCENARIOS if FULL or s.short]
REPEAT = chaos_repeat()
RUNS = [
    pytest.param(s, id=s.name if count == 1 else f"{s.name} (run {i} of {count})")
    for s in SELECTED
    for count in [REPEAT if s.repeatable else 1]
    for i in range(1, count + 1)
]


@pytest.mark.timeout(900)  # a fault of up to 90 s, streaming around it, then up to SETTLE_S of polling
@pytest.mark.parametrize("scenario", RUNS)
def test_invariants_hold_after_fault(scenario: Scenario, chaos: Chaos, chaos_rows: list[Row]) -> None:
    reason = scenario.cannot_run(chaos)
    if reason:
        pytest.skip(reason)
    seen_requests = len(chaos.receiver.delivered())
    letters_before = len(chaos.dead_letters())
    stream = chaos.stream(RATE)
    time.sleep(LEAD_S)
    notes = scenario.fault(chaos)
    fault_end = time.monotonic()
    time.sleep(TAIL_S)
    stream.stop()
    new = list(stream.accepted)
    chaos.accepted.extend(new)
    row = Row(scenario.name, refusals=dict(stream.refusals), notes=notes)
    chaos_rows.append(row)
    settle(chaos, row, new, seen_requests, fault_end, SETTLE_S)
    row.dead_lettered -= letters_before
    if stream.refusals:
        refused = ", ".join(f"{k} ×{v}" for k, v in sorted(stream.refusals.items()))
        row.notes = "; ".join(filter(None, [row.notes, f"ingest refusals retried by the client: {refused}"]))
    assert row.holds(), row.problems()
