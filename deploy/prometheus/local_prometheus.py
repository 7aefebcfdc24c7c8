"""A throw-away Prometheus (the Debian package's binary) scraping services on 127.0.0.1.

Used by `make dashboard-snapshot` (deploy/prometheus/snapshot.py) and the observability
acceptance test: it writes a config scraping one job per service, loads Parley's rules, keeps its
TSDB in a temporary folder, listens on a free port and is stopped by whoever started it.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import yaml

HERE = Path(__file__).resolve().parent
RULES = HERE / "rules" / "parley.rules.yml"
BINARY_CANDIDATES = ("prometheus", "/usr/bin/prometheus")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_binary() -> str:
    for candidate in BINARY_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    raise RuntimeError(
        "prometheus is not installed: run `make setup` (deploy/local/setup-system.sh installs the "
        "Debian package `prometheus`)"
    )


class LocalPrometheus:
    def __init__(
        self,
        targets: dict[str, int],
        workdir: Path,
        scrape_interval: str = "1s",
        rule_files: tuple[Path, ...] = (RULES,),
    ) -> None:
        self.targets = targets
        self.workdir = workdir
        self.scrape_interval = scrape_interval
        self.rule_files = rule_files
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def config(self) -> dict[str, Any]:
        return {
            "global": {"scrape_interval": self.scrape_interval, "evaluation_interval": self.scrape_interval},
            "rule_files": [str(path) for path in self.rule_files],
            "scrape_configs": [
                {"job_name": job, "static_configs": [{"targets": [f"127.0.0.1:{port}"]}]}
                for job, port in self.targets.items()
            ],
        }

    def start(self, timeout_s: float = 60.0) -> LocalPrometheus:
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "prometheus.yml"
        config.write_text(yaml.safe_dump(self.config(), sort_keys=False))
        log = (self.workdir / "prometheus.log").open("ab")
        self.process = subprocess.Popen(
            [
                find_binary(),
                f"--config.file={config}",
                f"--storage.tsdb.path={self.workdir / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{self.port}",
                "--storage.tsdb.retention.time=1d",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"prometheus exited with {self.process.returncode}; see {self.workdir}")
            try:
                if httpx.get(f"{self.url}/-/ready", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"prometheus not ready after {timeout_s:.0f}s; see {self.workdir}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _get(self, path: str, params: dict[str, Any]) -> Any:
        response = httpx.get(f"{self.url}{path}", params=params, timeout=10)
        response.raise_for_status()
        body = response.json()
        if body.get("status") != "success":
            raise RuntimeError(f"prometheus {path} {params}: {body}")
        return body["data"]

    def query(self, expr: str) -> list[dict[str, Any]]:
        """Instant query: `[{"metric": {...}, "value": [ts, "v"]}, ...]`."""
        return list(self._get("/api/v1/query", {"query": expr})["result"])

    def query_range(self, expr: str, start: float, end: float, step: float) -> list[dict[str, Any]]:
        """Range query: `[{"metric": {...}, "values": [[ts, "v"], ...]}, ...]`."""
        data = self._get("/api/v1/query_range", {"query": expr, "start": start, "end": end, "step": step})
        return list(data["result"])

    def targets_health(self) -> dict[str, str]:
        """`job -> health` (`up`, `down`, `unknown`) of the active targets."""
        data = self._get("/api/v1/targets", {"state": "active"})
        return {t["labels"]["job"]: t["health"] for t in data["activeTargets"]}

    def rules_health(self) -> dict[str, str]:
        """`rule name -> health` of every loaded rule (`ok`, `err`, `unknown`)."""
        data = self._get("/api/v1/rules", {})
        return {rule["name"]: rule["health"] for group in data["groups"] for rule in group["rules"]}
