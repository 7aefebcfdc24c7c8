"""`python -m bench.run --mode quick|full`: measure, then write bench/results/<mode>.json.

A full run also regenerates docs/benchmarks.md. Needs the local Kafka and Elasticsearch
(`make infra-up`); connection settings come from the usual `PARLEY_*` variables.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bench import articles as article_gen
from bench import desk_bench, e2e_bench, es_bench, extract_bench, kafka_bench
from bench import elastalert_bench as ea_bench
from bench.result import RESULTS_DIR, build_result, git_state, machine_info, write_result
from parley.shared.settings import ParleySettings, load_settings

NOT_MEASURED: dict[str, str] = {}
FULL_BUDGET_S = 40 * 60


@dataclass(frozen=True)
class Plan:
    repetitions: int
    articles: int
    cli_articles: int  # the CLI sends one article at a time, so it gets a smaller, single run
    latency_articles: int  # one alert each, per latency repetition
    latency_repetitions: int
    latency_rate: float  # articles/s, one per request
    step_rates: tuple[int, ...]  # articles/s, stepped up until one is not sustained
    step_s: float
    catch_up_s: float
    elastalert_intervals: tuple[int, ...]  # run_every seconds
    scale_replicas: tuple[int, ...]  # enrichment processes; () skips the comparison
    scale_articles: int
    growth_sizes: tuple[int, ...]  # articles per fresh stack; () skips
    desk_articles: int  # articles and talks events indexed for the Desk page times
    desk_talks: int
    desk_pages: int  # pages of each kind fetched per repetition


PLANS = {
    "quick": Plan(
        repetitions=3,
        articles=2_000,
        cli_articles=1_000,
        latency_articles=100,
        latency_repetitions=1,
        latency_rate=8.0,
        step_rates=(20, 50, 100, 200),
        step_s=10.0,
        catch_up_s=8.0,
        elastalert_intervals=(10,),
        scale_replicas=(),
        scale_articles=0,
        growth_sizes=(),
        desk_articles=10_000,
        desk_talks=500,
        desk_pages=50,
    ),
    "full": Plan(
        repetitions=5,
        articles=20_000,
        cli_articles=5_000,
        latency_articles=500,
        latency_repetitions=3,
        latency_rate=8.0,
        step_rates=(20, 50, 100, 200),
        step_s=20.0,
        catch_up_s=8.0,
        elastalert_intervals=(10, 60),
        scale_replicas=(1, 2, 3),
        scale_articles=3_000,
        growth_sizes=(1_000, 10_000, 100_000),
        desk_articles=100_000,
        desk_talks=2_000,
        desk_pages=200,
    ),
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


PHASE_FIGURES = {
    "measure_es": ("raw_bulk_docs_per_s", "indexer_docs_per_s", "indexer_vs_raw_ratio"),
    "measure_e2e": (
        "alert_latency_p50_ms",
        "alert_latency_p95_ms",
        "alert_latency_p99_ms",
        "e2e_articles_per_s",
        "elastalert2_latency_10s_ms",
        "elastalert2_latency_60s_ms",
    ),
    "measure_growth": (),
    "measure_desk": ("desk_page_p95_ms",),
}
_RUN_STARTED = time.monotonic()


def measure_es(
    ws: kafka_bench.Workspace,
    plan: Plan,
    docs: list[dict[str, Any]],
    samples: dict[str, list[float]],
    notes: list[str],
    not_measured: dict[str, str],
) -> None:
    """Plain helpers.bulk against Parley's indexer on the same enriched events, interleaved."""
    log(f"enriching {len(docs)} articles for the indexer benchmark (untimed)")
    data = es_bench.enriched_events(docs)
    es_bench.raw_bulk(ws, es_bench.EnrichedInput(data.events[:500], [], [], 0.0))  # warm-up, untimed
    for rep in range(1, plan.repetitions + 1):
        # Alternate which side goes first, so neither always meets a freshly busy server.
        order = ("raw", "indexer") if rep % 2 else ("indexer", "raw")
        rates = {}
        for side in order:
            rates[side] = es_bench.raw_bulk(ws, data) if side == "raw" else es_bench.indexer_run(ws, data)
        samples["raw_bulk_docs_per_s"].append(rates["raw"])
        samples["indexer_docs_per_s"].append(rates["indexer"])
        samples["indexer_vs_raw_ratio"].append(rates["indexer"] / rates["raw"])
        log(
            f"es rep {rep}/{plan.repetitions}: raw bulk {rates['raw']:,.0f}/s, indexer {rates['indexer']:,.0f}/s"
        )
    talks = sum(1 for e in data.events if e.talks)
    notes.append(
        f"indexer_docs_per_s / raw_bulk_docs_per_s: the same {len(data.events)} ArticleEnriched events "
        f"(the generated articles run through enrich_article beforehand, untimed, {data.enrich_s:.0f} s; "
        f"{talks} with talks records); raw = elasticsearch.helpers.bulk of "
        "indexer.documents.article_document for each (plain index actions by article id, chunks of the "
        "indexer's batch_size 500) into a new index from Parley's template; indexer = Parley's Indexer "
        "run in-process (run_once() in a loop, as `parley indexer run` does) over the events pre-produced "
        "into a new articles.enriched topic, clock from partition assignment to the commit of the batch "
        "holding the last event (includes Kafka fetch, decoding, external versioning and the commits); "
        "the two sides alternate order per repetition, after an untimed 500-document warm-up bulk"
    )


