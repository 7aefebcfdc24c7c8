"""When `parley run` restarts a service that exited: bounded per service, with backoff.

Pure: the caller passes the clock. A service that keeps dying is not restarted forever; past
the bound `parley run` stops everything and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RestartPolicy:
    max_restarts: int = 5
    window_s: float = 600.0
    first_delay_s: float = 1.0
    max_delay_s: float = 30.0
    _history: dict[str, list[float]] = field(default_factory=dict)

    def next_delay(self, service: str, now: float) -> float | None:
        """Seconds to wait before restarting `service`, or None when its bound is used up.

        Each call counts as one restart; the delay doubles with every restart in the window.
        """
        recent = [t for t in self._history.get(service, []) if now - t < self.window_s]
        if len(recent) >= self.max_restarts:
            self._history[service] = recent
            return None
        recent.append(now)
        self._history[service] = recent
        return float(min(self.max_delay_s, self.first_delay_s * 2 ** (len(recent) - 1)))

    def count(self, service: str, now: float) -> int:
        """Restarts of `service` within the window."""
        return sum(1 for t in self._history.get(service, []) if now - t < self.window_s)
