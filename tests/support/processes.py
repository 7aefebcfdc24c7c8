"""Parley processes started by tests: one launcher, and one way to stop what it started."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO


def command(args: Sequence[str]) -> list[str]:
    """`python -m parley.services *args`, with the interpreter running the tests."""
    return [sys.executable, "-m", "parley.services", *args]


def launch(
    args: Sequence[str],
    env: Mapping[str, str],
    log_path: Path | None,
    *,
    new_session: bool = True,
    pipe: bool = False,
    cwd: Path | None = None,
    via: Sequence[str] = (),
) -> subprocess.Popen[bytes]:
    """Start `python -m parley.services *args` with exactly `env`, stdout and stderr together.

    The output is appended to `log_path`. With `pipe` it goes through a pipe instead: with a
    `log_path`, a thread copies it to the log (a pipe is not subject to a file-size limit set on
    the process); with none, the caller reads `proc.stdout`.

    With `new_session` the process leads a session and a process group of its own, which `stop`
    signals as a whole. `via` is a command put in front that execs its arguments (a wrapper).
    """
    if log_path is None and not pipe:
        raise ValueError("a process without a log must be piped")
    log: IO[bytes] | None = log_path.open("ab") if log_path is not None else None
    try:
        proc = subprocess.Popen(
            [*via, *command(args)],
            env=dict(env),
            stdout=subprocess.PIPE if pipe else log,
            stderr=subprocess.STDOUT,
            start_new_session=new_session,
            cwd=cwd,
        )
    except BaseException:
        if log is not None:
            log.close()
        raise
    if pipe and log is not None:
        assert proc.stdout is not None
        threading.Thread(target=_pump, args=(proc.stdout, log), daemon=True).start()
    elif log is not None:
        log.close()  # the process has its own copy
    return proc


def _pump(src: IO[bytes], dst: IO[bytes]) -> None:
    with dst, contextlib.suppress(OSError, ValueError):
        while chunk := src.read1(65536):  # type: ignore[attr-defined]
            dst.write(chunk)
            dst.flush()


def send(proc: subprocess.Popen[bytes], sig: int) -> None:
    """`sig` to the process's group when it leads one (started in a session of its own), else
    to the process alone; nothing if it is gone."""
    with contextlib.suppress(ProcessLookupError):
        if os.getpgid(proc.pid) == proc.pid:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM, timeout: float = 60) -> int:
    """Send `sig` (see `send`) unless the process has exited, wait up to `timeout` seconds, then
    SIGKILL it the same way and wait; its exit status."""
    if proc.poll() is None:
        send(proc, sig)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        send(proc, signal.SIGKILL)
        return proc.wait()
