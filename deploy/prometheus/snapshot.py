"""`make dashboard-snapshot`: a picture of the Grafana dashboard's main panels from a real run.

Starts the whole local stack (parley.services.cli.stack.Stack) in a fresh namespace on free ports and
a real Prometheus scraping it, ingests a few dozen generated articles through the ingest API
(some announcing talks, a couple of poison messages for the error panel), queries Prometheus's
HTTP API with the dashboard's own expressions (deploy/grafana/dashboards/parley.json) and renders
them with matplotlib to docs/img/dashboard.png. Stops everything it started.

Needs the local Kafka and Elasticsearch (`make infra-up`) and Prometheus (`make setup`).

    .venv/bin/python deploy/prometheus/snapshot.py [--out docs/img/dashboard.png] [--minutes 2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from local_prometheus import LocalPrometheus  # noqa: E402

from parley.services.cli.stack import SERVICES, Stack, free_port  # noqa: E402

DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "parley.json"
DEFAULT_OUT = ROOT / "docs" / "img" / "dashboard.png"
RATE_WINDOW = "30s"
# Percentiles drawn per latency panel (the dashboard also has p99; the picture stays readable).
SNAPSHOT_PERCENTILES = ("p50", "p95")
PANELS = (
    "Throughput by stage",
    "Stage latency (ingest → stage)",
    "Consumer lag",
    "Webhook deliveries by outcome",
    "Errors and dead letters",
    "Elasticsearch bulk latency",
)

COUNTRIES = (
    "Armenia", "Azerbaijan", "Serbia", "Kosovo", "Ethiopia", "Eritrea", "Sudan", "South Sudan",
    "India", "Pakistan", "Greece", "Turkey", "Colombia", "Venezuela", "Egypt", "Ethiopia",
    "Rwanda", "Uganda", "Thailand", "Cambodia", "Peru", "Ecuador", "Morocco", "Algeria",
    "Georgia", "Moldova", "Kenya", "Somalia", "Chile", "Bolivia", "Japan", "South Korea",
)  # fmt: skip
CITIES = ("Geneva", "Oslo", "Doha", "Vienna", "Nairobi", "Istanbul", "Helsinki", "Addis Ababa", "Cairo")
MEDIATORS = ("Norway", "Qatar", "Switzerland", "Turkey", "Kenya", "Finland")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
OTHER_TOPICS = (
    ("{a} reports higher wheat exports", "Wheat exports from {a} rose by {n} percent in the last quarter, the agriculture ministry said."),
    ("Floods hit northern {a}", "Heavy rain caused floods in northern {a}; {n} villages were evacuated, local officials said."),
    ("{a} central bank holds rates", "The central bank of {a} kept its main rate at {n} percent, citing steady inflation."),
    ("New rail line opens in {a}", "A {n}-kilometre rail line opened in {a} on Tuesday, cutting travel times between two regional capitals."),
)  # fmt: skip


def generate_articles(count: int, seed: int) -> list[dict[str, Any]]:
    """About two thirds announce talks between a new pair of countries; the rest are other news."""
    rng = random.Random(seed)
    pairs: list[tuple[str, str]] = []
    countries = list(dict.fromkeys(COUNTRIES))
    while len(pairs) < count:
        a, b = rng.sample(countries, 2)
        if (a, b) not in pairs and (b, a) not in pairs:
            pairs.append((a, b))
    articles = []
    published = date(2026, 3, 2)
    for i, (a, b) in enumerate(pairs):
        day = published + timedelta(days=rng.randint(0, 20))
        url = f"https://news.example.org/{day.isoformat()}/{i}-{a}-{b}".replace(" ", "-").lower()
        if i % 3 != 2:
            when = day + timedelta(days=rng.randint(5, 40))
            city = rng.choice(CITIES)
            mediator = rng.choice([m for m in MEDIATORS if m not in (a, b)])
            start = min(when.day, 27)
            text = (
                f"{a} and {b} will hold talks in {city} on {MONTHS[when.month - 1]} {start}-{start + 1}, "
                f"the foreign ministries of both countries said. The meeting, hosted by {mediator}, is "
                f"the first round of negotiations between {a} and {b} this year.\n\n"
                f"Delegations will discuss border issues and trade, officials said."
            )
            title = f"{a} and {b} to hold talks in {city}"
        else:
            headline, body = rng.choice(OTHER_TOPICS)
            n = rng.randint(3, 40)
            title, text = headline.format(a=a, n=n), body.format(a=a, n=n)
        articles.append(
            {
                "url": url,
                "title": title,
                "published": day.isoformat(),
                "source": "Snapshot News",
                "text": text,
            }
        )
    return articles


def plant_poison(stack: Stack, count: int) -> None:
    """Undecodable messages on articles.raw: enrichment dead-letters them (the error panel moves)."""
    from parley.shared.kafka import make_producer
    from parley.shared.settings import KafkaSettings
    from parley.shared.topics import Names

    producer = make_producer(KafkaSettings(), "snapshot")
    for i in range(count):
        producer.send(Names(stack.namespace).raw, key=f"poison-{i}".encode(), value=b"\xff not an event")
    producer.flush(timeout=10)
    producer.close()


def drive(stack: Stack, articles: list[dict[str, Any]], duration_s: float) -> None:
    """Post the articles in small batches spread over `duration_s`, with some searches in between."""
    ingest = f"http://127.0.0.1:{stack.ports['ingest']}/articles"
    search = f"http://127.0.0.1:{stack.ports['search']}/search"
    batches = [articles[i : i + 3] for i in range(0, len(articles), 3)]
    pause = duration_s / max(1, len(batches))
    for n, batch in enumerate(batches):
        response = httpx.post(ingest, json=batch, timeout=30)
        response.raise_for_status()
        httpx.get(search, params={"q": "talks"}, timeout=10)
        if n in (1, len(batches) // 2, 2 * len(batches) // 3):
            plant_poison(stack, 1 + n % 3)  # the first one creates the series, later ones move it
        time.sleep(pause)


def received(stack: Stack) -> int:
    try:
        return len(httpx.get(f"http://127.0.0.1:{stack.ports['webhook-sink']}/received", timeout=5).json())
    except httpx.HTTPError:
        return 0


def panel_queries() -> dict[str, list[tuple[str, str]]]:
    dashboard = json.loads(DASHBOARD.read_text())
    found: dict[str, list[tuple[str, str]]] = {}
    for panel in dashboard["panels"]:
        if panel.get("title") in PANELS:
            found[panel["title"]] = [
                (t["expr"].replace("$__rate_interval", RATE_WINDOW), t.get("legendFormat", ""))
                for t in panel["targets"]
            ]
    for title, targets in found.items():
        if "latency" in title:
            found[title] = [(e, lf) for e, lf in targets if lf.split()[0] in SNAPSHOT_PERCENTILES]
    missing = set(PANELS) - set(found)
    if missing:
        raise SystemExit(f"dashboard has no panel(s) {sorted(missing)}")
    return found


def legend(template: str, labels: dict[str, str]) -> str:
    text = template
    for key, value in labels.items():
        text = text.replace("{{" + key + "}}", value)
    return text or ",".join(f"{k}={v}" for k, v in labels.items()) or "value"


def render(prometheus: LocalPrometheus, start: float, end: float, out: Path, namespace: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from datetime import datetime

    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    queries = panel_queries()
    fig, axes = plt.subplots(3, 2, figsize=(15, 11), constrained_layout=True, sharex=True)
    step = max(1.0, (end - start) / 300)
    units = {
        "Throughput by stage": "per second",
        "Stage latency (ingest → stage)": "seconds",
        "Consumer lag": "messages",
        "Webhook deliveries by outcome": "per second",
        "Errors and dead letters": "per second",
        "Elasticsearch bulk latency": "seconds",
    }
    for ax, title in zip(axes.flat, PANELS, strict=True):
        lines = 0
        for expr, template in queries[title]:
            for series in prometheus.query_range(expr, start, end, step):
                points = [
                    (float(t), float(v)) for t, v in series["values"] if v not in ("NaN", "+Inf", "-Inf")
                ]
                if not points:
                    continue
                xs = [datetime.fromtimestamp(t) for t, _ in points]
                ax.plot(xs, [v for _, v in points], linewidth=1.4, label=legend(template, series["metric"]))
                lines += 1
        ax.set_title(title, fontsize=12, loc="left")
        ax.set_xlim(datetime.fromtimestamp(start), datetime.fromtimestamp(end))
        if units[title] == "seconds" and lines:
            ax.set_yscale("log")
        ax.set_ylabel(units[title])
        ax.grid(alpha=0.3)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M:%S"))
        ax.tick_params(labelbottom=True)
        if lines:
            ax.legend(fontsize=7, loc="upper left", ncol=2 if lines > 6 else 1)
        else:
            ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes, color="grey")
    fig.suptitle(
        f"Parley dashboard — local run, namespace {namespace} (queries of deploy/grafana/dashboards/parley.json)",
        fontsize=13,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=90)
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--articles", type=int, default=36)
    parser.add_argument("--minutes", type=float, default=2.0, help="how long to spread the articles over")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="parley-snapshot-"))
    namespace = f"snap-{secrets.token_hex(4)}"
    os.environ["PARLEY_INGEST_STATE_DIR"] = str(workdir / "ingest-state")
    ports = {name: free_port() for name in (*SERVICES, "webhook-sink")}
    stack = Stack(namespace=namespace, ports=ports, log_dir=workdir / "logs")
    prometheus = LocalPrometheus(
        {s: ports[s] for s in SERVICES}, workdir / "prometheus", scrape_interval="2s"
    )
    print(f"namespace {namespace}; logs and Prometheus data in {workdir}")
    try:
        stack.start()
        prometheus.start()
        stack.wait_ready()
        print(f"stack ready; Prometheus on {prometheus.url}")
        start = time.time() - 20
        articles = generate_articles(args.articles, seed=7)
        expected_alerts = sum(1 for a in articles if "hold talks" in a["text"])
        drive(stack, articles, args.minutes * 60)
        deadline = time.monotonic() + 120
        while received(stack) < expected_alerts and time.monotonic() < deadline:
            time.sleep(1)
        print(f"{received(stack)} webhook(s) received for {expected_alerts} announcing article(s)")
        time.sleep(25)  # a last consumer-lag export and a few scrapes after the traffic
        end = time.time()
        render(prometheus, start, end, args.out, namespace)
        print(f"wrote {args.out}")
        return 0
    finally:
        prometheus.stop()
        stack.stop()
        _drop_indices(namespace)


def _drop_indices(namespace: str) -> None:
    from elasticsearch import Elasticsearch

    from parley.shared.settings import ElasticsearchSettings

    try:
        es = Elasticsearch(ElasticsearchSettings().url)
        es.indices.delete(index=f"{namespace}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).indices.delete_index_template(name=f"{namespace}-*")
    except Exception as exc:  # cleanup is best effort
        print(f"could not delete the {namespace}-* indices: {type(exc).__name__}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
