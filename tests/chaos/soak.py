"""`make soak SOAK_MINUTES=30`: Parley at a steady rate for a long while, memory and lag sampled.

    python -m tests.chaos.soak --minutes 30 [--rate 3] [--doc docs/soak.md] [--png docs/img/soak.png]

Every service runs as processes on a private Kafka + Elasticsearch pair (as in the chaos suite).
Articles are posted to the ingest API at `--rate` per second; every minute each service's
resident memory (RSS, with its child processes) and each consumer group's lag are sampled.
Once the stream stops, lag must come back to zero. Fails (exit 1) when a service's memory
keeps growing — the least-squares slope over the last half of the run above
`MAX_SLOPE_MB_PER_MIN` — or when lag does not return to zero, or when an accepted article is
missing from Elasticsearch. Writes the series to docs/soak.md and a chart to docs/img/soak.png.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psutil

from tests.chaos.harness import CONSUMERS, Chaos, machine_line, private_pair
from tests.conftest import ROOT

MAX_SLOPE_MB_PER_MIN = 2.0
SAMPLE_EVERY_S = 60.0
DRAIN_TIMEOUT_S = 300.0


@dataclass
class Series:
    minutes: list[float] = field(default_factory=list)
    rss_mb: dict[str, list[float]] = field(default_factory=dict)
    lag: dict[str, list[int]] = field(default_factory=dict)


def rss_mb(pid: int) -> float:
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total / 2**20


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of ys over xs (0 with fewer than two points)."""
    if len(xs) < 2:
        return 0.0
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return 0.0 if var == 0 else sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var


def sample(chaos: Chaos, series: Series, started: float) -> None:
    series.minutes.append((time.monotonic() - started) / 60)
    for name, pid in chaos.pids().items():
        series.rss_mb.setdefault(name, []).append(rss_mb(pid))
    try:
        lags = chaos.lag()
    except Exception:  # Kafka busy: the round keeps the last value
        lags = {s: series.lag.get(s, [0])[-1] for s in CONSUMERS}
    for service, value in lags.items():
        series.lag.setdefault(service, []).append(value)


def last_half_slopes(series: Series) -> dict[str, float]:
    half = len(series.minutes) // 2
    xs = series.minutes[half:]
    return {name: slope(xs, values[half:]) for name, values in series.rss_mb.items()}


def chart(series: Series, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 5.5), sharex=True)
    for name, values in sorted(series.rss_mb.items()):
        top.plot(series.minutes, values, marker=".", label=name)
    top.set_ylabel("RSS (MiB)")
    top.legend(fontsize=7, ncol=3)
    top.grid(alpha=0.3)
    for name, lags in sorted(series.lag.items()):
        bottom.plot(series.minutes, lags, marker=".", label=name)
    bottom.set_ylabel("consumer lag (messages)")
    bottom.set_xlabel("minutes")
    bottom.legend(fontsize=7, ncol=4)
    bottom.grid(alpha=0.3)
    fig.suptitle("Parley soak: memory and lag at a steady rate")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=90)
    plt.close(fig)


