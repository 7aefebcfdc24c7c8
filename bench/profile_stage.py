"""Profile one service of the whole pipeline with pyinstrument while it works through a backlog.

`python -m bench.profile_stage [SERVICE] [ARTICLES]` (default: enrichment, 2000) starts a stack in a
fresh namespace, restarts SERVICE under `python -m pyinstrument` with the same environment, posts
ARTICLES generated articles through the ingest API, waits until all are indexed, prints the drain
rate and every service's CPU seconds during the drain, then stops SERVICE with SIGINT so
pyinstrument writes its report to `build/bench/profile/<SERVICE>.txt` (wall-clock time, every frame).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from bench import e2e_bench
from bench.kafka_bench import Workspace
from bench.result import ROOT
from parley.shared.settings import ParleySettings, load_settings

OUT = ROOT / "build" / "bench" / "profile"


def main(argv: list[str]) -> int:
    target = argv[0] if argv else "enrichment"
    n = int(argv[1]) if len(argv) > 1 else 2000
    OUT.mkdir(parents=True, exist_ok=True)
    ws = Workspace(load_settings(ParleySettings))
    try:
        bench = e2e_bench.BenchStack.start(ws)
        counter = e2e_bench.IndexCounter(ws, bench.alias)
        try:
            proc = bench.stack.processes[target]
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)
            report = OUT / f"{target}.txt"
            command = [sys.executable, "-m", "pyinstrument", "-r", "text", "--show-all", "-o", str(report)]
            command += ["-m", "parley.services", target, "run"]
            log = (OUT / f"{target}-run.log").open("ab")
            bench.stack.processes[target] = subprocess.Popen(
                command,
                env=bench.stack.env(target),
                cwd=bench.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            bench.stack.wait_ready()
            time.sleep(5)
            pids = bench.processes()
            before = e2e_bench.cpu_seconds(pids)
            rate = e2e_bench.drain_rate(bench, counter, e2e_bench.ArticleSource(30_000_000), n, 600)
            after = e2e_bench.cpu_seconds(pids)
            print(f"drained {n} articles at {rate:.1f}/s; CPU seconds during the drain:")
            for name in sorted(after, key=lambda k: before.get(k, 0.0) - after[k]):
                print(f"  {name}: {after[name] - before.get(name, 0.0):.1f}")
            profiled = bench.stack.processes[target]
            os.killpg(profiled.pid, signal.SIGINT)
            profiled.wait(60)
            print(f"profile: {report}")
        finally:
            counter.close()
            bench.stop()
    finally:
        for problem in ws.cleanup():
            print(problem, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
