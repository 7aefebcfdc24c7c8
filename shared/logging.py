"""structlog set-up: JSON lines on stdout, service name bound, payloads cut to 1 KB.

An exception logged with `log.exception(...)` (or `exc_info=...`) is written as its formatted
traceback: the `exception` field of a JSON line, plain text on the console. Tracebacks never
show local variables, which may hold secrets (a webhook key, a token, a URL's password), and
every value (the event, an error, the traceback) has URL credentials masked (`redact_urls`)
before anything is cut, so a cut can't leave half a password showing.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import MutableMapping
from typing import Any

import structlog

from parley.shared.urls import redact_urls

MAX_FIELD_CHARS = 1024
# The end of a traceback names the exception: a long one keeps its last characters.
MAX_TRACEBACK_CHARS = 8192


def _truncate(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key, value in event_dict.items():
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            event_dict[key] = value[:MAX_FIELD_CHARS] + "…"
    return event_dict


def _redacted(value: Any, depth: int = 0) -> Any:
    if isinstance(value, str):
        # Both patterns need `://` or `=`: most values skip the regexes.
        return redact_urls(value) if "://" in value or "=" in value else value
    if isinstance(value, BaseException):  # rendered through repr otherwise, unredacted
        return _redacted(f"{type(value).__name__}: {value}")
    if depth < 3 and isinstance(value, list | tuple):
        return [_redacted(v, depth + 1) for v in value]
    if depth < 3 and isinstance(value, dict):
        return {k: _redacted(v, depth + 1) for k, v in value.items()}
    return value


def _redact(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """URL credentials masked in every value; `exc_info` is left to `_exception`."""
    for key, value in event_dict.items():
        if key != "exc_info":
            event_dict[key] = _redacted(value)
    return event_dict


def _exception(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """Replace `exc_info` by the formatted traceback (no locals) in `exception`."""
    exc_info = event_dict.pop("exc_info", None)
    if not exc_info:
        return event_dict
    if isinstance(exc_info, BaseException):
        exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
    elif not isinstance(exc_info, tuple):
        exc_info = sys.exc_info()
    if exc_info[0] is None:
        return event_dict
    text = redact_urls("".join(traceback.format_exception(*exc_info)).rstrip("\n"))
    if len(text) > MAX_TRACEBACK_CHARS:
        text = "…" + text[-MAX_TRACEBACK_CHARS:]
    event_dict["exception"] = text
    return event_dict


def _renderer(fmt: str) -> Any:
    if fmt == "json":
        return structlog.processors.JSONRenderer()
    # structlog's default console formatter is rich's, which prints every frame's locals.
    return structlog.dev.ConsoleRenderer(exception_formatter=structlog.dev.plain_traceback)


class ReadAfterOwnClose(logging.Filter):
    """Demote kafka-python 3's traceback for a read on a socket the client itself just closed.

    kafka-python 3.0.12's read task re-checks `_closed` only before it waits: when the wait
    ends in the same loop turn as the transport's close, it calls `recv` on `None` and logs the
    AttributeError as an error with a traceback. The transport is already closed by the client
    (the shutdown or a reconnect of ours), nothing is lost, and a traceback in a log must keep
    meaning a fault. Any other transport error passes unchanged.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        transport = record.args[0] if isinstance(record.args, tuple) and record.args else None
        exc = record.exc_info[1] if record.exc_info else None
        if (
            isinstance(exc, AttributeError)
            and getattr(transport, "_closed", False)
            and getattr(transport, "_sock", True) is None
        ):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            record.exc_info = record.exc_text = None
            return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)
        return True


class ReadOnClosedSocket(logging.Filter):
    """Turn kafka-python 3's traceback for a read task that waits on an already-closed socket into a
    one-line warning.

    When a connection is lost (a young broker drops it during start-up, say), the socket can be
    closed while the transport's read task is about to wait on it: the selector then refuses the
    closed socket (fd -1) and logs "Unhandled exception in task" with a traceback. The lost
    connection itself is logged ("Connection lost"), and the client reconnects; nothing is lost.
    Only that shape (the read task, a socket with fd -1) is changed; any other unhandled task
    exception keeps its traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        closed = (isinstance(exc, ValueError | KeyError) and "-1" in str(exc)) or (
            # data arrived in the same turn as the client's own close, which detached the protocol
            isinstance(exc, AttributeError)
            and "'NoneType' object has no attribute 'data_received'" in str(exc)
        )
        if (
            exc is not None
            and closed
            and str(record.msg).startswith("Unhandled exception in task")
            and _raised_in(exc, "_read_from_sock")
        ):
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg = "kafka-python read task waited on a socket already closed (connection lost; the client reconnects)"
            record.args = ()
            record.exc_info = record.exc_text = None
        return True


def _raised_in(exc: BaseException, function: str) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_name == function:
            return True
        tb = tb.tb_next
    return False


def configure_logging(service: str, level: str = "INFO", fmt: str = "json") -> None:
    """Configure once, in the service's entry point."""
    logging.basicConfig(stream=sys.stderr, level=getattr(logging, level), format="%(name)s %(message)s")
    for noisy in ("kafka", "aiokafka", "elastic_transport", "faust", "mode", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, getattr(logging, level)))
    transport_log = logging.getLogger("kafka.net.transport")
    if not any(isinstance(f, ReadAfterOwnClose) for f in transport_log.filters):
        transport_log.addFilter(ReadAfterOwnClose())
    selector_log = logging.getLogger("kafka.net.selector")
    if not any(isinstance(f, ReadOnClosedSocket) for f in selector_log.filters):
        selector_log.addFilter(ReadOnClosedSocket())
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _redact,
            _truncate,
            _exception,
            _renderer(fmt),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(getattr(logging, level)),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stdout),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)


def get_logger(name: str | None = None) -> Any:
    return structlog.get_logger(name)
