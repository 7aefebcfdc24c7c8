"""/healthz, /readyz and /metrics on one port, for services without a web framework of their own."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from parley.shared import metrics

if TYPE_CHECKING:
    from parley.shared.lag import LagExporter

ReadinessCheck = Callable[[], dict[str, bool]]


def readiness_body(checks: dict[str, bool]) -> tuple[int, bytes]:
    ready = bool(checks) and all(checks.values())
    body = json.dumps({"ready": ready, "checks": checks}).encode()
    return (200 if ready else 503), body


class HealthServer:
    """A tiny threaded HTTP server; `readiness` is called on each /readyz request.

    `lag`, when given, is a consumer-lag exporter started and stopped with the server, so the
    `parley_consumer_lag_messages` gauge on /metrics stays current.
    """

    def __init__(
        self, host: str, port: int, readiness: ReadinessCheck, *, lag: LagExporter | None = None
    ) -> None:
        handler = _make_handler(readiness)
        self._server = ThreadingHTTPServer((host, port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="health", daemon=True)
        self._lag = lag

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> HealthServer:
        self._thread.start()
        if self._lag is not None:
            self._lag.start()
        return self

    def stop(self) -> None:
        if self._lag is not None:
            self._lag.stop()
        self._server.shutdown()
        self._server.server_close()


def _make_handler(readiness: ReadinessCheck) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/healthz":
                self._send(200, b'{"alive": true}', "application/json")
            elif path == "/readyz":
                try:
                    status, body = readiness_body(readiness())
                except Exception as exc:  # a failing probe means "not ready", never a crash
                    status, body = 503, json.dumps({"ready": False, "error": type(exc).__name__}).encode()
                self._send(status, body, "application/json")
            elif path == "/metrics":
                payload, content_type = metrics.render()
                self._send(200, payload, content_type)
            else:
                self._send(404, b'{"error": "not found"}', "application/json")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            # A probe or scrape that timed out (a worker busy starting up answers late) has hung
            # up; that is its business, not a traceback in the service's log.
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler
