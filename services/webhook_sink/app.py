"""A demo webhook receiver (`parley webhook-sink`): prints alerts, verifies signatures, de-duplicates.

Useful for trying Parley and for the tests: `GET /received` lists what arrived (the newest
`INBOX_LIMIT`, so a long demo never grows without bound). A malformed signature header answers 400
with the reason, a signature that does not verify 401.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
from collections import deque
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from parley.shared.health_routes import health_routes

INBOX_LIMIT = 1000


class Inbox:
    """The newest `limit` arrivals, in order; each marked `duplicate` when its `webhook-id` is
    among those kept, as receivers de-duplicate."""

    def __init__(self, limit: int = INBOX_LIMIT) -> None:
        self._lock = threading.Lock()
        self.items: deque[dict[str, Any]] = deque(maxlen=limit)

    def add(self, item: dict[str, Any]) -> bool:
        with self._lock:
            duplicate = any(i["webhook_id"] == item["webhook_id"] for i in self.items)
            item["duplicate"] = duplicate
            self.items.append(item)
            return duplicate

    def snapshot(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.items)


def malformed(body: bytes, headers: dict[str, str]) -> str | None:
    """Why the request cannot even be checked (a 400), or None. Missing headers are left to
    verification: an unsigned request is refused as unauthenticated (401)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "body is not UTF-8"
    timestamp = headers.get("webhook-timestamp")
    if timestamp is not None and not timestamp.strip().isdigit():
        return "webhook-timestamp must be whole seconds since the epoch"
    for entry in (headers.get("webhook-signature") or "").split():
        version, comma, signature = entry.partition(",")
        try:
            valid = bool(comma and version and signature) and bool(base64.b64decode(signature, validate=True))
        except (binascii.Error, ValueError):
            valid = False
        if not valid:
            return "webhook-signature must be space-separated <version>,<base64> entries"
    return None


def create_sink(secrets: tuple[str, ...] = (), quiet: bool = False, keep: int = INBOX_LIMIT) -> FastAPI:
    api = FastAPI(title="Parley demo webhook receiver", version="1")
    inbox = Inbox(keep)
    verifiers = [Webhook(secret) for secret in secrets]

    @api.post("/{path:path}")
    async def receive(path: str, request: Request) -> JSONResponse:
        body = await request.body()
        headers = {k.lower(): v for k, v in request.headers.items()}
        verified: bool | None = None
        if verifiers:
            problem = malformed(body, headers)
            if problem:
                return JSONResponse({"error": problem}, status_code=400)
            verified = False
            for verifier in verifiers:
                try:
                    verifier.verify(body, headers)
                    verified = True
                    break
                except (WebhookVerificationError, ValueError):
                    continue
            if not verified:
                return JSONResponse({"error": "signature verification failed"}, status_code=401)
        try:
            payload = json.loads(body)
        except ValueError:
            return JSONResponse({"error": "body is not JSON"}, status_code=400)
        item = {
            "path": "/" + path,
            "webhook_id": headers.get("webhook-id", ""),
            "received_at": datetime.now(UTC).isoformat(),
            "verified": verified,
            "payload": payload,
        }
        duplicate = inbox.add(item)
        if not quiet:
            print(_describe(item, duplicate), flush=True)
        return JSONResponse({"received": True, "duplicate": duplicate})

    @api.get("/received")
    async def received() -> list[dict[str, Any]]:
        return inbox.snapshot()

    api.include_router(health_routes(with_metrics=False))

    return api


def _describe(item: dict[str, Any], duplicate: bool) -> str:
    payload = item["payload"]
    data = payload.get("data", {}) if isinstance(payload, dict) else {}
    talks = data.get("talks", {}) if isinstance(data, dict) else {}
    mark = " (again)" if duplicate else ""
    signed = {True: "signature ok", False: "BAD signature", None: "unsigned"}[item["verified"]]
    return (
        f"webhook {item['webhook_id']}{mark} [{signed}] {payload.get('type', '?')}: "
        f"{', '.join(talks.get('parties', []))} @ {talks.get('location')} "
        f"{talks.get('start_date')}..{talks.get('end_date')} ({talks.get('status')})"
    )
