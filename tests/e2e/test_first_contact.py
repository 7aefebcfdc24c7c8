"""A new user's first `parley demo`, five times, each on a Kafka + Elasticsearch pair formatted
just before it.

A warm broker hides start-up races (a faust table whose changelog topic is not yet in the
worker's metadata crashes its agent on every message), so every run gets servers of its own in
a new folder on free ports (the chaos suite's `PrivateInfra`), then runs the demo as a user
types it: `python -m parley.services demo` in a clean environment, working folder and
PARLEY_LOCAL_DIR both set to the run's folder. Every run's failures are collected, so one test
run tells how often the first contact fails and how.
"""

from __future__ import annotations

import contextlib
import json
import locale
import os
import re
import shutil
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import pytest

from parley.services.cli.stack import ALERT_TIMEOUT_S, READY_TIMEOUT_S, SERVICES
from tests.chaos.harness import PrivateInfra
from tests.conftest import ROOT
from tests.support.processes import launch

RUNS = 5
ARTICLE = ROOT / "examples" / "articles" / "oslo-talks.txt"
# The demo's own bounds (readiness, then the alert), plus its search (30 s), stopping its services
# and process start-up: past this the demo hangs instead of reporting.
DEMO_TIMEOUT_S = READY_TIMEOUT_S + ALERT_TIMEOUT_S + 120
# Per run: servers up and down (infra.py waits up to 300 s for each) and the demo.
TEST_TIMEOUT_S = RUNS * (2 * 300 + DEMO_TIMEOUT_S + 60)
LOG_PROBLEMS = re.compile(r"PartitionsMismatch|Traceback|Crashed reason=")
# faust's spinner writes cursor codes and backspaces into the logs
TERMINAL_CODES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08]")
LINES_KEPT = 6  # per log file, in the failure message


@dataclass
class Outcome:
    run: int
    folder: Path
    problems: list[str] = field(default_factory=list)
    log_lines: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per step: what the run costs CI

    def timing(self) -> str:
        steps = ", ".join(f"{step} {s:.0f}s" for step, s in self.seconds.items())
        return f"run {self.run}: {'failed' if self.problems else 'passed'} ({steps})"

    def report(self) -> str:
        lines = [f"{self.timing()}, in {self.folder}: " + "; ".join(self.problems)]
        lines += [f"    {line}" for line in self.log_lines]
        return "\n".join(lines)

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.monotonic()
        try:
            yield
        finally:
            self.seconds[name] = time.monotonic() - started


def user_env(folder: Path, infra: PrivateInfra) -> dict[str, str]:
    """The shell of a new user: none of the PARLEY_ settings an earlier test or CI exported,
    only the servers' addresses and the local folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
    env.update(
        {
            "PARLEY_KAFKA_BOOTSTRAP_SERVERS": infra.bootstrap,
            "PARLEY_ES_URL": infra.es_url,
            "PARLEY_LOCAL_DIR": str(folder),
        }
    )
    return env


def run_demo(folder: Path, infra: PrivateInfra) -> tuple[int | None, str]:
    """`parley demo` from `folder`; (exit code or None if it hung, stdout + stderr)."""
    proc = launch(["demo", "--article", str(ARTICLE)], user_env(folder, infra), None, pipe=True, cwd=folder)
    try:
        out, _ = proc.communicate(timeout=DEMO_TIMEOUT_S)
        return proc.returncode, _text(out)
    except subprocess.TimeoutExpired:
        # The services run in sessions of their own: remember them before the demo goes.
        try:
            children = psutil.Process(proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:  # it ended just now
            children = []
        proc.send_signal(signal.SIGINT)  # the demo stops its services on Ctrl-C
        try:
            out, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
        for child in children:
            if child.is_running():
                child.kill()
        return None, _text(out)


def _text(out: bytes) -> str:
    """The output as `text=True` gives it: decoded as the locale says, every line end a newline."""
    return out.decode(locale.getpreferredencoding(False)).replace("\r\n", "\n").replace("\r", "\n")


def alert_payload(out: str) -> dict[str, Any] | None:
    """The alert the demo printed after "webhook delivered ...:", if it printed one."""
    marker = out.find("webhook delivered after")
    start = out.find("{", marker) if marker >= 0 else -1
    if start < 0:
        return None
    try:
        payload, _ = json.JSONDecoder().raw_decode(out, start)
    except json.JSONDecodeError:
        return None
    return payload if isinstance(payload, dict) else None


def service_logs(folder: Path) -> list[Path]:
    """The services' logs, wherever this version of the stack writes them: under
    `$PARLEY_LOCAL_DIR/logs/<namespace>/` or `<cwd>/.local/logs/<namespace>/`."""
    return sorted(
        path for base in (folder / "logs", folder / ".local" / "logs") for path in base.glob("*/*.log")
    )


def check_logs(folder: Path, outcome: Outcome) -> None:
    logs = service_logs(folder)
    names = {path.stem for path in logs}
    missing = sorted({*SERVICES, "webhook-sink"} - names)
    if missing:
        outcome.problems.append(f"no log of {', '.join(missing)} under {folder}")
    for path in logs:
        hits = log_problems(path.read_text(errors="replace").splitlines())
        if not hits:
            continue
        kinds = sorted({m.group(0) for line in hits for m in LOG_PROBLEMS.finditer(line)})
        outcome.problems.append(f"{path.name}: {len(hits)} problem lines ({', '.join(kinds)})")
        counts = Counter(hits)
        outcome.log_lines += [f"{path.name}: {n}x {line[:400]}" for line, n in counts.most_common(LINES_KEPT)]


def log_problems(lines: list[str]) -> list[str]:
    """Every line matching LOG_PROBLEMS; a traceback counts once, as its header plus the
    exception that ends it (its first unindented line), which tells one failure from another.
    Two threads' tracebacks may interleave, so a header is never taken for an ending."""
    clean = [TERMINAL_CODES.sub("", line) for line in lines]
    hits, endings = [], set()
    for i, line in enumerate(clean):
        if line.startswith("Traceback"):
            end = next(
                (j for j in range(i + 1, len(clean)) if j not in endings and is_exception_line(clean[j])),
                None,
            )
            if end is not None:
                endings.add(end)
            hits.append(
                f"{line.strip()} -> {clean[end].strip() if end is not None else '(no exception line)'}"
            )
        elif i not in endings and not line[:1].isspace() and LOG_PROBLEMS.search(line):  # frames are indented
            hits.append(line.strip())
    return hits


def is_exception_line(line: str) -> bool:
    # socketserver closes each traceback with a line of dashes
    return bool(line) and not line[0].isspace() and not line.startswith(("Traceback", "-----"))


def check_demo(code: int | None, out: str, outcome: Outcome) -> None:
    if code is None:
        outcome.problems.append(f"demo still running after {DEMO_TIMEOUT_S:.0f}s")
    elif code != 0:
        outcome.problems.append(f"demo exited {code}")
    payload = alert_payload(out)
    parties = set(payload.get("data", {}).get("talks", {}).get("parties", ())) if payload else set()
    if not {"Armenia", "Azerbaijan"} <= parties:
        outcome.problems.append("no Armenia-Azerbaijan alert printed")
    elif "signature verified: True" not in out:
        outcome.problems.append("alert printed without a verified signature")
    if outcome.problems:
        tail = [line for line in out.splitlines() if line.strip()][-LINES_KEPT:]
        outcome.log_lines += [f"demo: {line[:400]}" for line in tail]


def first_contact(run: int, folder: Path, kept: Path) -> Outcome:
    """Servers formatted in `folder`, the demo, servers down, the folder removed (its service
    logs are kept under `kept` when the run failed)."""
    outcome = Outcome(run, folder)
    infra = PrivateInfra(folder)
    try:
        with outcome.step("servers up"):
            infra.up()
        with outcome.step("demo"):
            code, out = run_demo(folder, infra)
        check_demo(code, out, outcome)
        check_logs(folder, outcome)
    except RuntimeError as exc:  # no servers, no demo: still a failed first contact
        outcome.problems.append(f"servers did not start: {str(exc)[-600:]}")
    finally:
        try:
            with outcome.step("servers down"):
                infra.down()
        except RuntimeError as exc:
            outcome.problems.append(f"servers did not stop: {str(exc)[-600:]}")
    if outcome.problems:
        for path in service_logs(folder):
            target = kept / f"run-{run}" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    shutil.rmtree(folder, ignore_errors=True)
    return outcome


@pytest.mark.timeout(TEST_TIMEOUT_S)
def test_demo_passes_on_brand_new_servers(tmp_path: Path) -> None:
    outcomes = [
        first_contact(run, tmp_path / f"run-{run}", tmp_path / "failed") for run in range(1, RUNS + 1)
    ]
    print("\n".join(o.timing() for o in outcomes))  # shown by `pytest -s` or `-rA`
    failed = [o for o in outcomes if o.problems]
    assert not failed, (
        f"`parley demo` failed {len(failed)} of {RUNS} times on brand-new servers "
        f"(logs kept in {tmp_path / 'failed'}):\n" + "\n".join(o.report() for o in failed)
    )