def write_doc(
    path: Path,
    png: Path,
    series: Series,
    slopes: dict[str, float],
    minutes: float,
    rate: float,
    accepted: int,
    missing: int,
    drained_s: float | None,
    verdict: list[str],
) -> None:
    names = sorted(series.rss_mb)
    lines = [
        "# Soak: memory and lag at a steady rate",
        "",
        "`make soak SOAK_MINUTES=30` (default 30) runs every service as processes on a private Kafka +",
        "Elasticsearch pair and posts generated articles (one in four announcing talks) to the ingest API",
        "at a steady rate. Every minute it samples each service's resident memory (RSS, with its child",
        "processes) and each consumer group's lag (`parley.shared.lag`). It fails when a service's memory",
        f"keeps growing — least-squares slope over the last half of the run above {MAX_SLOPE_MB_PER_MIN:g}",
        "MiB/min — when lag does not come back to zero within",
        f"{DRAIN_TIMEOUT_S:.0f} s of the end of the stream, or when an accepted article is not indexed.",
        "The script is `tests/chaos/soak.py`.",
        "",
        f"Run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {minutes:g} min at {rate:g} articles/s — {machine_line()}",
        "",
        f"Articles accepted: {accepted}; missing from Elasticsearch: {missing}; lag back to zero "
        + ("never" if drained_s is None else f"{drained_s:.0f} s after the stream stopped")
        + ".",
        "",
        f"Result: **{'pass' if not verdict else 'FAIL'}**"
        + ("" if not verdict else " — " + "; ".join(verdict)),
        "",
        f"![memory and lag]({png.relative_to(path.parent).as_posix()})",
        "",
        "## Memory slope over the last half (MiB/min)",
        "",
        "| service | first (MiB) | last (MiB) | slope |",
        "|---|---|---|---|",
    ]
    for name in names:
        values = series.rss_mb[name]
        lines.append(f"| {name} | {values[0]:.0f} | {values[-1]:.0f} | {slopes[name]:+.2f} |")
    lines += [
        "",
        "## Series (RSS in MiB; lag in messages)",
        "",
        "| minute | " + " | ".join(names) + " | " + " | ".join(f"lag {s}" for s in sorted(series.lag)) + " |",
        "|" + "---|" * (1 + len(names) + len(series.lag)),
    ]
    for i, minute in enumerate(series.minutes):
        rss = " | ".join(f"{series.rss_mb[n][i]:.0f}" for n in names)
        lag = " | ".join(str(series.lag[s][i]) for s in sorted(series.lag))
        lines.append(f"| {minute:.1f} | {rss} | {lag} |")
    path.write_text("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="soak", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=3.0, help="articles per second")
    parser.add_argument("--doc", type=Path, default=ROOT / "docs" / "soak.md")
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "img" / "soak.png")
    args = parser.parse_args(argv)
    (ROOT / "build").mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="soak-", dir=ROOT / "build"))
    series = Series()
    verdict: list[str] = []
    with private_pair(workdir / "local") as infra:
        chaos = Chaos(workdir, infra)
        try:
            chaos.start()
            print(f"soak: services ready (logs in {workdir / 'logs'}); {args.minutes:g} min", flush=True)
            started = time.monotonic()
            stream = chaos.stream(args.rate)
            sample(chaos, series, started)
            end = started + args.minutes * 60
            next_at = started + SAMPLE_EVERY_S
            while next_at <= end + 1:
                time.sleep(max(0.0, next_at - time.monotonic()))
                sample(chaos, series, started)
                print(f"soak: minute {series.minutes[-1]:.1f}: {_last(series)}", flush=True)
                next_at += SAMPLE_EVERY_S
            stream.stop()
            chaos.accepted.extend(stream.accepted)
            stopped = time.monotonic()
            drained_s: float | None = None
            while time.monotonic() - stopped < DRAIN_TIMEOUT_S:
                try:
                    if not any(chaos.lag().values()):
                        drained_s = time.monotonic() - stopped
                        break
                except Exception:  # a busy broker: try again
                    pass
                time.sleep(2)
            counts = chaos.indexed_counts([p.article_id for p in chaos.accepted])
            deadline = time.monotonic() + 120
            while any(c != 1 for c in counts.values()) and time.monotonic() < deadline:
                time.sleep(3)
                counts = chaos.indexed_counts([p.article_id for p in chaos.accepted])
            missing = sum(1 for c in counts.values() if c == 0)
        finally:
            chaos.stop()
    slopes = last_half_slopes(series)
    for name, value in sorted(slopes.items()):
        if value > MAX_SLOPE_MB_PER_MIN:
            verdict.append(f"{name} memory grows {value:.2f} MiB/min")
    if drained_s is None:
        verdict.append("lag did not return to zero")
    if missing:
        verdict.append(f"{missing} accepted article(s) missing from Elasticsearch")
    chart(series, args.png)
    write_doc(
        args.doc,
        args.png,
        series,
        slopes,
        args.minutes,
        args.rate,
        len(chaos.accepted),
        missing,
        drained_s,
        verdict,
    )
    print(f"soak: {'pass' if not verdict else 'FAIL: ' + '; '.join(verdict)} (see {args.doc})", flush=True)
    if not verdict:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if verdict else 0


def _last(series: Series) -> str:
    rss = ", ".join(f"{n} {v[-1]:.0f}M" for n, v in sorted(series.rss_mb.items()))
    lag = ", ".join(f"{s} {v[-1]}" for s, v in sorted(series.lag.items()))
    return f"RSS {rss}; lag {lag}"


if __name__ == "__main__":
    sys.exit(main())
