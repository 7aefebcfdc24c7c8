"""The Elasticsearch stand-in's front door: basic authentication, a log of who asked, and the
few `_security` APIs the compose stack calls; everything else goes to the real node behind it.

    python3 auth_proxy.py LISTEN_PORT NODE_PORT STORE_FILE

The node from Maven jars has no x-pack, so it cannot check passwords or roles. This proxy checks
the password of every request (401 otherwise) against the users created through
`PUT /_security/user/<name>` plus `elastic`, whose password is ELASTIC_PASSWORD (or the file
named by ELASTIC_PASSWORD_FILE), and logs one JSON line per request with the user name, so a
test can see which service (client address) used which credentials. Roles are stored but NOT enforced: index
privileges are beyond the stand-in (docs/deployment.md says so).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import os
import re
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-authorization",
}
USER_PATH = re.compile(r"^/_security/user/(?P<name>[^/?]+)(?P<password>/_password)?/?(?:\?.*)?$")
ROLE_PATH = re.compile(r"^/_security/role/(?P<name>[^/?]+)/?(?:\?.*)?$")


def _hash(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), 10_000).hex()


class Store:
    """Users and roles, kept on the data volume so they survive `down` and `up`."""

    def __init__(self, path: Path, elastic_password: str) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._data: dict[str, Any] = {"users": {}, "roles": {}}
        if path.is_file():
            self._data = json.loads(path.read_text())
        self._elastic = elastic_password

    def _save(self) -> None:
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._data, indent=1, sort_keys=True))
        tmp.replace(self._path)

    def check(self, user: str, password: str) -> bool:
        if user == "elastic":
            return bool(self._elastic) and hmac.compare_digest(password, self._elastic)
        entry = self._data["users"].get(user)
        return entry is not None and hmac.compare_digest(_hash(password, entry["salt"]), entry["hash"])

    def roles_of(self, user: str) -> list[str]:
        if user == "elastic":
            return ["superuser"]
        return list(self._data["users"].get(user, {}).get("roles", []))

    def put_user(self, name: str, body: dict[str, Any]) -> bool:
        with self._lock:
            old = self._data["users"].get(name)
            entry = dict(old or {})
            if "password" in body:
                entry["salt"] = secrets.token_hex(8)
                entry["hash"] = _hash(str(body["password"]), entry["salt"])
            if "roles" in body:
                entry["roles"] = list(body["roles"])
            self._data["users"][name] = entry
            self._save()
            return old is None

    def put_role(self, name: str, body: dict[str, Any]) -> bool:
        with self._lock:
            created = name not in self._data["roles"]
            self._data["roles"][name] = body
            self._save()
            return created


def credentials(header: str | None) -> tuple[str, str] | None:
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    return user, password


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    store: Store
    node_port: int
    _local = threading.local()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one JSON line per request instead, from _audit

    def _audit(self, user: str | None, status: int) -> None:
        line = {
            "standin": "elasticsearch",
            "user": user,
            "client": self.client_address[0],
            "method": self.command,
            "path": self.path,
            "status": status,
        }
        print(json.dumps(line), flush=True)

    def _reply(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        for name, value in {
            "Content-Type": "application/json",
            "X-Elastic-Product": "Elasticsearch",
            **(headers or {}),
        }.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        body = self._body()
        creds = credentials(self.headers.get("Authorization"))
        if creds is None or not self.store.check(*creds):
            self._audit(creds[0] if creds else None, 401)
            self._reply(
                401,
                {"error": {"type": "security_exception", "reason": "unable to authenticate"}, "status": 401},
                {"WWW-Authenticate": 'Basic realm="security" charset="UTF-8"'},
            )
            return
        user = creds[0]
        if self.path.startswith("/_security/"):
            self._security(user, body)
            return
        status = self._forward(body)
        self._audit(user, status)

    def _security(self, user: str, raw: bytes) -> None:
        if self.path.startswith("/_security/_authenticate"):
            self._audit(user, 200)
            self._reply(200, {"username": user, "roles": self.store.roles_of(user)})
            return
        if "superuser" not in self.store.roles_of(user) or self.command not in ("PUT", "POST"):
            self._audit(user, 403)
            self._reply(
                403,
                {
                    "error": {"type": "security_exception", "reason": f"{user} may not manage security"},
                    "status": 403,
                },
            )
            return
        body = json.loads(raw or b"{}")
        if (m := USER_PATH.match(self.path)) is not None:
            created = self.store.put_user(m["name"], body)
            self._audit(user, 200)
            self._reply(200, {} if m["password"] else {"created": created})
        elif (m := ROLE_PATH.match(self.path)) is not None:
            created = self.store.put_role(m["name"], body)
            self._audit(user, 200)
            self._reply(200, {"role": {"created": created}})
        else:
            self._audit(user, 400)
            self._reply(
                400,
                {
                    "error": {"type": "illegal_argument_exception", "reason": "not in the stand-in"},
                    "status": 400,
                },
            )

    def _forward(self, body: bytes) -> int:
        conn: http.client.HTTPConnection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = http.client.HTTPConnection("127.0.0.1", self.node_port, timeout=120)
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() not in HOP_BY_HOP and k.lower() != "authorization"
        }
        try:
            conn.request(self.command, self.path, body=body or None, headers=headers)
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            self._local.conn = None
            self._reply(
                503, {"error": {"type": "node_unavailable", "reason": "node not answering"}, "status": 503}
            )
            return 503
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        return response.status

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


def elastic_password() -> str:
    path = os.environ.get("ELASTIC_PASSWORD_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get("ELASTIC_PASSWORD", "")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up mid-request (a health probe, a service restarting) is no error of
        # the proxy; anything else still prints its traceback.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def main() -> None:
    listen, node, store_file = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    Handler.store = Store(store_file, elastic_password())
    Handler.node_port = node
    _Server(("0.0.0.0", listen), Handler).serve_forever()


if __name__ == "__main__":
    main()
