"""The peer: ElastAlert 2 raising the same alert from the same articles index.

ElastAlert 2 pins its own Elasticsearch client, so it lives in a virtualenv of its own,
`build/bench/elastalert2-venv`, made here with `python3 -m venv` and pip on first use. The rule
is the equivalent of Parley's "talks announced" alert: `type: any` over the stack's articles
alias, filtered on a nested `talks.status: announced`, `realert` 0 (every matching article alerts
once: ElastAlert remembers the hits it has seen), and the `command` alerter appending
"<epoch seconds> <article id>" to a file for every match. Latency is that timestamp minus the
moment the ingest API returned the article, as for Parley's own webhook.

Its writeback indices are named after the run's namespace (`<ns>-elastalert<interval>...`), so
the run's clean-up deletes them with the rest.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from bench.result import ROOT

VENV = ROOT / "build" / "bench" / "elastalert2-venv"
# elastalert2 2.19.0 (the newest release for Python 3.11) imports pytz without declaring it.
PACKAGES = ("elastalert2", "pytz")
INSTALL_TIMEOUT_S = 600
START_TIMEOUT_S = 90.0


def _tail(text: str, limit: int = 400) -> str:
    text = " ".join(text.strip().split())
    return text if len(text) <= limit else "..." + text[-limit:]


def ensure_venv() -> tuple[Path | None, str]:
    """(the venv's bin folder, "elastalert2 X with elasticsearch Y") or (None, why it is unusable)."""
    bin_dir = VENV / "bin"
    probe = [
        str(bin_dir / "python"),
        "-c",
        "import importlib.metadata as m, elastalert.util; "
        "print(m.version('elastalert2'), m.version('elasticsearch'))",
    ]
    done = subprocess.run(probe, capture_output=True, text=True, check=False) if bin_dir.exists() else None
    if done is None or done.returncode != 0:
        python = shutil.which("python3") or sys.executable
        steps = [
            [python, "-m", "venv", str(VENV)],
            [str(bin_dir / "pip"), "install", "-q", "--disable-pip-version-check", *PACKAGES],
        ]
        for command in steps:
            try:
                step = subprocess.run(
                    command, capture_output=True, text=True, check=False, timeout=INSTALL_TIMEOUT_S
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                return None, f"`{' '.join(command)}` failed: {exc}"
            if step.returncode != 0:
                return None, f"`{' '.join(command)}` exited {step.returncode}: {_tail(step.stderr)}"
        done = subprocess.run(probe, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return None, f"elastalert2 installed but not importable: {_tail(done.stderr)}"
    elastalert, client = done.stdout.split()
    return bin_dir, f"elastalert2 {elastalert} with its own elasticsearch client {client}"


@dataclass
class ElastAlert:
    """One ElastAlert 2 process with one rule against one index alias."""

    bin_dir: Path
    folder: Path
    namespace: str
    index: str
    es_url: str
    run_every_s: int
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path = field(init=False)
    out_path: Path = field(init=False)
    config_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.log_path = self.folder / "elastalert.log"
        self.out_path = self.folder / "alerts.txt"
        self.config_path = self.folder / "config.yaml"

    @property
    def writeback_index(self) -> str:
        return f"{self.namespace}-elastalert{self.run_every_s}"

    def write_files(self) -> None:
        url = urlsplit(self.es_url.split(",")[0])
        rules = self.folder / "rules"
        rules.mkdir(exist_ok=True)
        config = {
            "rules_folder": str(rules),
            "run_every": {"seconds": self.run_every_s},
            "buffer_time": {"minutes": 15},
            "es_host": url.hostname or "127.0.0.1",
            "es_port": url.port or 9200,
            "use_ssl": url.scheme == "https",
            "writeback_index": self.writeback_index,
            "alert_time_limit": {"hours": 1},
            "disable_rules_on_error": False,
        }
        rule = {
            "name": f"talks-announced-{self.run_every_s}s",
            "type": "any",
            "index": self.index,
            "timestamp_field": "indexed_at",
            "realert": {"minutes": 0},
            "filter": [{"nested": {"path": "talks", "query": {"term": {"talks.status": "announced"}}}}],
            "alert": ["command"],
            # `%%` survives ElastAlert's %-formatting of each argument as a single `%` for date(1).
            "command": [
                "/bin/sh",
                "-c",
                f'echo "$(date +%%s.%%N) $1" >> {self.out_path}',
                "sh",
                "%(article_id)s",
            ],
        }
        self.config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        (rules / "talks.yaml").write_text(yaml.safe_dump(rule, sort_keys=False), encoding="utf-8")

    def create_index(self) -> None:
        command = [str(self.bin_dir / "elastalert-create-index"), "--config", str(self.config_path)]
        done = subprocess.run(
            command, cwd=self.folder, capture_output=True, text=True, check=False, timeout=180
        )
        if done.returncode != 0 or "Done!" not in done.stdout:
            raise RuntimeError(
                f"`{' '.join(command)}` exited {done.returncode}: {_tail(done.stderr or done.stdout)}"
            )

    def start(self) -> None:
        self.write_files()
        self.create_index()
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [str(self.bin_dir / "elastalert"), "--config", str(self.config_path), "--verbose"],
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"elastalert exited {self.proc.returncode}: {_tail(self.log_path.read_text(errors='replace'))}"
                )
            if "Ran talks-announced" in self.log_path.read_text(errors="replace"):
                return  # the first query went through: the rule is live
            time.sleep(0.5)
        raise RuntimeError(
            f"elastalert ran no query within {START_TIMEOUT_S:.0f} s: "
            f"{_tail(self.log_path.read_text(errors='replace'))}"
        )

    def alerts(self) -> dict[str, float]:
        """Article id -> epoch seconds of the first alert about it."""
        out: dict[str, float] = {}
        if not self.out_path.exists():
            return out
        for line in self.out_path.read_text(encoding="utf-8").splitlines():
            stamp, _, article_id = line.partition(" ")
            with contextlib.suppress(ValueError):
                at = float(stamp)
                out[article_id] = min(at, out.get(article_id, at))
        return out

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
