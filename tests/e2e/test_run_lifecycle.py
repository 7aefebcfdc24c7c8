"""`parley run` as a user runs it: stops every service it started on any stop signal, restarts a
service that died, and comes up again on an article it has already seen.

Each run uses free ports (`--free-ports`), a fresh namespace and a PARLEY_LOCAL_DIR of its own,
against the shared local Kafka and Elasticsearch.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import new_namespace, wait_until
from tests.support.processes import launch, stop

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "articles" / "oslo-talks.txt"
OTHER = ROOT / "tests" / "fixtures" / "articles" / "nicosia-talks.txt"
STARTUP_S = 240.0  # seven Python processes on a shared two-core machine
# Back to the default disposition before exec: pytest may itself run as a background job with
# SIGINT ignored, and `parley run` rightly keeps an ignore it inherited.
RESET_AND_EXEC = (
    "import os, signal, sys\n"
    "for s in (signal.SIGINT, signal.SIGHUP): signal.signal(s, signal.SIG_DFL)\n"
    "os.execv(sys.argv[1], sys.argv[1:])\n"
)


class Run:
    """One `parley run` process, its console output and the processes it recorded."""

    def __init__(self, namespace: str, local: Path, article: Path = EXAMPLE) -> None:
        self.namespace, self.local = namespace, local
        local.mkdir(parents=True, exist_ok=True)
        self.output = local / f"run-{len(list(local.glob('run-*.out')))}.out"
        command = ["run", "--free-ports", "--article", str(article)]
        env = {**os.environ, "PARLEY_NAMESPACE": namespace, "PARLEY_LOCAL_DIR": str(local)}
        self.proc = launch(command, env, self.output, cwd=ROOT, via=[sys.executable, "-c", RESET_AND_EXEC])

    def text(self) -> str:
        return self.output.read_text(errors="replace")

    def record(self) -> dict[str, Any]:
        path = self.local / "logs" / self.namespace / "processes.json"
        return dict(json.loads(path.read_text())["services"]) if path.is_file() else {}

    def ready(self) -> bool:
        record = self.record()
        return len(record) == 7 and all(_healthy(entry["port"], name) for name, entry in record.items())

    def wait_running(self) -> None:
        wait_until(lambda: "Parley is running" in self.text() or self.proc.poll() is not None, STARTUP_S)
        assert self.proc.poll() is None, self.text()

    def stop(self, sig: int) -> tuple[int, list[int]]:
        """Send `sig`; the exit status and the process groups recorded, once it exited."""
        groups = [int(entry["pid"]) for entry in self.record().values()]
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=90), groups

    def kill(self) -> None:
        stop(self.proc, signal.SIGKILL)
        for entry in self.record().values():
            _kill_group(int(entry["pid"]))


def _healthy(port: int, name: str) -> bool:
    path = "/healthz" if name == "webhook-sink" else "/readyz"
    try:
        return httpx.get(f"http://127.0.0.1:{port}{path}", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


@pytest.fixture
def runs(tmp_path: Path) -> Iterator[list[Run]]:
    started: list[Run] = []
    yield started
    for run in started:  # only after a failure is anything left
        run.kill()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_every_stop_signal_stops_every_service(sig: signal.Signals, runs: list[Run], tmp_path: Path) -> None:
    run = Run(new_namespace(), tmp_path / "local")
    runs.append(run)
    wait_until(lambda: run.ready() or run.proc.poll() is not None, STARTUP_S, what="services ready")
    assert run.proc.poll() is None, run.text()

    code, groups = run.stop(sig)

    assert code == 0, run.text()
    assert len(groups) == 7
    assert [g for g in groups if _group_alive(g)] == [], run.text()
    assert f"{sig.name} received: stopping" in run.text()


def test_a_killed_service_is_restarted_and_alerts_still_arrive(runs: list[Run], tmp_path: Path) -> None:
    run = Run(new_namespace(), tmp_path / "local")
    runs.append(run)
    run.wait_running()
    before = run.record()["dispatcher"]

    os.killpg(int(before["pid"]), signal.SIGKILL)

    wait_until(
        lambda: run.record()["dispatcher"]["pid"] != before["pid"] and _healthy(before["port"], "dispatcher"),
        STARTUP_S,
        what="dispatcher restarted and ready",
    )
    assert "dispatcher exited with -9; restarting" in run.text()
    assert str(Path(before["log"])) in run.text()  # the log to look at is named
    env = {**os.environ, "PARLEY_NAMESPACE": run.namespace, "PARLEY_LOCAL_DIR": str(run.local)}
    ingested = subprocess.run(
        [sys.executable, "-m", "parley.services", "ingest", str(OTHER)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ingested.returncode == 0, ingested.stderr
    article_id = ingested.stdout.split(":")[-1].strip()
    sink = f"http://127.0.0.1:{run.record()['webhook-sink']['port']}/received"
    wait_until(
        lambda: any(
            r["payload"]["data"]["article_id"] == article_id for r in httpx.get(sink, timeout=5).json()
        ),
        STARTUP_S,
        what="alert for the article ingested after the restart",
    )

    code, groups = run.stop(signal.SIGTERM)
    assert code == 0, run.text()
    assert [g for g in groups if _group_alive(g)] == []


def test_second_run_shows_the_known_talks_and_keeps_running(runs: list[Run], tmp_path: Path) -> None:
    namespace, local = new_namespace(), tmp_path / "local"
    first = Run(namespace, local)
    runs.append(first)
    first.wait_running()
    assert "webhook delivered" in first.text()
    assert first.stop(signal.SIGTERM)[0] == 0, first.text()

    second = Run(namespace, local)
    runs.append(second)
    second.wait_running()

    text = second.text()
    assert "was ingested before" in text
    assert "What Parley knows: talks event" in text
    assert "its alert was delivered when the article was first ingested" in text
    assert "no alert within" not in text
    code, groups = second.stop(signal.SIGTERM)
    assert code == 0, second.text()
    assert [g for g in groups if _group_alive(g)] == []
