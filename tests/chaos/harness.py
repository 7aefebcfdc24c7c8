"""Machinery of the chaos suite and the soak run: a private Kafka + Elasticsearch pair, every
Parley service as processes, a steady stream of known articles, a scripted webhook receiver,
and the invariants checked after each fault.

The private servers are started with `deploy/local/infra.py` in a folder of their own on free
ports, so a scenario may stop and start them without touching the shared pair.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from elasticsearch import Elasticsearch
from kafka import TopicPartition

from bench import articles as article_gen
from parley.services.cli.stack import SERVICES, Stack, free_port
from parley.services.enrichment.extract import extract_article
from parley.shared.article_input import ArticleInput, validate_article
from parley.shared.deadletter import MAX_KEPT_BYTES
from parley.shared.events import decode_event
from parley.shared.events.deadletter import MessageDeadLettered
from parley.shared.ids import talks_id
from parley.shared.kafka import ensure_topics, make_consumer, make_producer
from parley.shared.lag import consumer_lag
from parley.shared.settings import ElasticsearchSettings, KafkaSettings, ParleySettings
from parley.shared.topics import Names
from tests.conftest import ROOT, new_namespace, wait_until
from tests.support.processes import launch, stop
from tests.support.prometheus import firing, local_prometheus
from tests.support.webhooks import Receiver

INFRA = ROOT / "deploy" / "local" / "infra.py"
SHARED_LOCAL = ROOT / ".local"
SECRET = "whsec_" + "cGFybGV5LWNoYW9zLXJlY2VpdmVyLXNlY3JldC0yNA=="
# Retries close together, so a receiver outage of a minute is bridged within the schedule.
RETRY_SCHEDULE_S = "[1, 2, 4, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8]"
WEBHOOK_TIMEOUT_S = 10  # above the slow receiver's 5 s
CONSUMERS = ("enrichment", "indexer", "alerting", "dispatcher")


def chaos_mode() -> str:
    """`full` (every scenario, writes docs/reliability.md) or `short` (a subset, the default)."""
    return "full" if os.environ.get("PARLEY_CHAOS", "").strip().lower() == "full" else "short"


# -- private servers ---------------------------------------------------------------------------


KAFKA_TMPFS = "1g"


class PrivateInfra:
    """A Kafka + Elasticsearch pair of our own, started and stopped through infra.py.

    With `small_kafka_disk`, Kafka's log folder is a size-limited tmpfs, which a scenario can fill
    (mounting one needs root; `kafka_disk` says why it is missing otherwise).
    """

    def __init__(self, root: Path, small_kafka_disk: bool = False) -> None:
        self.root = root
        self.small_kafka_disk = small_kafka_disk
        self.kafka_data = root / "kafka" / "data"
        self.kafka_disk: str | None = None  # None: on a tmpfs of KAFKA_TMPFS; else why not
        self.kafka_port, self.controller_port = free_port(), free_port()
        self.es_port, self.transport_port = free_port(), free_port()
        self.bootstrap = f"127.0.0.1:{self.kafka_port}"
        self.es_url = f"http://127.0.0.1:{self.es_port}"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PARLEY_LOCAL_DIR": str(self.root),
            "PARLEY_LOCAL_KAFKA_PORT": str(self.kafka_port),
            "PARLEY_LOCAL_KAFKA_CONTROLLER_PORT": str(self.controller_port),
            "PARLEY_LOCAL_ES_HTTP_PORT": str(self.es_port),
            "PARLEY_LOCAL_ES_TRANSPORT_PORT": str(self.transport_port),
        }

    def seed_jars(self) -> None:
        """Reuse the jars of the usual pair (same pom, same stamp) instead of a Maven build."""
        for name in ("kafka", "elasticsearch"):
            src, dst = SHARED_LOCAL / name / "lib", self.root / name / "lib"
            if dst.exists() or not (src / ".complete").is_file():
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copytree(src, dst, copy_function=os.link)
            except OSError:
                shutil.rmtree(dst, ignore_errors=True)
                shutil.copytree(src, dst)

    def run(self, action: str, only: str | None = None) -> None:
        command = [sys.executable, str(INFRA), action, *(["--only", only] if only else [])]
        result = subprocess.run(
            command, env=self.env(), capture_output=True, text=True, timeout=300, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"infra.py {action} {only or ''} failed:\n{result.stdout}{result.stderr}")

    def up(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.seed_jars()
        self.kafka_disk = self._mount_kafka_disk() if self.small_kafka_disk else "not asked for"
        self.run("up")

    def down(self) -> None:
        try:
            self.run("down")
        finally:
            if self.kafka_disk is None:
                subprocess.run(["umount", str(self.kafka_data)], capture_output=True, check=False)

    def _mount_kafka_disk(self) -> str | None:
        self.kafka_data.mkdir(parents=True, exist_ok=True)
        mount = ["mount", "-t", "tmpfs", "-o", f"size={KAFKA_TMPFS},mode=0700", "tmpfs", str(self.kafka_data)]
        try:
            result = subprocess.run(mount, capture_output=True, text=True, timeout=30, check=False)
        except OSError as exc:
            return f"`mount` could not run: {exc}"
        if result.returncode != 0:
            return f"mounting a tmpfs for Kafka's log folder failed: {result.stderr.strip()}"
        return None

    def kafka_answers(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.kafka_port), timeout=1).close()
        except OSError:
            return False
        return True

    def kafka(self) -> KafkaSettings:
        return KafkaSettings(bootstrap_servers=self.bootstrap)

    def es(self) -> Elasticsearch:
        return Elasticsearch(self.es_url, request_timeout=30)

    def settings(self, namespace: str) -> ParleySettings:
        return ParleySettings(
            namespace=namespace,
            kafka=self.kafka(),
            es=ElasticsearchSettings(url=self.es_url),
        )


# -- articles ----------------------------------------------------------------------------------

TALKS_COUNTRIES = (
    "Armenia", "Azerbaijan", "Serbia", "Kosovo", "Sudan", "Ethiopia", "Kenya", "Colombia",
    "Venezuela", "Brazil", "Germany", "France", "Japan", "South Korea", "Norway", "Poland",
    "Mexico", "Chile", "Peru", "Vietnam", "Indonesia", "Thailand", "Nigeria", "Ghana", "Morocco",
    "Algeria", "Tunisia", "Jordan", "Lebanon", "Iraq", "Georgia", "Moldova", "Romania", "Hungary",
    "Greece", "Cyprus", "Argentina", "Bolivia", "Uganda", "Tanzania",
)  # fmt: skip
CITIES = ("Geneva", "Doha", "Istanbul", "Cairo", "Oslo", "Vienna", "Nairobi", "Helsinki")


@dataclass(frozen=True)
class Planned:
    article: dict[str, Any]
    article_id: str
    alert_id: str | None  # the announcement it must raise, if it announces talks


class ArticleSource:
    """Article number i of a run: one in four announces talks between a pair of countries used
    by no other article of the run (a talks event of its own, one `talks.announced` alert); the
    others carry no talks at all. Expected alert ids are computed the way alerting derives them."""

    def __init__(self, run: str, months: tuple[str, ...] = ("May", "July", "September")) -> None:
        self.run = run
        pairs = list(itertools.combinations(TALKS_COUNTRIES, 2))
        random.Random(run).shuffle(pairs)
        # A pair comes back only in another month, two months from any other use: a new meeting,
        # the pair's second talks event (its id's index is the number of events before it).
        self.pairs = [(a, b, month) for month in months for a, b in pairs]
        self.per_month = len(pairs)
        self.next = 0
        self._lock = threading.Lock()

    def take(self) -> Planned:
        with self._lock:
            i = self.next
            self.next += 1
        rng = random.Random(f"{self.run}:{i}")
        published = datetime(2026, 2, 2, 8, 0, tzinfo=UTC).isoformat().replace("+00:00", "Z")
        filler = " ".join(rng.sample(article_gen.FILLER, 3))
        url = f"https://news.example.org/chaos/{self.run}/{i}"
        if i % 4 == 0:
            if i // 4 >= len(self.pairs):  # the same pair and month again would be the same meeting
                raise RuntimeError(f"the article source has no new talks left after {len(self.pairs)}")
            a, b, month = self.pairs[i // 4]
            earlier = (i // 4) // self.per_month  # events of this pair before this one
            city, day = rng.choice(CITIES), 1 + rng.randrange(26)
            title = f"{a} and {b} to hold talks in {city}"
            text = (
                f"{a} and {b} will hold talks in {city} on {month} {day}-{day + 1}, officials said. {filler}"
            )
        else:
            title = f"Markets and weather: note {i}"
            text, earlier = filler, 0
        doc = {
            "url": url,
            "title": title,
            "published": published,
            "source": rng.choice(article_gen.SOURCES),
            "language": "en",
            "text": text,
        }
        article = validate_article(doc)
        return Planned(doc, article.article_id, expected_alert(article, earlier))


def expected_alert(article: ArticleInput, earlier: int = 0) -> str | None:
    """The alert id alerting gives the article's announcement; `earlier`: events of its parties before it."""
    extraction = extract_article(title=article.title, text=article.body, published=article.published)
    announced = [r for r in extraction.talks if r.status == "announced" and len(r.parties) >= 2]
    if not announced:
        return None
    record = announced[0]
    key = tuple(sorted(p for p in record.parties if p not in record.mediators))
    return f"{talks_id(key, article.article_id, earlier)}.r1"


