"""The rules in force, reloaded on SIGHUP or when the file changes (mtime), without losing state.

A reload that fails validation keeps the rules in force and logs every problem with its line.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from pathlib import Path

from parley.services.dispatcher.rules import Rules, load_rules
from parley.shared.errors import ConfigError
from parley.shared.logging import get_logger
from parley.shared.metrics import RULES_RELOADS

log = get_logger(__name__)


class RulesHolder:
    def __init__(self, path: Path | None, webhook_names: Iterable[str]) -> None:
        self.path = path
        self.webhook_names = tuple(webhook_names)
        self._mtime = self._stat()
        self.rules: Rules = load_rules(path, self.webhook_names)  # ConfigError at start: exit 2
        RULES_RELOADS.labels("loaded").inc()
        self._reload_requested = False

    def _stat(self) -> float | None:
        if self.path is None:
            return None
        try:
            return self.path.stat().st_mtime_ns / 1e9
        except OSError:
            return None

    def request_reload(self) -> None:
        self._reload_requested = True

    def install_sighup(self) -> None:
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.request_reload)
        except (NotImplementedError, RuntimeError, ValueError):
            log.warning("rules_sighup_unavailable")

    def check(self) -> bool:
        """Reload when asked to or when the file changed; True when new rules are in force."""
        mtime = self._stat()
        if not self._reload_requested and mtime == self._mtime:
            return False
        self._reload_requested = False
        self._mtime = mtime
        return self.reload()

    def reload(self) -> bool:
        try:
            rules = load_rules(self.path, self.webhook_names)
        except ConfigError as exc:
            RULES_RELOADS.labels("invalid").inc()
            log.error("rules_reload_rejected", path=str(self.path), problems=exc.problems[:20])
            return False
        self.rules = rules
        RULES_RELOADS.labels("loaded").inc()
        log.info("rules_reloaded", path=str(self.path), rules=[r.name for r in rules.rules])
        return True