def measure_e2e(
    ws: kafka_bench.Workspace,
    plan: Plan,
    docs: list[dict[str, Any]],
    samples: dict[str, list[float]],
    notes: list[str],
    not_measured: dict[str, str],
) -> None:
    """Alert latency (with ElastAlert 2 on the same index), sustainable rate, replica scaling."""
    reps = [e2e_bench.talks_articles(plan.latency_articles, rep) for rep in range(plan.latency_repetitions)]
    bad = e2e_bench.check_talks_articles([d for rep in reps for d in rep])
    if bad:
        raise RuntimeError(f"{len(bad)} latency articles do not extract as announced talks: {bad[:3]}")
    bin_dir, ea_info = ea_bench.ensure_venv()
    if bin_dir is None:
        for interval in (10, 60):
            not_measured[f"elastalert2_latency_{interval}s_ms"] = ea_info
        log(f"ElastAlert 2 unavailable: {ea_info}")
    for interval in (10, 60):
        if interval not in plan.elastalert_intervals:
            not_measured[f"elastalert2_latency_{interval}s_ms"] = f"{interval} s run interval: full mode only"

    log("starting the stack")
    started = time.monotonic()
    bench = e2e_bench.BenchStack.start(ws)
    log(f"stack {bench.namespace} ready after {time.monotonic() - started:.0f} s")
    elastalerts: list[ea_bench.ElastAlert] = []
    counter = e2e_bench.IndexCounter(ws, bench.alias)
    try:
        if bin_dir is not None:
            for interval in plan.elastalert_intervals:
                peer = ea_bench.ElastAlert(
                    bin_dir,
                    ws.scratch_dir() / f"elastalert{interval}",
                    bench.namespace,
                    bench.alias,
                    ws.settings.es.url,
                    interval,
                )
                try:
                    peer.start()
                    elastalerts.append(peer)
                except Exception as exc:
                    peer.stop()
                    not_measured[f"elastalert2_latency_{interval}s_ms"] = str(exc)
                    log(f"ElastAlert 2 ({interval} s) did not start: {exc}")

        ea_lat: dict[int, list[tuple[float, float, int]]] = {p.run_every_s: [] for p in elastalerts}
        sent_rates = []
        missing_total = 0
        for rep, rep_docs in enumerate(reps, start=1):
            run = e2e_bench.alert_latency(bench, rep_docs, plan.latency_rate)
            sent_rates.append(run.send_rate)
            missing_total += run.missing
            if run.missing > len(rep_docs) // 100:
                raise RuntimeError(f"{run.missing} of {len(rep_docs)} alerts never arrived at the sink")
            for q in (50, 95, 99):
                samples[f"alert_latency_p{q}_ms"].append(e2e_bench.percentile(run.latencies_ms, q))
            line = (
                f"latency rep {rep}/{len(reps)}: p50 {samples['alert_latency_p50_ms'][-1]:,.0f} ms, "
                f"p99 {samples['alert_latency_p99_ms'][-1]:,.0f} ms"
            )
            if elastalerts:
                wait_until = time.monotonic() + max(p.run_every_s for p in elastalerts) + 30
                for peer in elastalerts:
                    ids = set(run.returned)
                    while len(set(peer.alerts()) & ids) < len(ids) and time.monotonic() < wait_until:
                        time.sleep(1.0)
                    got = peer.alerts()
                    lat = [(got[i] - run.returned[i]) * 1000 for i in ids if i in got]
                    if lat:
                        ea_lat[peer.run_every_s].append(
                            (
                                e2e_bench.percentile(lat, 50),
                                e2e_bench.percentile(lat, 95),
                                len(ids) - len(lat),
                            )
                        )
                        line += (
                            f", ElastAlert {peer.run_every_s} s p50 {ea_lat[peer.run_every_s][-1][0]:,.0f} ms"
                        )
            log(line)
        notes.append(
            f"alert_latency_p50/p95/p99_ms: {len(reps)} repetition(s) of {plan.latency_articles} articles, "
            "each announcing talks between a different pair of 40 countries (city and dates varied; all "
            "checked beforehand to extract as `announced` with 2 parties), posted one per request to the "
            f"ingest API at {plan.latency_rate:g}/s (achieved {min(sent_rates):.1f}-{max(sent_rates):.1f}/s) on "
            "a stack of every service as its own process (fresh namespace, free ports, the webhook set to "
            "the demo sink); latency = the sink's received_at minus the moment the ingest call returned, "
            f"matched by payload.data.article_id; nearest-rank percentiles per repetition, median over "
            f"repetitions; {missing_total} alert(s) missing"
            + ("" if len(reps) >= 3 else "; quick mode: 1 repetition, so min = max = median")
        )
        for peer in elastalerts:
            rows = ea_lat[peer.run_every_s]
            name = f"elastalert2_latency_{peer.run_every_s}s_ms"
            if not rows:
                not_measured[name] = f"ElastAlert 2 raised no alert within the wait; log: {peer.log_path}"
                continue
            samples[name] = [r[0] for r in rows]
            notes.append(
                f"{name}: {ea_info}, own virtualenv (build/bench/elastalert2-venv), rule type `any` on the "
                "stack's articles alias filtered on nested talks.status = announced, timestamp_field "
                f"indexed_at, realert 0, run_every {peer.run_every_s} s, command alerter appending a "
                "timestamp per match, running during the same latency repetitions on the same articles; "
                "figure = median latency per repetition (ingest return to the alerter's timestamp), median "
                f"over repetitions; p95 per repetition {', '.join(f'{r[1]:,.0f}' for r in rows)} ms; "
                f"missing {sum(r[2] for r in rows)}"
            )
    finally:
        for peer in elastalerts:
            peer.stop()

    try:
        source = e2e_bench.ArticleSource(10_000_000)
        log(f"stepping the ingest rate through {plan.step_rates} articles/s, {plan.step_s:.0f} s each")
        best, steps = e2e_bench.sustainable_rate(
            bench, counter, source, plan.step_rates, plan.step_s, plan.catch_up_s, log
        )
        described = "; ".join(
            f"{s.rate}/s: sent {s.send_rate:.1f}/s, backlog {s.backlog_at_end} at the step's end, "
            + (f"caught up in {s.catch_up_s:.1f} s" if s.catch_up_s is not None else "not caught up")
            for s in steps
        )
        if best is None:
            not_measured["e2e_articles_per_s"] = (
                f"not even {plan.step_rates[0]}/s was sustained ({described})"
            )
        else:
            samples["e2e_articles_per_s"].append(float(best))
            ceiling = "" if best != plan.step_rates[-1] else " (the highest rate tried: a lower bound)"
            notes.append(
                f"e2e_articles_per_s: highest sustained step{ceiling}; ingest API posts of generated articles "
                f"(bench/articles.py) in batches every 0.5 s, {plan.step_s:.0f} s per step, sustained when the "
                f"articles index (count as readers see it, 1 s refresh) reached everything posted within "
                f"{plan.catch_up_s:.0f} s of the step's end; one run, so n = 1: {described}"
            )
        total = source.next - 10_000_000 + sum(len(r) for r in reps)
        if counter.wait_for(total, 300, poll_s=1.0) is None:
            raise RuntimeError("the pipeline did not catch up within 300 s after the rate steps")

        if plan.scale_replicas:
            rows = []
            for replicas in plan.scale_replicas:
                while 1 + len(bench.replicas) < replicas:
                    bench.add_enrichment_replica()
                bench.wait_replicas_ready()
                time.sleep(5)  # let the group settle after the rebalance
                pids = bench.processes()
                cpu_before = e2e_bench.cpu_seconds(pids)
                rate = e2e_bench.drain_rate(bench, counter, source, plan.scale_articles, 600)
                cpu = e2e_bench.cpu_seconds(pids)
                busiest = sorted(((cpu[k] - cpu_before.get(k, 0.0), k) for k in cpu), reverse=True)[:4]
                rows.append(
                    f"{replicas} enrichment process(es): {rate:,.1f} articles/s "
                    f"(CPU s during the drain: {', '.join(f'{k} {v:.0f}' for v, k in busiest)})"
                )
                log(f"scale: {rows[-1]}")
            notes.append(
                f"scale (enrichment replicas, same group, {os.cpu_count()} CPUs shared with Kafka and "
                f"Elasticsearch): a backlog of {plan.scale_articles:,} generated articles posted in batches "
                f"of 500 as fast as accepted, timed from the first post until all are indexed: "
                + "; ".join(rows)
            )
        else:
            notes.append("scale (1, 2, 3 enrichment replicas): skipped in quick mode (full mode only)")
    finally:
        counter.close()
        bench.stop()


