"""The services of `parley run` / `parley demo` as local processes: start, restart, stop.

The servers (Kafka, Elasticsearch) are expected on the configured addresses (`make infra-up`):
`PARLEY_KAFKA_BOOTSTRAP_SERVERS` / `PARLEY_ES_URL`, else the ports the local servers were told
(`PARLEY_LOCAL_KAFKA_PORT` / `PARLEY_LOCAL_ES_HTTP_PORT`), else 9092 and 9200. Everything the
services write locally (logs, faust's data folders, ingest's seen-set) lives under
`$PARLEY_LOCAL_DIR` (default `.local`), which `make clean` removes.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import httpx

from parley.shared.settings import LEGACY_LOCAL_SERVER_VARIABLES

SERVICES = ("enrichment", "indexer", "alerting", "dispatcher", "ingest", "search")
ALERT_TIMEOUT_S = 180.0
READY_TIMEOUT_S = 120.0
STOP_GRACE_S = 20.0  # SIGTERM, then this long to drain, then SIGKILL
PROCESSES_FILE = "processes.json"

IngestOutcome = Literal["published", "duplicate"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def local_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """`$PARLEY_LOCAL_DIR` or `.local`, absolute (the services may run in another folder)."""
    return Path(environ.get("PARLEY_LOCAL_DIR", "").strip() or ".local").expanduser().resolve()


def server_addresses(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Kafka and Elasticsearch addresses from the local servers' ports, where not given outright.

    The former names (PARLEY_KAFKA_PORT, PARLEY_ES_HTTP_PORT) count too, as infra.py obeys them.
    """
    found: dict[str, str] = {}
    for target, names, template in (
        ("PARLEY_KAFKA_BOOTSTRAP_SERVERS", ("PARLEY_LOCAL_KAFKA_PORT", "PARLEY_KAFKA_PORT"), "127.0.0.1:{}"),
        ("PARLEY_ES_URL", ("PARLEY_LOCAL_ES_HTTP_PORT", "PARLEY_ES_HTTP_PORT"), "http://127.0.0.1:{}"),
    ):
        if environ.get(target, "").strip():
            continue
        port = next((environ[n].strip() for n in names if environ.get(n, "").strip()), None)
        if port:
            found[target] = template.format(port)
    return found


