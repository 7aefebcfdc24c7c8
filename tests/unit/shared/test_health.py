"""The health server: a client that hung up before the answer is not an error."""

from __future__ import annotations

import io
import socket

from parley.shared.health import HealthServer, _make_handler


class HungUp(io.BytesIO):
    def write(self, data: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_answer_to_a_client_that_hung_up_is_dropped_quietly() -> None:
    handler_cls = _make_handler(lambda: {"kafka": True})
    handler = handler_cls.__new__(handler_cls)
    handler.wfile = HungUp()
    handler.request_version = "HTTP/1.1"
    handler.requestline = "GET /healthz HTTP/1.1"
    handler.command = "GET"
    handler.path = "/healthz"
    handler.close_connection = False
    handler.do_GET()  # type: ignore[attr-defined]
    assert handler.close_connection is True


def test_live_server_still_answers() -> None:
    server = HealthServer("127.0.0.1", 0, lambda: {"kafka": True}).start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
            sock.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")
            answer = b""
            while chunk := sock.recv(4096):
                answer += chunk
    finally:
        server.stop()
    assert answer.startswith(b"HTTP/1.0 200") and answer.endswith(b'{"alive": true}')
