"""Who may read: the API token (a bearer header), a signed session cookie, or a feed's capability.

Sessions are stateless (itsdangerous-signed, time-limited), so search replicas share no session
store; signing out clears the cookie. Forms carry a CSRF token that must match a cookie of the
same value (double submit), and sign-in also checks the Origin header when the browser sends it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION_COOKIE = "parley_session"
CSRF_COOKIE = "parley_csrf"
SESSION_SALT = "parley.desk.session"
FEED_KEY_SEPARATOR = "."


@dataclass(frozen=True)
class Access:
    """`token` None: the service runs without authentication (insecure mode), everyone may read."""

    token: str | None
    session_key: bytes
    session_seconds: int

    @property
    def open(self) -> bool:
        return self.token is None

    def _serializer(self) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(self.session_key, salt=SESSION_SALT)

    def token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        return bool(given) and secrets.compare_digest(str(given).encode(), self.token.encode())

    def new_session(self) -> str:
        """A signed cookie value: it holds no secret, only that sign-in happened and when."""
        return str(self._serializer().dumps({"v": 1, "n": secrets.token_urlsafe(8)}))

    def session_ok(self, cookie: str | None) -> bool:
        if self.token is None:
            return True
        if not cookie:
            return False
        try:
            data = self._serializer().loads(cookie, max_age=self.session_seconds)
        except BadSignature:  # also SignatureExpired
            return False
        return isinstance(data, dict) and data.get("v") == 1


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(cookie: str | None, form_value: str | None) -> bool:
    # Bytes: compare_digest refuses str holding non-ASCII characters (a TypeError, a 500).
    return (
        bool(cookie)
        and bool(form_value)
        and secrets.compare_digest(str(cookie).encode(), str(form_value).encode())
    )


def same_origin(origin: str | None, hosts: set[str]) -> bool:
    """A browser's Origin header names one of this service's hosts: the Host it was asked by, or
    the public URL's when a proxy rewrites Host. Absent: allowed (older browsers omit it)."""
    if origin is None:
        return True
    return origin != "null" and origin.split("://", 1)[-1].rstrip("/") in hosts


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def split_feed_key(key: str | None) -> tuple[str, str] | None:
    """`<feed id>.<secret>` -> (feed id, secret), or None when it has not that shape."""
    if not key or len(key) > 200 or FEED_KEY_SEPARATOR not in key:
        return None
    feed_id, _, secret = key.partition(FEED_KEY_SEPARATOR)
    if not feed_id or not secret:
        return None
    return feed_id, secret


def feed_key_ok(stored_hash: str | None, secret: str) -> bool:
    return bool(stored_hash) and secrets.compare_digest(secret_hash(secret), str(stored_hash))
