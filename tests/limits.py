"""Run an attack in a fresh interpreter under a memory ceiling, so a regression fails the test
(MemoryError, or the child killed) instead of exhausting the machine the tests share."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from typing import Any

from tests.conftest import ROOT


def run_limited(code: str, *, memory_mb: int = 768, timeout_s: float = 120.0) -> dict[str, Any]:
    """Run `code` with at most `memory_mb` of address space; it must print one JSON object last."""

    def limit() -> None:
        ceiling = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))

    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        preexec_fn=limit,
        check=False,
    )
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    outcome: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return outcome