def measure_desk(
    ws: kafka_bench.Workspace,
    plan: Plan,
    docs: list[dict[str, Any]],
    samples: dict[str, list[float]],
    notes: list[str],
    not_measured: dict[str, str],
) -> None:
    """Parley Desk: the upcoming page and an event page over a large index, p95 per repetition."""
    log(f"desk: bulk-indexing {plan.desk_articles:,} articles and {plan.desk_talks:,} talks events (untimed)")
    data = desk_bench.build(ws, plan.desk_articles, plan.desk_talks)
    base, server, thread = desk_bench.serve(ws, data.namespace)
    rng = random.Random(11)
    try:
        desk_bench.page_times(base, ["/desk/", f"/desk/talks/{data.talks_ids[0]}"] * 5)  # warm-up, untimed
        rows = []
        for rep in range(1, plan.repetitions + 1):
            upcoming = desk_bench.page_times(base, ["/desk/"] * plan.desk_pages)
            events = desk_bench.page_times(
                base, [f"/desk/talks/{rng.choice(data.talks_ids)}" for _ in range(plan.desk_pages)]
            )
            pair = (e2e_bench.percentile(upcoming, 95), e2e_bench.percentile(events, 95))
            samples["desk_page_p95_ms"].append(max(pair))
            rows.append(pair)
            log(
                f"desk rep {rep}/{plan.repetitions}: upcoming p95 {pair[0]:.0f} ms, event page p95 {pair[1]:.0f} ms"
            )
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    notes.append(
        f"desk_page_p95_ms: the worse of two p95s per repetition, {plan.desk_pages} fetches each, one after "
        f"another over HTTP from this process: the upcoming page (`/desk/`, its first 100 talks grouped by day, "
        "each card's last change from the alerts index, the 10 latest alerts) and an event page "
        "(`/desk/talks/<id>` of a random event: state, alerts, reporting articles by story), served by "
        "the search service under uvicorn in this process (no token); the index: "
        f"{data.articles:,} articles, {len(data.talks_ids):,} talks events and {data.alerts:,} alerts bulk-indexed "
        f"through the indexer's document functions into a fresh namespace ({data.index_s:.0f} s, untimed; "
        "bench/desk_bench.py says how they are made); per repetition (upcoming, event) p95 ms: "
        + "; ".join(f"{u:.0f}, {e:.0f}" for u, e in rows)
    )


def measure_growth(
    ws: kafka_bench.Workspace,
    plan: Plan,
    docs: list[dict[str, Any]],
    samples: dict[str, list[float]],
    notes: list[str],
    not_measured: dict[str, str],
) -> None:
    """Fresh stack per size: time to each stage's completion and peak memory per process."""
    if not plan.growth_sizes:
        notes.append("growth (1k, 10k, 100k articles): skipped in quick mode (full mode only)")
        return
    source = e2e_bench.ArticleSource(20_000_000)
    for n in plan.growth_sizes:
        # Stay inside the full run's time budget: a size that cannot finish in time reports how far it got.
        budget = FULL_BUDGET_S - 90 - (time.monotonic() - _RUN_STARTED)
        if budget < 60:
            notes.append(f"growth {n:,}: skipped, the run's {FULL_BUDGET_S // 60}-minute budget is used up")
            continue
        log(f"growth: {n:,} articles on a fresh stack (at most {budget:.0f} s)")
        result = e2e_bench.growth(ws, n, source, budget, log)
        notes.append(f"growth: {result.describe()}")
        log(f"growth: {result.describe()}")


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

        for phase in (measure_es, measure_desk, measure_e2e, measure_growth):
            try:
                phase(ws, plan, docs, samples, notes, not_measured)
            except Exception as exc:  # one phase failing must not lose the others' figures
                log(f"{phase.__name__} failed: {type(exc).__name__}: {exc}")
                for name in PHASE_FIGURES[phase.__name__]:
                    if not samples.get(name):
                        not_measured.setdefault(name, f"{phase.__name__} failed: {type(exc).__name__}: {exc}")
                if phase is measure_growth:
                    notes.append(f"growth: failed: {type(exc).__name__}: {exc}")
    finally:
        problems = ws.cleanup()
        log(f"cleaned up {len(ws.namespaces)} namespaces")

    ingest_median = statistics.median(samples["ingest_articles_per_s"])
    notes[:0] = [
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
        plan = replace(plan, articles=args.articles, cli_articles=min(plan.cli_articles, args.articles))
        overrides.append(f"articles={args.articles}")
    if args.repetitions:
        plan = replace(plan, repetitions=args.repetitions)
        overrides.append(f"repetitions={args.repetitions}")

    global _RUN_STARTED
    started = _RUN_STARTED = time.monotonic()
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
