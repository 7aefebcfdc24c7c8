"""Start-up steps every service shares: settings or exit 2, logging, build info."""

from __future__ import annotations

import sys
import warnings
from typing import TypeVar

from parley.shared import metrics
from parley.shared.errors import ConfigError
from parley.shared.logging import configure_logging
from parley.shared.settings import LocalServerVariableIgnored, ParleySettings, load_settings

# One HTTP port per service: /healthz, /readyz, /metrics and its API if it has one.
PORTS: dict[str, int] = {
    "ingest": 8081,
    "enrichment": 8082,
    "indexer": 8083,
    "alerting": 8084,
    "dispatcher": 8085,
    "search": 8086,
    "webhook-sink": 8090,
}

S = TypeVar("S", bound=ParleySettings)


def settings_or_exit(cls: type[S], **overrides: object) -> S:
    """Build settings; on any bad value print every bad key and exit with status 2.

    Ignored local-server variables are reported as one plain line each on stderr.
    """
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", LocalServerVariableIgnored)
            settings = load_settings(cls, **overrides)
    except ConfigError as exc:
        print("parley: invalid configuration:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        raise SystemExit(2) from None
    for warning in caught:
        if issubclass(warning.category, LocalServerVariableIgnored):
            print(f"parley: warning: {warning.message}", file=sys.stderr)
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return settings


def start_service(cls: type[S], service: str) -> S:
    settings = settings_or_exit(cls)
    configure_logging(service, settings.log.level, settings.log.format)
    metrics.set_build_info()
    return settings
