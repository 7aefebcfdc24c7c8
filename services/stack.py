"""`parley run` / `parley demo`: start every service locally, ingest an article, show the result.

The servers (Kafka, Elasticsearch) are expected on the configured addresses (`make infra-up`).
`run` keeps the services up until Ctrl-C; `demo` uses a fresh namespace and free ports, exits 0
once the alert arrived and stops everything it started.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import typer

from parley.shared.runtime import PORTS

SERVICES = ("enrichment", "indexer", "alerting", "dispatcher", "ingest", "search")
DEFAULT_ARTICLE = Path("examples/articles/oslo-talks.txt")
ALERT_TIMEOUT_S = 180.0
READY_TIMEOUT_S = 120.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Stack:
    namespace: str
    ports: dict[str, int]
    log_dir: Path
    secret: str = field(default_factory=lambda: "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode())
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)  # wins over the defaults below
    cwd: Path | None = None  # working folder of the services (faust data folders land here)

    def env(self, service: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "PARLEY_NAMESPACE": self.namespace,
                "PARLEY_HTTP_PORT": str(self.ports[service]),
                "PARLEY_INGEST_INSECURE_NO_AUTH": "true",
                "PARLEY_SEARCH_INSECURE_NO_AUTH": "true",
                "PARLEY_ALERTING_ALLOW_PRIVATE_WEBHOOKS": "true",
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

    def start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        parley = [sys.executable, "-m", "parley.services"]
        commands = {
            "webhook-sink": [
                *parley,
                "webhook-sink",
                "--port",
                str(self.ports["webhook-sink"]),
                "--secret",
                self.secret,
            ],
            **{name: [*parley, name, "run"] for name in SERVICES},
        }
        for name, command in commands.items():
            log = (self.log_dir / f"{name}.log").open("ab")
            self.processes[name] = subprocess.Popen(
                command,
                env=self.env(name),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=self.cwd,
            )

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

    def stop(self) -> None:
        for proc in self.processes.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        for proc in self.processes.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def ingest(self, article: Path) -> str:
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
        return result.stdout.split(":")[-1].strip()

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


def _start(namespace: str, ports: dict[str, int], log_root: Path) -> Stack:
    stack = Stack(namespace=namespace, ports=ports, log_dir=log_root / namespace)
    typer.echo(f"starting services in namespace {namespace!r} (logs in {stack.log_dir})")
    stack.start()
    return stack


def _show(stack: Stack, article: Path, started: float) -> None:
    stack.wait_ready()
    typer.echo(f"all services ready after {time.monotonic() - started:.1f}s; ingesting {article}")
    stack.ingest(article)
    alert = stack.wait_alert()
    typer.echo(
        f"\nwebhook delivered after {time.monotonic() - started:.1f}s (signature verified: "
        f"{alert.get('verified')}):"
    )
    typer.echo(json.dumps(alert["payload"], indent=2, ensure_ascii=False))
    words = " ".join(alert["payload"]["data"]["talks"]["parties"][:2]) + " talks"
    hits = stack.search(words)
    typer.echo(f"\nsearch {words!r} through the search API:")
    typer.echo(json.dumps(hits, indent=2, ensure_ascii=False)[:4000])


def run_command(
    article: Path = typer.Option(DEFAULT_ARTICLE, help="article to ingest once everything is up"),
) -> None:
    """Start every service on the standard ports, ingest an article, then keep running until Ctrl-C."""
    namespace = os.environ.get("PARLEY_NAMESPACE", "parley")
    started = time.monotonic()
    stack = _start(namespace, dict(PORTS), Path(".local/logs"))
    try:
        _show(stack, article, started)
        typer.echo(
            "\nParley is running. Ingest more with `parley ingest FILE` or "
            f"POST http://127.0.0.1:{PORTS['ingest']}/articles; Ctrl-C stops everything."
        )
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(1)
        typer.echo("a service stopped; shutting down", err=True)
        raise typer.Exit(1)
    except KeyboardInterrupt:
        typer.echo("\nstopping")
    except RuntimeError as exc:
        typer.echo(f"parley run: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        stack.stop()


def demo_command(
    article: Path = typer.Option(DEFAULT_ARTICLE, help="article to ingest"),
) -> None:
    """Like `run`, in a fresh namespace on free ports; exits 0 once the alert arrived."""
    namespace = f"demo-{secrets.token_hex(4)}"
    ports = {name: free_port() for name in (*SERVICES, "webhook-sink")}
    started = time.monotonic()
    stack = _start(namespace, ports, Path(".local/logs"))
    try:
        _show(stack, article, started)
        typer.echo(f"\ndemo passed in {time.monotonic() - started:.1f}s")
    except (RuntimeError, httpx.HTTPError) as exc:
        typer.echo(f"parley demo: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        stack.stop()
