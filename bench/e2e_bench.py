"""Whole-pipeline benchmarks: every service as its own process (`services.stack.Stack`).

- Alert latency: articles that each announce different talks are posted one per request to the
  ingest API at a steady rate; the latency of each is the webhook's arrival at the demo sink
  (`received_at`) minus the moment the ingest call returned, matched by article id.
- Sustainable rate: the ingest rate is stepped up; a step is sustained when the articles index
  catches up with what was posted within a few seconds of the step's end.
- Drain rate: a backlog posted as fast as the API takes it, timed until all of it is indexed
  (used for the enrichment replica comparison).
- Growth: a fresh stack per size, each stage's completion time and each process's peak memory.

Every stack runs in a namespace of the run's `Workspace` (topics, groups, indices and templates
are deleted at the end) with the services' working folder in the run's scratch folder.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench import articles as article_gen
from bench.kafka_bench import Workspace
from bench.result import ROOT
from parley.services.cli.stack import SERVICES, Stack, free_port
from parley.shared.elasticsearch import make_client
from parley.shared.kafka import make_admin, make_consumer
from parley.shared.topics import Names

LOG_ROOT = ROOT / "build" / "bench" / "logs"

# Forty countries the gazetteer knows, so every pair is a distinct party key for alerting.
TALKS_COUNTRIES = (
    "Armenia", "Azerbaijan", "Serbia", "Kosovo", "Sudan", "Ethiopia", "Kenya", "Colombia",
    "Venezuela", "Brazil", "Germany", "France", "Japan", "South Korea", "Norway", "Poland",
    "Mexico", "Chile", "Peru", "Vietnam", "Indonesia", "Thailand", "Nigeria", "Ghana", "Morocco",
    "Algeria", "Tunisia", "Jordan", "Lebanon", "Iraq", "Georgia", "Moldova", "Romania", "Hungary",
    "Greece", "Cyprus", "Argentina", "Bolivia", "Uganda", "Tanzania",
)  # fmt: skip
TALKS_CITIES = (
    "Geneva", "Doha", "Istanbul", "Cairo", "Oslo", "Vienna", "Riyadh", "Nairobi", "Havana",
    "Brussels", "Abu Dhabi", "Muscat", "Helsinki", "Jeddah", "Addis Ababa", "Bogota",
)  # fmt: skip
MONTHS = ("March", "May", "July", "September", "November")
OFFICIALS = (
    "the foreign ministry said on Monday", "a government spokesman told reporters",
    "officials in both capitals confirmed", "the mediators announced in a statement",
)  # fmt: skip
TALKS_PUBLISHED = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)


def talks_articles(n: int, rep: int, seed: int = article_gen.DEFAULT_SEED) -> list[dict[str, Any]]:
    """`n` articles, each announcing talks between a different pair of countries.

    Within one repetition every article has its own party pair (so each opens its own talks event
    and raises its own alert); repetition `rep` dates its meetings in month `MONTHS[rep]`, at
    least two months away from any other repetition's, so a pair reused in a later repetition on
    the same stack is a new meeting again.
    """
    pairs = list(itertools.combinations(TALKS_COUNTRIES, 2))
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} articles with distinct party pairs")
    rng = random.Random(f"{seed}:talks:{rep}")
    rng.shuffle(pairs)
    month = MONTHS[rep % len(MONTHS)]
    out = []
    for i, (a, b) in enumerate(pairs[:n]):
        if rng.random() < 0.5:
            a, b = b, a
        city = rng.choice(TALKS_CITIES)
        day = 1 + rng.randrange(26)
        published = TALKS_PUBLISHED + timedelta(minutes=i)
        filler = " ".join(rng.sample(article_gen.FILLER, 3))
        text = (
            f"{a} and {b} will hold talks in {city} on {month} {day}-{day + 1}, "
            f"{rng.choice(OFFICIALS)}. {filler}"
        )
        out.append(
            {
                "url": f"https://news.example.org/bench-talks/r{rep}/{i}-{a}-{b}".replace(" ", "-").lower(),
                "title": f"{a} and {b} to hold talks in {city}",
                "published": published.isoformat().replace("+00:00", "Z"),
                "source": rng.choice(article_gen.SOURCES),
                "language": "en",
                "tags": ["diplomacy"],
                "text": text,
            }
        )
    return out


def check_talks_articles(docs: Sequence[dict[str, Any]]) -> list[str]:
    """Titles of the articles whose extraction is not one `announced` record with >= 2 parties."""
    from parley.services.enrichment.extract import extract_article
    from parley.shared.article_input import validate_article

    bad = []
    for raw in docs:
        article = validate_article(raw)
        extraction = extract_article(title=article.title, text=article.body, published=article.published)
        if not any(r.status == "announced" and len(r.parties) >= 2 for r in extraction.talks):
            bad.append(article.title)
    return bad


# -- the stack ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _working_dir(path: Path) -> Iterator[None]:
    """Start processes from `path`: faust keeps `<app>-data` and ingest `.local/state` relative to it."""
    before = Path.cwd()
    path.mkdir(parents=True, exist_ok=True)
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


@dataclass
class BenchStack:
    """A `Stack` in a workspace namespace, plus extra enrichment replicas and helpers."""

    ws: Workspace
    stack: Stack
    workdir: Path
    replicas: list[tuple[subprocess.Popen[bytes], int]] = field(default_factory=list)
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=60))

    @classmethod
    def start(cls, ws: Workspace) -> BenchStack:
        ns = ws.namespace()
        names = Names(ns)
        for service in SERVICES:  # every consumer group the stack may create (absent ones are skipped)
            ws.group(names.group(service))
        ports = {name: free_port() for name in (*SERVICES, "webhook-sink")}
        stack = Stack(namespace=ns, ports=ports, log_dir=LOG_ROOT / ns)
        workdir = ws.scratch_dir() / ns
        with _working_dir(workdir):
            stack.start()
        bench = cls(ws, stack, workdir)
        try:
            stack.wait_ready()
        except Exception:
            bench.stop()
            raise
        return bench

    @property
    def namespace(self) -> str:
        return self.stack.namespace

    @property
    def alias(self) -> str:
        return Names(self.namespace).alias("articles")

    def url(self, service: str, path: str) -> str:
        return f"http://127.0.0.1:{self.stack.ports[service]}{path}"

    def post(self, docs: dict[str, Any] | list[dict[str, Any]]) -> list[str]:
        response = self.http.post(self.url("ingest", "/articles"), json=docs)
        response.raise_for_status()
        return [a["id"] for a in response.json()["articles"]]

    def received(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = self.http.get(self.url("webhook-sink", "/received")).json()
        return items

    def add_enrichment_replica(self) -> None:
        port = free_port()
        env = {**self.stack.env("enrichment"), "PARLEY_HTTP_PORT": str(port)}
        log = (self.stack.log_dir / f"enrichment-{len(self.replicas) + 2}.log").open("ab")
        proc = subprocess.Popen(
            [sys.executable, "-m", "parley.services", "enrichment", "run"],
            env=env,
            cwd=self.workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.replicas.append((proc, port))

    def wait_replicas_ready(self, timeout_s: float = 120.0) -> None:
        """Every enrichment process reports its partitions assigned (the group has rebalanced)."""
        ports = [self.stack.ports["enrichment"], *(port for _, port in self.replicas)]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            ready = 0
            for port in ports:
                with contextlib.suppress(httpx.HTTPError):
                    ready += httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
            if ready == len(ports):
                return
            time.sleep(0.5)
        raise RuntimeError(f"enrichment replicas not ready after {timeout_s:.0f} s")

    def processes(self) -> dict[str, int]:
        """Service name -> pid (extra enrichment replicas as enrichment-2, -3, ...)."""
        out = {name: proc.pid for name, proc in self.stack.processes.items()}
        for i, (proc, _) in enumerate(self.replicas, start=2):
            out[f"enrichment-{i}"] = proc.pid
        return out

    def stop(self) -> None:
        for proc, _ in self.replicas:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
        self.stack.stop()
        for proc, _ in self.replicas:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.http.close()


class IndexCounter:
    """Documents searchable in a stack's articles index (what a reader would see; no forced refresh)."""

    def __init__(self, ws: Workspace, alias: str) -> None:
        self.client = make_client(ws.settings.es)
        self.alias = alias

    def __call__(self) -> int:
        return int(self.client.count(index=self.alias)["count"])

    def wait_for(self, target: int, timeout_s: float, poll_s: float = 0.25) -> float | None:
        """perf_counter() when the count reached `target`, None on timeout."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self() >= target:
                return time.perf_counter()
            time.sleep(poll_s)
        return None

    def close(self) -> None:
        self.client.close()


# -- alert latency ---------------------------------------------------------------------------------


@dataclass
class LatencyRun:
    returned: dict[str, float]  # article id -> wall-clock time the ingest call returned
    latencies_ms: list[float]
    missing: int
    send_rate: float


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def post_steadily(
    bench: BenchStack, docs: Sequence[dict[str, Any]], rate: float
) -> tuple[dict[str, float], float]:
    """One article per request, request i sent at start + i / rate; (id -> return time, rate achieved)."""
    returned: dict[str, float] = {}
    started = time.monotonic()
    for i, doc in enumerate(docs):
        delay = started + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        (article_id,) = bench.post(doc)
        returned[article_id] = time.time()
    return returned, len(docs) / max(time.monotonic() - started, 1e-9)


def alert_arrivals(bench: BenchStack, ids: set[str]) -> dict[str, float]:
    """Article id -> epoch seconds of the first webhook about it that reached the sink."""
    out: dict[str, float] = {}
    for item in bench.received():
        data = (item.get("payload") or {}).get("data") or {}
        article_id = data.get("article_id")
        if article_id in ids:
            at = datetime.fromisoformat(item["received_at"]).timestamp()
            out[article_id] = min(at, out.get(article_id, at))
    return out


def alert_latency(
    bench: BenchStack, docs: Sequence[dict[str, Any]], rate: float, wait_s: float = 90.0
) -> LatencyRun:
    returned, achieved = post_steadily(bench, docs, rate)
    ids = set(returned)
    deadline = time.monotonic() + wait_s
    arrivals: dict[str, float] = {}
    while time.monotonic() < deadline:
        arrivals = alert_arrivals(bench, ids)
        if len(arrivals) == len(ids):
            break
        time.sleep(1.0)
    latencies = [(arrivals[i] - returned[i]) * 1000 for i in arrivals]
    return LatencyRun(returned, latencies, len(ids) - len(arrivals), achieved)


# -- throughput ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    rate: int
    posted: int
    send_rate: float
    backlog_at_end: int
    catch_up_s: float | None  # None: not caught up within the allowance

    @property
    def sustained(self) -> bool:
        return self.catch_up_s is not None and self.send_rate >= 0.95 * self.rate


class ArticleSource:
    """Generated articles (bench/articles.py) with indices no other phase of the run uses."""

    def __init__(self, start: int) -> None:
        self.next = start

    def take(self, n: int) -> list[dict[str, Any]]:
        docs = [article_gen.make_article(i) for i in range(self.next, self.next + n)]
        self.next += n
        return docs


def step_rate(
    bench: BenchStack,
    counter: IndexCounter,
    source: ArticleSource,
    rate: int,
    step_s: float,
    catch_up_s: float,
    tick_s: float = 0.5,
) -> Step:
    """Post `rate` articles/s (a batch every `tick_s`) for `step_s`, then time the catch-up."""
    per_tick = max(1, round(rate * tick_s))
    ticks = max(1, round(step_s / tick_s))
    batches = [source.take(per_tick) for _ in range(ticks)]  # generated before the clock starts
    base = counter()
    started = time.monotonic()
    for k, batch in enumerate(batches):
        delay = started + k * tick_s - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        bench.post(batch)
    posted = per_tick * ticks
    # The last batch was due at (ticks - 1) * tick_s; the step lasts ticks * tick_s on schedule.
    elapsed = max(time.monotonic() - started, ticks * tick_s)
    ended = time.perf_counter()
    backlog = base + posted - counter()
    reached = counter.wait_for(base + posted, catch_up_s)
    return Step(rate, posted, posted / elapsed, backlog, None if reached is None else reached - ended)


def sustainable_rate(
    bench: BenchStack,
    counter: IndexCounter,
    source: ArticleSource,
    rates: Sequence[int],
    step_s: float,
    catch_up_s: float,
    log: Callable[[str], None],
) -> tuple[int | None, list[Step]]:
    """Step through `rates` until one is not sustained; (highest sustained rate, steps)."""
    best: int | None = None
    steps: list[Step] = []
    for rate in rates:
        step = step_rate(bench, counter, source, rate, step_s, catch_up_s)
        steps.append(step)
        caught = (
            f"after {step.catch_up_s:.1f} s"
            if step.catch_up_s is not None
            else f"NOT within {catch_up_s:.0f} s"
        )
        log(
            f"  {rate}/s for {step_s:.0f} s: sent at {step.send_rate:.1f}/s, backlog {step.backlog_at_end} "
            f"at the end, caught up {caught}"
        )
        if not step.sustained:
            break
        best = rate
    return best, steps


def drain_rate(
    bench: BenchStack, counter: IndexCounter, source: ArticleSource, n: int, timeout_s: float
) -> float:
    """Post `n` articles in API-sized batches as fast as accepted; articles/s until all are indexed."""
    docs = source.take(n)
    base = counter()
    started = time.perf_counter()
    for i in range(0, n, 500):
        bench.post(docs[i : i + 500])
    done = counter.wait_for(base + n, timeout_s, poll_s=0.5)
    if done is None:
        raise RuntimeError(f"{n} articles not indexed within {timeout_s:.0f} s")
    return n / (done - started)


def cpu_seconds(pids: dict[str, int]) -> dict[str, float]:
    """User + system CPU seconds so far of each service (process and children)."""
    out: dict[str, float] = {}
    for name, pid in pids.items():
        try:
            proc = psutil.Process(pid)
            total = 0.0
            for p in [proc, *proc.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    times = p.cpu_times()
                    total += times.user + times.system
            out[name] = total
        except psutil.Error:
            continue
    return out


# -- growth -------------------------------------------------------------------------------------


class MemorySampler:
    """Peak RSS per service (process and its children), sampled in a thread."""

    def __init__(self, pids: dict[str, int], interval_s: float = 1.0) -> None:
        self.pids = pids
        self.interval_s = interval_s
        self.peak_mb: dict[str, float] = dict.fromkeys(pids, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-memory", daemon=True)

    def _rss(self, pid: int) -> float:
        try:
            proc = psutil.Process(pid)
            procs = [proc, *proc.children(recursive=True)]
        except psutil.Error:
            return 0.0
        total = 0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        return total / 2**20

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, pid in self.pids.items():
                self.peak_mb[name] = max(self.peak_mb[name], self._rss(pid))
            self._stop.wait(self.interval_s)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def _group_done(admin: Any, consumer: Any, group: str, topic: str) -> bool:
    """True when `group` has committed the end offset of every partition of `topic`."""
    if hasattr(admin, "list_group_offsets"):  # kafka-python 3
        offsets = admin.list_group_offsets(group).get(group, {})
    else:
        offsets = admin.list_consumer_group_offsets(group)
    mine = {tp: om.offset for tp, om in offsets.items() if tp.topic == topic}
    partitions = consumer.partitions_for_topic(topic) or set()
    from kafka.structs import TopicPartition

    tps = [TopicPartition(topic, p) for p in partitions]
    if not tps:
        return False
    ends = consumer.end_offsets(tps)
    return all(mine.get(tp, 0) >= end for tp, end in ends.items())


@dataclass
class Growth:
    articles: int
    stage_s: dict[str, float]
    peak_mb: dict[str, float]
    indexed: int

    def describe(self) -> str:
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in self.stage_s.items())
        memory = ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(self.peak_mb.items()))
        if "indexed" in self.stage_s:
            progress = f"{self.articles / self.stage_s['indexed']:,.1f} articles/s to indexed"
        else:
            progress = f"only {self.indexed:,} indexed when the time ran out"
        return (
            f"{self.articles:,} articles on a fresh stack, posted in batches of 1,000 as fast as accepted: "
            f"stages done after {stages} (from the first post; {progress}); peak RSS {memory}"
        )


def growth(
    ws: Workspace, n: int, source: ArticleSource, timeout_s: float, log: Callable[[str], None]
) -> Growth:
    """A fresh stack; post `n` articles; time each stage's completion; peak memory per process."""
    bench = BenchStack.start(ws)
    counter = IndexCounter(ws, bench.alias)
    names = Names(bench.namespace)
    admin = make_admin(ws.settings.kafka, "bench-growth")
    probe = make_consumer(ws.settings.kafka, "bench-growth-probe", None)
    stage: dict[str, float] = {}
    try:
        with MemorySampler(bench.processes()) as sampler:
            started = time.perf_counter()
            done = 0
            while done < n:
                chunk = source.take(min(1000, n - done))
                bench.post(chunk)
                done += len(chunk)
            stage["ingest API"] = time.perf_counter() - started
            deadline = time.monotonic() + timeout_s
            pending = {
                "enrichment": lambda: _group_done(admin, probe, names.group("enrichment"), names.raw),
                "indexed": lambda: counter() >= n,
                "alerting": lambda: _group_done(admin, probe, names.group("alerting"), names.enriched),
            }
            while pending and time.monotonic() < deadline:
                for name, check in list(pending.items()):
                    with contextlib.suppress(Exception):
                        if check():
                            stage[name] = time.perf_counter() - started
                            del pending[name]
                time.sleep(1.0)
            if pending:
                log(f"  growth {n}: not finished within {timeout_s:.0f} s: {', '.join(pending)}")
                for name in pending:
                    stage[f"{name} (unfinished)"] = time.perf_counter() - started
        indexed = 0
        with contextlib.suppress(Exception):
            indexed = counter()
        return Growth(n, stage, sampler.peak_mb, indexed)
    finally:
        probe.close()
        admin.close()
        counter.close()
        bench.stop()


def median_or_none(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None
