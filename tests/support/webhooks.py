"""The webhook receiver of the tests: an HTTP server on 127.0.0.1 that records every request,
answers scripted statuses, can answer slowly, verifies Standard Webhooks signatures, and can be
stopped and started again on the same port."""

from __future__ import annotations

import base64
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks.webhooks import Webhook

SECRET = "whsec_" + base64.b64encode(b"parley-integration-secret-24").decode()


class _Server(ThreadingHTTPServer):
    allow_reuse_address = True  # started again on its port just after a stop
    daemon_threads = True


@dataclass
class Receiver:
    """Records each POST as a dict: `id` (the webhook-id header, "" if none), `status` (the
    answer), `headers` (lower-cased names), `body` (bytes), `payload` (the parsed body when its
    signature verifies against `secret`, else None) and `error` (why it did not, else None).

    Statuses: `script` is consumed one status per request (per webhook-id when `per_id`), then
    `then` is answered for ever. With `reject_unsigned`, a request whose signature does not
    verify is answered 400 instead, without using up the script. In `mode` "slow" each answer
    waits `slow_s` first; `stop()` closes the listening socket and `start()` opens it again on
    the same port (in mode "up").
    """

    script: list[int] = field(default_factory=list)
    then: int = 200
    per_id: bool = True
    secret: str = SECRET
    reject_unsigned: bool = False
    mode: str = "up"  # or "slow"
    slow_s: float = 5.0
    port: int = 0  # 0: a free one, picked at the first start and kept
    requests: list[dict[str, Any]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, port: int | None = None) -> Receiver:
        """Listen on `port` (default: `self.port`) and answer in mode "up"."""
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                status = receiver._record(headers, body)
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return

        if port is not None:
            self.port = port
        self._server = _Server(("127.0.0.1", self.port), Handler)
        self.port = int(self._server.server_address[1])
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.mode = "up"
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def _record(self, headers: dict[str, str], body: bytes) -> int:
        if self.mode == "slow":
            time.sleep(self.slow_s)
        payload: Any = None
        error: Exception | None = None
        try:
            payload = Webhook(self.secret).verify(body, headers)
        except Exception as exc:  # unsigned or tampered: recorded as such
            error = exc
        webhook_id = headers.get("webhook-id", "")
        with self._lock:
            status = 400 if error is not None and self.reject_unsigned else self._answer(headers)
            self.requests.append(
                {
                    "id": webhook_id,
                    "status": status,
                    "headers": headers,
                    "body": body,
                    "payload": payload,
                    "error": error,
                }
            )
        return status

    def _answer(self, headers: dict[str, str]) -> int:
        """The scripted status of the next request (the lock held)."""
        webhook_id = headers.get("webhook-id", "")
        seen = sum(1 for r in self.requests if r["headers"].get("webhook-id") == webhook_id)
        index = seen if self.per_id else len(self.requests)
        return self.script[index] if index < len(self.script) else self.then

    def delivered(self) -> list[dict[str, Any]]:
        """The requests answered 2xx, in order; each must carry a valid signature (else raises)."""
        with self._lock:
            items = [dict(r) for r in self.requests if 200 <= r["status"] < 300]
        for item in items:
            if item["error"] is not None:
                raise item["error"]
        return items

    def ids(self) -> list[str]:
        return [d["id"] for d in self.delivered()]

    def endpoint(self, name: str, **extra: Any) -> dict[str, Any]:
        """A PARLEY_ALERTING_WEBHOOKS entry pointing here, signed with `secret`."""
        return {
            "name": name,
            "url": f"http://127.0.0.1:{self.port}/hooks/{name}",
            "secrets": [self.secret],
            **extra,
        }
