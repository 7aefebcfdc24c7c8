"""`python -m bench.run --mode quick|full`: measure, then write bench/results/<mode>.json.

A full run also regenerates docs/benchmarks.md. Needs the local Kafka and Elasticsearch
(`make infra-up`); connection settings come from the usual `PARLEY_*` variables.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import articles as article_gen
from bench import extract_bench, kafka_bench
from bench.result import RESULTS_DIR, build_result, git_state, machine_info, write_result
from parley.shared.settings import ParleySettings, load_settings

ALERT_REASON = "the alert latency benchmark is not part of the harness yet"
NOT_MEASURED = {
    "indexer_docs_per_s": "the indexer benchmark is not part of the harness yet",
    "raw_bulk_docs_per_s": "the Elasticsearch bulk baseline is not part of the harness yet",
    "indexer_vs_raw_ratio": "needs indexer_docs_per_s and raw_bulk_docs_per_s",
    "e2e_articles_per_s": "the whole-pipeline benchmark is not part of the harness yet",
    "alert_latency_p50_ms": ALERT_REASON,
    "alert_latency_p95_ms": ALERT_REASON,
    "alert_latency_p99_ms": ALERT_REASON,
    "elastalert2_latency_10s_ms": "the ElastAlert 2 comparison is not set up yet",
    "elastalert2_latency_60s_ms": "the ElastAlert 2 comparison is not set up yet",
}


@dataclass(frozen=True)
class Plan:
    repetitions: int
    articles: int
    cli_articles: int  # the CLI sends one article at a time, so it gets a smaller, single run


PLANS = {
    "quick": Plan(repetitions=3, articles=2_000, cli_articles=1_000),
    "full": Plan(repetitions=5, articles=20_000, cli_articles=5_000),
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def elasticsearch_version(settings: ParleySettings) -> str:
    from parley.shared.elasticsearch import make_client

    client = make_client(settings.es)
    try:
        return str(client.info()["version"]["number"])
    finally:
        client.close()


def measure(settings: ParleySettings, plan: Plan) -> tuple[dict[str, list[float]], list[str], dict[str, str]]:
    """Run every benchmark; return (samples per figure, notes, reasons for figures not measured)."""
    samples: dict[str, list[float]] = defaultdict(list)
    notes: list[str] = []
    not_measured = dict(NOT_MEASURED)

    log(f"generating {plan.articles} articles")
    docs = article_gen.generate_articles(plan.articles)
    values = [article_gen.encode_article(d) for d in docs]
    keys = [d["url"].encode() for d in docs]
    sizes = sorted(len(v) for v in values)

    extract, reason = extract_bench.load_extract()
    prepared: list[dict[str, Any]] = []
    if extract is None:
        not_measured["extract_articles_per_s"] = reason
    else:
        prepared = extract_bench.prepare(docs)
        warm = extract_bench.warm_up(extract, prepared)
        notes.append(f"extract_articles_per_s: warm-up (model and gazetteer loading, {warm:.1f} s) not timed")

    ws = kafka_bench.Workspace(settings)
    pinning = ""
    try:
        for rep in range(1, plan.repetitions + 1):
            produce, topic = kafka_bench.raw_produce(ws, values, keys)
            consume = kafka_bench.raw_consume(ws, topic, len(values))
            ingest = kafka_bench.ingest_publish(ws, docs)
            samples["kafka_raw_produce_per_s"].append(produce)
            samples["kafka_raw_consume_per_s"].append(consume)
            samples["ingest_articles_per_s"].append(ingest)
            samples["ingest_vs_raw_ratio"].append(ingest / produce)
            line = f"rep {rep}/{plan.repetitions}: raw produce {produce:,.0f}/s, consume {consume:,.0f}/s, ingest {ingest:,.0f}/s"
            if extract is not None:
                rate, pinning = extract_bench.extract_throughput(extract, prepared)
                samples["extract_articles_per_s"].append(rate)
                line += f", extract {rate:,.1f}/s"
            log(line)

        cli_n = min(plan.cli_articles, len(docs))
        with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
            jsonl = Path(tmp) / "articles.jsonl"
            jsonl.write_text(article_gen.to_jsonl(docs[:cli_n]), encoding="utf-8")
            log(f"parley ingest on {cli_n} articles (CLI path)")
            cli = kafka_bench.cli_ingest(ws, jsonl, cli_n)
        log(f"CLI: {cli.per_s:,.1f}/s")
    finally:
        problems = ws.cleanup()
        log(f"cleaned up {len(ws.namespaces)} namespaces")

    ingest_median = statistics.median(samples["ingest_articles_per_s"])
    notes += [
        f"method: {plan.repetitions} repetitions on the same {plan.articles} generated articles "
        f"(bench/articles.py; {sizes[len(sizes) // 2]} bytes of JSON at the median, "
        f"{sizes[0]}-{sizes[-1]}), interleaved within each repetition as raw produce, raw consume, "
        "ingest, extract; each figure is the median of its repetitions, ratios are taken per repetition",
        "kafka_raw_produce_per_s / ingest_articles_per_s: producer from parley.shared.kafka.make_producer "
        "(acks=all, idempotent, gzip, linger 5 ms), each into a new empty topic with the articles.raw "
        "configuration (6 partitions), topic metadata fetched before the clock starts",
        "ingest_articles_per_s: validate_article + Publisher.publish_many in batches of the API's "
        "max_batch, SQLite seen-set on local disk, until every send is acknowledged",
        "kafka_raw_consume_per_s: clock starts when the fresh group assigns the partitions "
        "(the group join itself is not timed) and stops at the last message",
        f"ingest CLI path (`parley ingest FILE.jsonl`, one acknowledged send per article, one run of "
        f"{cli.articles} articles): {cli.per_s:,.1f} articles/s over {cli.wall_s:.1f} s wall time including "
        f"process start-up ({cli.startup_s:.1f} s, measured with `parley --help`), "
        f"{cli.per_s_without_startup:,.1f} articles/s without it, "
        f"{cli.per_s_without_startup / ingest_median:.3f} of the batched in-process path",
    ]
    if extract is not None:
        notes.append(
            f"extract_articles_per_s: one process, {pinning}, extract_article only (input validated beforehand)"
        )
    notes += problems
    return samples, notes, not_measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--mode", choices=sorted(PLANS), default="quick")
    parser.add_argument(
        "--articles", type=int, help="override the number of articles (not for published figures)"
    )
    parser.add_argument(
        "--repetitions", type=int, help="override the repetitions (at least 3 for published figures)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="folder for <mode>.json")
    args = parser.parse_args(argv)

    plan = PLANS[args.mode]
    overrides: list[str] = []
    if args.articles:
        plan = Plan(plan.repetitions, args.articles, min(plan.cli_articles, args.articles))
        overrides.append(f"articles={args.articles}")
    if args.repetitions:
        plan = Plan(args.repetitions, plan.articles, plan.cli_articles)
        overrides.append(f"repetitions={args.repetitions}")

    started = time.monotonic()
    settings = load_settings(ParleySettings)
    from parley.shared.kafka import broker_reachable

    if not broker_reachable(settings.kafka):
        print(
            f"bench: Kafka at {settings.kafka.bootstrap_servers} is not reachable (make infra-up)",
            file=sys.stderr,
        )
        return 2
    try:
        es_version = elasticsearch_version(settings)
    except Exception as exc:
        print(
            f"bench: Elasticsearch at {settings.es.url} is not reachable (make infra-up): {exc}",
            file=sys.stderr,
        )
        return 2

    log(f"mode {args.mode}: {plan.repetitions} repetitions, {plan.articles} articles")
    load_before = _load_average()
    samples, notes, not_measured = measure(settings, plan)
    notes.append(
        f"machine load (1-minute load average on {os.cpu_count()} CPUs): {load_before} at the start, "
        f"{_load_average()} at the end; a busy machine widens min-max and lowers the absolute figures"
    )

    commit, dirty = git_state()
    if dirty:
        notes.append("the working tree differed from git_commit (uncommitted or untracked files)")
    if overrides:
        notes.append(f"plan overridden on the command line: {', '.join(overrides)}")
    notes.append(f"run took {time.monotonic() - started:.0f} s")
    result = build_result(
        args.mode,
        samples,
        machine=machine_info(es_version),
        git_commit=commit,
        not_measured=not_measured,
        notes=notes,
    )
    path = write_result(result, args.out)
    log(f"wrote {path}")
    if args.mode == "full" and args.out == RESULTS_DIR:
        from bench.report import DOC_PATH, write_doc

        write_doc(result)
        log(f"wrote {DOC_PATH}")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
