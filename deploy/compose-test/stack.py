"""The compose project under test: its env file, its internal network and `docker compose` calls."""

from __future__ import annotations

import json
import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PROJECT = "parley-compose-test"
NETWORK = "parley-compose-test"
IMAGE_TAG = "compose-test"
PARLEY_IMAGE = f"parley/parley:{IMAGE_TAG}"
# Host port variables of docker-compose.yml. The internal network publishes nothing, but they are
# still set to free ports so that nothing could ever bind one the host's servers use.
PORT_VARIABLES = (
    "KAFKA_HOST_PORT",
    "ES_HOST_PORT",
    "PARLEY_INGEST_PORT",
    "PARLEY_SEARCH_PORT",
    "PROMETHEUS_PORT",
    "PARLEY_DEMO_SINK_PORT",
    "KIBANA_PORT",
    "GRAFANA_PORT",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def token() -> str:
    return secrets.token_urlsafe(24)


def write_env_file(path: Path, python_image: str) -> dict[str, str]:
    """The .env of the test, and fresh secret files made by the users' own deploy/make-secrets.sh."""
    secrets_dir = path.parent / "secrets"
    shutil.rmtree(secrets_dir, ignore_errors=True)
    subprocess.run(
        ["bash", str(REPO / "deploy" / "make-secrets.sh"), str(secrets_dir)], check=True, capture_output=True
    )
    values = {
        "COMPOSE_PROJECT_NAME": PROJECT,
        "COMPOSE_TEST_NETWORK": NETWORK,
        "PARLEY_IMAGE_TAG": IMAGE_TAG,
        "PARLEY_PYTHON_IMAGE": python_image,
        "PARLEY_SECRETS_DIR": str(secrets_dir),
        "ES_HEAP": "512m",
        "KAFKA_HEAP": "384m",
        # The demo receiver is on the compose network's private addresses.
        "PARLEY_ALERTING_PRIVATE_ALLOWLIST": '["webhook-sink"]',
        "KIBANA_SYSTEM_PASSWORD": secrets.token_urlsafe(24),
        **{name: str(free_port()) for name in PORT_VARIABLES},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{k}='{v}'\n" for k, v in values.items()))
    path.chmod(0o600)
    return values


class Compose:
    def __init__(self, env_file: Path) -> None:
        self.base = [
            "docker",
            "compose",
            "--project-directory",
            str(REPO),
            "--env-file",
            str(env_file),
            "-f",
            str(REPO / "docker-compose.yml"),
            "-f",
            str(HERE / "compose.override.yml"),
            "--profile",
            "demo",
        ]

    def __call__(self, *args: str, check: bool = True, capture: bool = False, timeout: float = 900) -> str:
        proc = subprocess.run(
            [*self.base, *args],
            cwd=REPO,
            check=False,
            text=True,
            timeout=timeout,
            stdout=subprocess.PIPE if capture else None,
            stderr=subprocess.STDOUT if capture else None,
        )
        if check and proc.returncode != 0:
            raise RuntimeError(
                f"docker compose {' '.join(args)} exited {proc.returncode}\n{proc.stdout or ''}"
            )
        return proc.stdout or ""

    def probe(self, *args: str, timeout: float = 300) -> Any:
        """Run probe.py in the checker container; it prints one JSON document."""
        return self.probe_stdin("", *args, timeout=timeout)

    def probe_stdin(self, data: str, *args: str, timeout: float = 300) -> Any:
        proc = subprocess.run(
            [*self.base, "exec", "-T", "checker", "python", "/checks/probe.py", *args],
            cwd=REPO,
            input=data,
            text=True,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        if proc.returncode != 0:
            raise AssertionError(f"probe {args} exited {proc.returncode}: {proc.stderr[-2000:]}")
        return json.loads(proc.stdout.strip().splitlines()[-1])

    def ps(self) -> list[dict[str, Any]]:
        out = self("ps", "--all", "--format", "json", capture=True)
        out = out.strip()
        if out.startswith("["):
            return list(json.loads(out))
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def logs(self, service: str | None = None, prefix: bool = False) -> str:
        flags = ["--no-color"] + ([] if prefix else ["--no-log-prefix"])
        return self("logs", *flags, *([service] if service else []), capture=True)


def network_create() -> None:
    if subprocess.run(["docker", "network", "inspect", NETWORK], capture_output=True).returncode != 0:
        subprocess.run(
            ["docker", "network", "create", "--internal", NETWORK], check=True, capture_output=True
        )


def network_remove() -> None:
    subprocess.run(["docker", "network", "rm", NETWORK], capture_output=True, check=False)


def wait_until(what: str, predicate: Any, timeout: float, interval: float = 2.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


def container_addresses(compose_project: str = PROJECT) -> dict[str, str]:
    """IP address -> compose service, for the project's running containers."""
    ids = subprocess.run(
        ["docker", "ps", "-q", "--filter", f"label=com.docker.compose.project={compose_project}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if not ids:
        return {}
    fmt = '{{index .Config.Labels "com.docker.compose.service"}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}'
    out = subprocess.run(
        ["docker", "inspect", "--format", fmt, *ids], capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for line in out.splitlines():
        service, *addresses = line.split()
        found.update({address: service for address in addresses})
    return found
