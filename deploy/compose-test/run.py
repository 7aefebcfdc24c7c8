"""`make compose-test`: build and run docker-compose.yml for real on this machine, check what a
user checks, and leave nothing behind.

    python3 deploy/compose-test/run.py [--keep]     (--keep: leave the stack up for a look)

Phases: prerequisites (apt: docker.io, debootstrap) -> private Docker engine -> compose v2 ->
base image -> stand-in server images -> Parley's image from ./Dockerfile -> `up --wait` on an
internal network -> checks -> `down -v` -> images removed -> engine stopped. Prints each phase's duration and each check with what it saw.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import checks
import images
import stack

HERE = Path(__file__).resolve().parent
WORK = stack.REPO / "build" / "compose-test"
ENGINE = HERE / "engine.sh"


class Report:
    def __init__(self) -> None:
        self.phases: list[tuple[str, float]] = []
        self.parts: list[tuple[str, float]] = []
        self.checks: list[tuple[str, bool, str]] = []

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        print(f"==> {name}", flush=True)
        start = time.monotonic()
        try:
            yield
        finally:
            self.phases.append((name, time.monotonic() - start))
            print(f"    {name}: {self.phases[-1][1]:.0f}s", flush=True)

    def part(self, name: str, run: Callable[[], object]) -> None:
        """A step of a phase, timed on its own (steps of one phase may overlap)."""
        start = time.monotonic()
        outcome = "FAILED after "
        try:
            run()
            outcome = ""
        finally:
            self.parts.append((name if not outcome else f"{name} (failed)", time.monotonic() - start))
            print(f"    {name}: {outcome}{self.parts[-1][1]:.0f}s", flush=True)

    def check(self, name: str, run: Callable[[], str]) -> None:
        try:
            seen = run()
            ok = True
        except AssertionError as exc:
            seen, ok = str(exc), False
        self.checks.append((name, ok, seen))
        print(f"    [{'ok' if ok else 'FAIL'}] {name}: {seen}", flush=True)
        if not ok:
            raise SystemExit(f"check failed: {name}")

    def summary(self) -> str:
        lines = ["", "phase durations:"]
        lines += [f"  {name:<52} {seconds:6.0f}s" for name, seconds in self.phases]
        lines.append(f"  {'total':<52} {sum(s for _, s in self.phases):6.0f}s")
        lines += ["", "steps of the parallel image phase:"]
        lines += [f"  {name:<52} {seconds:6.0f}s" for name, seconds in self.parts]
        lines += ["", "checks:"]
        lines += [f"  [{'ok' if ok else 'FAIL'}] {name}: {seen}" for name, ok, seen in self.checks]
        return "\n".join(lines)


def engine(action: str) -> None:
    subprocess.run(["bash", str(ENGINE), action], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keep", action="store_true", help="leave the stack, images and engine running")
    parser.add_argument(
        "--checks-only", action="store_true", help="only the checks, on a stack left by --keep"
    )
    options = parser.parse_args()

    os.environ["DOCKER_HOST"] = (
        "unix://" + os.environ.get("COMPOSE_TEST_ENGINE_DIR", "/run/parley-compose-test") + "/docker.sock"
    )
    os.environ["DOCKER_CONFIG"] = str(WORK / "docker-config")
    os.environ.pop("COMPOSE_FILE", None)
    os.environ.pop("COMPOSE_PROJECT_NAME", None)
    report = Report()
    compose = stack.Compose(WORK / "test.env")
    if options.checks_only:
        checks.run_all(compose, report)
        print(report.summary(), flush=True)
        return 0
    started = False
    try:
        with report.phase("prerequisites"):
            subprocess.run(["bash", str(HERE / "prerequisites.sh")], check=True)
        with report.phase("engine"):
            engine("start")
        # Compose v2's Go build is CPU-bound, debootstrap and the image builds wait mostly on the
        # network and the disk: run them side by side. Parley's image needs Compose and the
        # Python stand-in; the server stand-ins need the JRE image.
        stack.write_env_file(WORK / "test.env", images.PYTHON)
        stack.network_create()
        with report.phase("images, in parallel (total)"), ThreadPoolExecutor(3) as pool:
            plugin = pool.submit(
                report.part,
                "compose v2 (built once, cached in build/)",
                lambda: subprocess.run(
                    ["bash", str(HERE / "compose-plugin.sh"), str(WORK / "docker-config")], check=True
                ),
            )
            report.part("base image (debootstrap)", images.base_image)

            def parley_image() -> None:
                report.part("Python stand-in image", images.python_image)
                plugin.result()
                report.part("Parley image (./Dockerfile)", lambda: compose("build", "ingest"))

            parley = pool.submit(parley_image)
            report.part("server stand-ins (Kafka, Elasticsearch, Prometheus)", lambda: images.servers(WORK))
            parley.result()
        started = True
        with report.phase("up --wait"):
            try:
                compose("up", "--detach", "--wait", "--wait-timeout", "600", "--no-build", timeout=900)
            except RuntimeError:
                print(failed_containers(compose), flush=True)
                raise
        with report.phase("checks (scale, down/up, logs)"):
            try:
                checks.run_all(compose, report)
            except SystemExit:
                keep_logs(compose)
                raise
        return 0
    finally:
        if options.keep:
            print("--keep: the stack, images and engine are left running", flush=True)
        else:
            with report.phase("down -v, images removed, engine stopped"):
                if started:
                    compose(
                        "down", "--volumes", "--remove-orphans", "--timeout", "30", check=False, timeout=300
                    )
                stack.network_remove()
                images.remove([stack.PARLEY_IMAGE, *images.STAND_INS])
                inside = leftovers_in_engine()
                engine("stop")
            report.check("nothing left behind", lambda: inside + "; " + leftovers_on_host())
        print(report.summary(), flush=True)
        (WORK / "report.json").write_text(
            json.dumps({"phases": report.phases, "parts": report.parts, "checks": report.checks}, indent=1)
        )


def failed_containers(compose: stack.Compose) -> str:
    """The last log lines of every container that exited non-zero or is not healthy: why `up
    --wait` failed, printed before the stack is removed."""
    parts = []
    for c in compose.ps():
        exited = c.get("State") == "exited" and c.get("ExitCode", 0) != 0
        if exited or c.get("Health") not in ("", "healthy", None):
            name = c.get("Service", c.get("Name", "?"))
            log = compose("logs", "--no-color", "--tail", "60", name, capture=True, check=False)
            parts.append(f"==> {name}: {c.get('Status', c.get('State'))}\n{log}")
    return "\n".join(parts) or "==> no container exited non-zero or unhealthy"


def keep_logs(compose: stack.Compose) -> None:
    """A failed check's evidence: every service's log in build/, and the warnings printed, since a
    CI run keeps only what was printed and the stack is removed next."""
    logs = compose("logs", "--no-color", "--timestamps", capture=True, check=False)
    path = WORK / "failed-check-logs.txt"
    path.write_text(logs)
    notable = [
        line[:300]
        for line in logs.splitlines()
        if any(word in line for word in ("WARNING", "ERROR", "Traceback", "rebalanc", "Rebalanc", "assigned"))
    ]
    print(f"==> logs of every service kept in {path}; warnings, errors and rebalances:", flush=True)
    print("\n".join(notable[-300:]), flush=True)


def leftovers_in_engine() -> str:
    def listed(*cmd: str) -> list[str]:
        return subprocess.run(["docker", *cmd], capture_output=True, text=True).stdout.split()

    containers, image_ids, volumes = (
        listed("ps", "-aq"),
        listed("images", "-aq"),
        listed("volume", "ls", "-q"),
    )
    networks = [
        n for n in listed("network", "ls", "--format", "{{.Name}}") if n not in ("host", "none", "bridge")
    ]
    assert not (containers or image_ids or volumes or networks), (
        f"left in the engine: containers {containers}, images {image_ids}, volumes {volumes}, networks {networks}"
    )
    return "no container, image, volume or network left in the engine"


def leftovers_on_host() -> str:
    status = subprocess.run(["bash", str(ENGINE), "status"], capture_output=True, text=True)
    mounted = [
        line.split()[1]
        for line in Path("/proc/mounts").read_text().splitlines()
        if "parley-compose-test" in line
    ]
    assert status.returncode == 3 and not mounted, f"engine: {status.stdout.strip()}; mounts: {mounted}"
    return "engine stopped, no mount left"


if __name__ == "__main__":
    sys.exit(main())
