"""Webhook requests: Standard Webhooks signing and what a response means for the alert.

httpx's exceptions are mapped to Parley's error tree here and nowhere else.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpcore
import httpx
from standardwebhooks.webhooks import EmptyWebhookSecretError, Webhook

from parley.shared.alerting_settings import WebhookEndpoint
from parley.shared.errors import DeliveryRejected, WebhookRetryable
from parley.shared.netguard import BlockedAddress, GuardedTransport, PrivateAllowlist, Resolver, resolve

USER_AGENT = "Parley-Webhooks/1"
SLACK_TITLES = {
    "parley.talks.announced": "New talks",
    "parley.talks.updated": "Talks updated",
    "parley.talks.corroborated": "Talks corroborated",
    "parley.webhook.tested": "Parley test",
}


@dataclass(frozen=True)
class SignedRequest:
    url: str
    headers: dict[str, str]
    body: bytes


def slack_payload(alert: dict[str, Any]) -> dict[str, Any]:
    data = alert.get("data", {})
    talks = data.get("talks", {})
    parties = ", ".join(talks.get("parties", []))
    when = talks.get("start_date") or talks.get("date_text") or "date not given"
    where = talks.get("location") or "place not given"
    kind = SLACK_TITLES.get(str(alert.get("type", "")).split(".v")[0], "Parley")
    changes = "; ".join(
        f"{c.get('field')}: {c.get('old')} → {c.get('new')}"
        for c in data.get("changes", [])
        if isinstance(c, dict)
    )
    text = f"{kind}: {parties} — {where}, {when} ({talks.get('status')})" + (
        f" [{changes}]" if changes else ""
    )
    link = alert.get("deskurl")
    details = f"{where} · {when} · {talks.get('status')}" + (f" · <{link}|Parley Desk>" if link else "")
    return {
        "text": text,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*{kind}*: {parties}"}},
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": details},
            },
        ],
    }


def sign(endpoint: WebhookEndpoint, message_id: str, alert: dict[str, Any], now: datetime) -> SignedRequest:
    """Body and headers for one attempt; the same `webhook-id` on every retry of an alert.

    Raises DeliveryRejected when a secret cannot sign: a permanent outcome, dead-lettered.
    """
    payload = slack_payload(alert) if endpoint.format == "slack" else alert
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now.timestamp())),
    }
    try:
        signatures = [
            Webhook(secret.get_secret_value()).sign(message_id, now, body) for secret in endpoint.secrets
        ]
    except (ValueError, RuntimeError, EmptyWebhookSecretError) as exc:
        # Secrets are checked at start; should one still be unusable, retrying cannot help.
        raise DeliveryRejected(f"signing failed: {type(exc).__name__}: {exc}"[:300]) from None
    if signatures:
        headers["webhook-signature"] = " ".join(signatures)
    return SignedRequest(endpoint.target, headers, body.encode("utf-8"))


def classify(response: httpx.Response) -> None:
    """Return on 2xx; raise WebhookRetryable (5xx, 408, 429) or DeliveryRejected (other 4xx)."""
    status = response.status_code
    if 200 <= status < 300:
        return
    if status >= 500 or status in (408, 429):
        raise WebhookRetryable(f"HTTP {status}", retry_after=_retry_after(response), status=status)
    raise DeliveryRejected(f"HTTP {status}", status=status)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
        except (TypeError, ValueError):
            return None


def make_client(
    allowlist: PrivateAllowlist,
    max_connections: int = 100,
    *,
    resolver: Resolver = resolve,
    network: httpcore.AsyncNetworkBackend | None = None,
) -> httpx.AsyncClient:
    """The webhook client: every connection goes through the network guard (resolved once, a
    non-public address refused before any packet unless on the allow-list, the checked address
    connected to); no redirects, no proxies or certificates from the environment.
    `resolver` and `network` are replaceable for tests."""
    transport = GuardedTransport(allowlist, max_connections, resolver=resolver, inner=network)
    return httpx.AsyncClient(transport=transport, follow_redirects=False, trust_env=False)


async def send(client: httpx.AsyncClient, request: SignedRequest, timeout_s: float) -> int:
    """One attempt. Returns the HTTP status on success; raises from the error tree otherwise.

    Redirects are not followed (a receiver must answer itself); a host resolving to a non-public
    address is refused for good (`make_client`'s guard) unless on the allow-list.
    """
    try:
        response = await client.post(
            request.url, content=request.body, headers=request.headers, timeout=timeout_s
        )
    except BlockedAddress as exc:
        raise DeliveryRejected(f"webhook host refused: {exc}") from None
    except httpx.TimeoutException as exc:
        raise WebhookRetryable(f"timeout: {type(exc).__name__}") from exc
    except httpx.HTTPError as exc:
        raise WebhookRetryable(f"connection: {type(exc).__name__}") from exc
    classify(response)
    return response.status_code


def retry_delay(
    attempts_made: int,
    schedule: tuple[float, ...],
    *,
    jitter: float = 0.2,
    retry_after: float | None = None,
    retry_after_max_s: float = 36000.0,
    rand: Callable[[float, float], float] = random.uniform,
) -> float | None:
    """Seconds to wait before the next attempt, or None once the schedule is used up.

    `schedule[n-1]` follows the n-th attempt, spread by +/- `jitter` (a fraction) so receivers
    coming back up are not hit by every sender at once; a receiver's Retry-After wins when it
    asks for longer (capped at `retry_after_max_s`).
    """
    if attempts_made > len(schedule):
        return None
    base = schedule[attempts_made - 1]
    delay = max(0.0, base * (1 + rand(-jitter, jitter))) if jitter else base
    if retry_after is not None:
        delay = max(delay, min(retry_after, retry_after_max_s))
    return delay