@dataclass
class Stream:
    """Posts articles one per request at `rate` per second; anything but a 202 is retried (a
    client that was not told "accepted" sends again). Only 202-acknowledged articles count."""

    url: str
    source: ArticleSource
    rate: float
    accepted: list[Planned] = field(default_factory=list)
    refusals: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> Stream:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=120)

    def _run(self) -> None:
        with httpx.Client(timeout=40) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                planned = self.source.take()
                while not self._send(client, planned):
                    if self._stop.wait(1.0):
                        # Stopping with an article not yet acknowledged: it was never accepted.
                        return
                self._stop.wait(max(0.0, 1 / self.rate - (time.monotonic() - started)))

    def _send(self, client: httpx.Client, planned: Planned) -> bool:
        try:
            response = client.post(self.url, json=planned.article)
        except httpx.HTTPError as exc:
            reason = type(exc).__name__
        else:
            if response.status_code == 202:
                self.accepted.append(planned)
                return True
            reason = f"HTTP {response.status_code}"
        self.refusals[reason] = self.refusals.get(reason, 0) + 1
        return False


# -- the stack ---------------------------------------------------------------------------------


class Chaos:
    """The private servers, the services as processes, the receiver, and what was planted."""

    def __init__(self, workdir: Path, infra: PrivateInfra) -> None:
        self.workdir = workdir
        self.infra = infra
        self.namespace = new_namespace()
        self.names = Names(self.namespace)
        # Answers 200, or after `slow_s` in mode "slow"; stopped, it is down; an unsigned request
        # is answered 400 (and recorded).
        self.receiver = Receiver(secret=SECRET, reject_unsigned=True, slow_s=5.0, port=free_port()).start()
        self.source = ArticleSource(self.namespace)
        ports = {name: free_port() for name in (*SERVICES, "webhook-sink")}
        self.stack = Stack(
            namespace=self.namespace,
            ports=ports,
            log_dir=workdir / "logs",
            cwd=workdir,
            extra_env={
                "PARLEY_KAFKA_BOOTSTRAP_SERVERS": infra.bootstrap,
                "PARLEY_ES_URL": infra.es_url,
                "PARLEY_INGEST_STATE_DIR": str(workdir / "ingest-state"),
                "PARLEY_ALERTING_WEBHOOKS": json.dumps(
                    [self.receiver.endpoint("chaos", timeout_s=WEBHOOK_TIMEOUT_S)]
                ),
                "PARLEY_ALERTING_RETRY_SCHEDULE_S": RETRY_SCHEDULE_S,
                "PARLEY_ALERTING_RETRY_JITTER": "0.1",
                "PARLEY_LOG_LEVEL": "INFO",
            },
        )
        self.replicas: dict[str, tuple[int, subprocess.Popen[bytes]]] = {}
        self.planted: set[tuple[str, str, bytes]] = set()  # (origin topic, service, value)
        self.accepted: list[Planned] = []
        # Parley's own alert rules, evaluated by a real Prometheus scraping every service.
        self.prometheus = local_prometheus(
            {service: ports[service] for service in SERVICES}, workdir / "prometheus"
        )

    # services

    def start(self) -> None:
        # Topics first (as `parley topics create` does in a deployment): on a brand-new broker a
        # faust worker whose first assignment misses its topics may sit without partitions.
        ensure_topics(self.infra.kafka(), self.namespace)
        self.stack.start()
        self.stack.wait_ready(180)
        self.prometheus.start()

    def stop(self) -> None:
        for _, proc in self.replicas.values():
            stop(proc, signal.SIGKILL)
        self.prometheus.stop()
        self.stack.stop()
        self.receiver.stop()

    def spawn(self, service: str, port: int, log_name: str, pipe: bool = False) -> subprocess.Popen[bytes]:
        """Start one process of a service on `port`. With `pipe`, its output reaches the log
        through a pipe (pipes are not subject to a file-size limit set on the process)."""
        env = {**self.stack.env(service), "PARLEY_HTTP_PORT": str(port)}
        log = self.stack.log_dir / f"{log_name}.log"
        return launch([service, "run"], env, log, pipe=pipe, cwd=self.workdir)

    def kill(self, service: str, sig: int = signal.SIGKILL) -> None:
        stop(self.stack.processes[service], sig)

    def restart(self, service: str, pipe: bool = False) -> None:
        self.stack.processes[service] = self.spawn(service, self.stack.ports[service], service, pipe)

    def add_replica(self, service: str) -> str:
        name = f"{service}-2"
        port = free_port()
        self.replicas[name] = (port, self.spawn(service, port, name))
        return name

    def kill_replica(self, name: str) -> None:
        _, proc = self.replicas.pop(name)
        stop(proc, signal.SIGKILL)

    def alert_firing(self, alertname: str) -> bool:
        return firing(self.prometheus, alertname)

    def ports(self) -> dict[str, int]:
        ports = {name: port for name, port in self.stack.ports.items() if name != "webhook-sink"}
        ports.update({name: port for name, (port, _) in self.replicas.items()})
        return ports

    def unready(self) -> list[str]:
        out = []
        for name, port in self.ports().items():
            try:
                ok = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=3).status_code == 200
            except httpx.HTTPError:
                ok = False
            if not ok:
                out.append(name)
        return out

    def pids(self) -> dict[str, int]:
        out = {name: proc.pid for name, proc in self.stack.processes.items() if name != "webhook-sink"}
        out.update({name: proc.pid for name, (_, proc) in self.replicas.items()})
        return out

    def stream(self, rate: float) -> Stream:
        return Stream(f"http://127.0.0.1:{self.stack.ports['ingest']}/articles", self.source, rate).start()

    # poison

    def plant(self, topic: str, value: bytes, services: tuple[str, ...]) -> None:
        producer = make_producer(self.infra.kafka(), "chaos-poison")
        try:
            producer.send(topic, key=b"poison", value=value).get(timeout=30)
        finally:
            producer.close()
        for service in services:  # a dead letter keeps at most the head of a huge message
            self.planted.add((topic, service, value[:MAX_KEPT_BYTES]))

    # observations

    def indexed_counts(self, ids: list[str]) -> dict[str, int]:
        es = self.infra.es()
        alias = self.names.alias("articles")
        counts = dict.fromkeys(ids, 0)
        try:
            es.indices.refresh(index=alias)
            for start in range(0, len(ids), 1000):
                chunk = ids[start : start + 1000]
                hits = es.search(index=alias, query={"ids": {"values": chunk}}, size=len(chunk), source=False)
                for hit in hits["hits"]["hits"]:
                    counts[hit["_id"]] = counts.get(hit["_id"], 0) + 1
        except Exception:  # Elasticsearch away: nothing counts as indexed yet
            return dict.fromkeys(ids, 0)
        finally:
            es.close()
        return counts

    def read_topic(self, topic: str) -> list[Any]:
        consumer = make_consumer(self.infra.kafka(), "chaos-reader", None)  # type: ignore[arg-type]
        try:
            parts = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
            consumer.assign(parts)
            consumer.seek_to_beginning(*parts)
            ends = consumer.end_offsets(parts)
            out: list[Any] = []
            deadline = time.monotonic() + 60
            while any(consumer.position(tp) < ends[tp] for tp in parts) and time.monotonic() < deadline:
                for records in consumer.poll(timeout_ms=500, max_records=100).values():
                    out.extend(records)
            return out
        finally:
            consumer.close()

    def dead_letters(self) -> list[tuple[str, str, bytes]]:
        out = []
        for record in self.read_topic(self.names.deadletter):
            event = decode_event(record.value).data
            assert isinstance(event, MessageDeadLettered)
            out.append((event.origin_topic, event.service, event.original_value()))
        return out

    def lag(self) -> dict[str, int]:
        settings = self.infra.settings(self.namespace)
        return {service: sum(p.lag for p in consumer_lag(settings, service)) for service in CONSUMERS}


# -- invariants --------------------------------------------------------------------------------


@dataclass
class Row:
    scenario: str
    sent: int = 0
    indexed: int = 0
    missing: int = 0
    duplicated: int = 0
    alerts_expected: int = 0
    alerts_delivered: int = 0
    alerts_missing: int = 0
    alerts_unexpected: int = 0
    redeliveries: int = 0
    dead_lettered: int = 0
    dead_letters_unplanned: int = 0
    planted_missing: int = 0
    unready: list[str] = field(default_factory=list)
    refusals: dict[str, int] = field(default_factory=dict)
    recover_s: float | None = None
    notes: str = ""

    def holds(self) -> bool:
        return (
            self.missing == 0
            and self.duplicated == 0
            and self.alerts_missing == 0
            and self.alerts_unexpected == 0
            and self.dead_letters_unplanned == 0
            and self.planted_missing == 0
            and not self.unready
        )

    def problems(self) -> str:
        return json.dumps({k: v for k, v in self.__dict__.items() if v}, default=str)


def observe(chaos: Chaos, row: Row, new: list[Planned], seen_requests: int) -> Row:
    """Fill `row` with the invariants over everything accepted so far (`new`: this scenario's)."""
    ids = [p.article_id for p in chaos.accepted]
    counts = chaos.indexed_counts(ids)
    new_ids = {p.article_id for p in new}
    row.sent = len(new)
    row.indexed = sum(1 for i in new_ids if counts.get(i) == 1)
    row.missing = sum(1 for i in ids if counts.get(i, 0) == 0)
    row.duplicated = sum(1 for i in ids if counts.get(i, 0) > 1)
    expected_all = {p.alert_id for p in chaos.accepted if p.alert_id}
    expected_new = {p.alert_id for p in new if p.alert_id}
    requests = chaos.receiver.delivered()
    delivered_all = {r["id"] for r in requests}
    scenario_requests = requests[seen_requests:]
    row.alerts_expected = len(expected_new)
    row.alerts_delivered = len(expected_new & delivered_all)
    # This scenario's alerts only: an alert lost in an earlier scenario fails that row, not every
    # row after it.
    row.alerts_missing = len(expected_new - delivered_all)
    row.alerts_unexpected = len({r["id"] for r in scenario_requests} - expected_all)
    ids_this_time = [r["id"] for r in scenario_requests]
    row.redeliveries = len(ids_this_time) - len(set(ids_this_time))
    try:
        letters = chaos.dead_letters()
        alert_letters = chaos.read_topic(chaos.names.alerts_deadletter)
    except Exception:  # Kafka away: the invariant cannot hold yet
        row.planted_missing = len(chaos.planted) or 1
        return row
    found = set(letters)
    row.dead_lettered = len(letters)
    row.dead_letters_unplanned = len(found - chaos.planted) + len(alert_letters)
    row.planted_missing = len(chaos.planted - found)
    row.unready = chaos.unready()
    return row


def settle(
    chaos: Chaos, row: Row, new: list[Planned], seen_requests: int, since: float, timeout_s: float
) -> Row:
    """Poll the invariants until they hold; `row.recover_s` is measured from `since` (monotonic)."""
    try:
        wait_until(
            lambda: observe(chaos, row, new, seen_requests).holds(),
            timeout_s,
            interval=2.0,
            what=f"invariants after {row.scenario}",
        )
        row.recover_s = time.monotonic() - since
    except AssertionError:
        row.recover_s = None
    return row


# -- the report --------------------------------------------------------------------------------


def machine_line() -> str:
    import psutil

    memory = psutil.virtual_memory().total / 2**30
    return (
        f"{platform.node() or 'host'}: {platform.system()} {platform.release()}, "
        f"{os.cpu_count()} CPU, {memory:.0f} GiB RAM, Python {platform.python_version()}"
    )


@contextlib.contextmanager
def private_pair(root: Path, small_kafka_disk: bool = False) -> Iterator[PrivateInfra]:
    infra = PrivateInfra(root, small_kafka_disk)
    try:
        infra.up()
        yield infra
    finally:
        with contextlib.suppress(Exception):
            infra.down()
