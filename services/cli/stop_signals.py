"""SIGINT, SIGTERM and SIGHUP as one request to stop, for the commands that own child processes.

The handler raises `Stopped` in the main thread, so every wait unwinds to the command's
`finally`, which stops the children. Inside `held()` (starting a child, then recording it) the
request waits until the block ends, so no child is ever started without being recorded. Once
stopping has begun, further signals are only noted: the drain is bounded anyway.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stopped(BaseException):
    """A stop signal arrived; BaseException so that no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


class StopSignals:
    def __init__(self) -> None:
        self.received: int | None = None
        self._holds = 0
        self._stopping = False

    @classmethod
    def install(cls) -> StopSignals:
        """Handle the stop signals. SIGINT and SIGHUP stay ignored where the caller ignored them
        (`nohup`, a background job of a script): that is how the caller asked not to stop us."""
        handler = cls()
        for sig in STOP_SIGNALS:
            if sig != signal.SIGTERM and signal.getsignal(sig) == signal.SIG_IGN:
                continue
            signal.signal(sig, handler._on_signal)
        return handler

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        first = self.received is None
        self.received = signum
        if first and not self._holds and not self._stopping:
            raise Stopped(signum)

    @contextmanager
    def held(self) -> Iterator[None]:
        """A stop request arriving inside the block takes effect at its end."""
        self._holds += 1
        try:
            yield
        finally:
            self._holds -= 1
        if not self._holds and self.received is not None and not self._stopping:
            raise Stopped(self.received)

    def stopping(self) -> None:
        """From now on signals are noted, not raised: the caller is already stopping."""
        self._stopping = True