@dataclass
class Stack:
    namespace: str
    ports: dict[str, int]
    log_dir: Path
    secret: str = field(default_factory=lambda: "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode())
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)  # wins over the defaults below
    cwd: Path | None = None  # working folder of the services

    def env(self, service: str) -> dict[str, str]:
        local = local_dir()
        # The former local-server names are only infra.py's business; the addresses derived
        # from them are passed on instead, so the services' logs stay free of the warning.
        env = {k: v for k, v in os.environ.items() if k not in LEGACY_LOCAL_SERVER_VARIABLES}
        env.setdefault("PARLEY_DATA_DIR", str(local / "data"))
        env.setdefault("PARLEY_INGEST_STATE_DIR", str(local / "state"))
        env.update(server_addresses(os.environ))
        env.update(
            {
                "PARLEY_NAMESPACE": self.namespace,
                "PARLEY_HTTP_PORT": str(self.ports[service]),
                "PARLEY_INGEST_INSECURE_NO_AUTH": "true",
                "PARLEY_SEARCH_INSECURE_NO_AUTH": "true",
                "PARLEY_ALERTING_PRIVATE_ALLOWLIST": '["127.0.0.0/8", "::1"]',  # the demo receiver
                "PARLEY_ALERTING_WEBHOOKS": json.dumps(
                    [
                        {
                            "name": "demo",
                            "url": f"http://127.0.0.1:{self.ports['webhook-sink']}/hooks/parley",
                            "secrets": [self.secret],
                        }
                    ]
                ),
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    def command(self, name: str) -> list[str]:
        parley = [sys.executable, "-m", "parley.services"]
        if name == "webhook-sink":
            return [*parley, "webhook-sink", "--port", str(self.ports[name]), "--secret", self.secret]
        return [*parley, name, "run"]

    def log_path(self, name: str) -> Path:
        return self.log_dir / f"{name}.log"

    def start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for name in ("webhook-sink", *SERVICES):
            self.spawn(name)

    def spawn(self, name: str) -> subprocess.Popen[bytes]:
        """Start (or start again) one service, in a process group of its own."""
        env = self.env(name)
        Path(env["PARLEY_DATA_DIR"]).mkdir(parents=True, exist_ok=True)  # faust makes one level only
        with self.log_path(name).open("ab") as log:
            proc = subprocess.Popen(
                self.command(name),
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=self.cwd,
            )
        self.processes[name] = proc
        self.record_processes()
        return proc

    def record_processes(self) -> None:
        """Write the pid (= process group) and port of every service, for tools and tests."""
        record = {
            "namespace": self.namespace,
            "services": {
                name: {"pid": proc.pid, "port": self.ports[name], "log": str(self.log_path(name))}
                for name, proc in self.processes.items()
            },
        }
        path = self.log_dir / PROCESSES_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, indent=2))
        tmp.replace(path)

    def wait_ready(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout_s
        pending = dict(self.ports)
        while pending and time.monotonic() < deadline:
            for name, port in list(pending.items()):
                proc = self.processes[name]
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited with {proc.returncode}; see {self.log_dir / name}.log")
                path = "/healthz" if name == "webhook-sink" else "/readyz"
                try:
                    if httpx.get(f"http://127.0.0.1:{port}{path}", timeout=2).status_code == 200:
                        del pending[name]
                except httpx.HTTPError:
                    pass
            time.sleep(0.5)
        if pending:
            raise RuntimeError(
                f"not ready after {timeout_s:.0f}s: {', '.join(pending)} (logs in {self.log_dir})"
            )

    def stop(self, grace_s: float = STOP_GRACE_S) -> None:
        """SIGTERM every service's process group, let them drain, SIGKILL what is left."""
        for proc in self.processes.values():
            _signal_group(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        for proc in self.processes.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            # Also reaps anything the service left behind in its group after its own exit.
            _signal_group(proc.pid, signal.SIGKILL)
            proc.wait()

    def ingest(self, article: Path) -> str:
        return self.ingest_outcome(article)[1]

    def ingest_outcome(self, article: Path) -> tuple[IngestOutcome, str]:
        """Publish one article through `parley ingest`: ("published" | "duplicate", article id)."""
        result = subprocess.run(
            [sys.executable, "-m", "parley.services", "ingest", str(article)],
            env=self.env("ingest"),
            capture_output=True,
            text=True,
            check=False,
        )
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        if result.returncode != 0:
            raise RuntimeError(f"ingest failed with {result.returncode}")
        for line in result.stdout.splitlines():
            outcome, _, rest = line.partition(" ")
            if outcome in ("published", "duplicate") and ":" in rest:
                return ("duplicate" if outcome == "duplicate" else "published"), rest.rsplit(":", 1)[
                    1
                ].strip()
        raise RuntimeError(f"ingest did not report the article: {result.stdout.strip()!r}")

    def wait_alert(self, timeout_s: float = ALERT_TIMEOUT_S) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        url = f"http://127.0.0.1:{self.ports['webhook-sink']}/received"
        while time.monotonic() < deadline:
            try:
                received = httpx.get(url, timeout=2).json()
            except httpx.HTTPError:
                received = []
            if received:
                return dict(received[0])
            time.sleep(0.3)
        raise RuntimeError(f"no alert within {timeout_s:.0f}s (logs in {self.log_dir})")

    def search(self, query: str) -> dict[str, Any]:
        url = f"http://127.0.0.1:{self.ports['search']}/search"
        deadline = time.monotonic() + 30
        while True:
            response = httpx.get(url, params={"q": query, "limit": 3}, timeout=5)
            body = dict(response.json())
            if body.get("hits") or time.monotonic() > deadline:
                return body
            time.sleep(0.5)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)
