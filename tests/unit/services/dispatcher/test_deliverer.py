"""One delivery attempt: a secret that cannot sign is a final, dead-lettered outcome, never a restart."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx
from pydantic import SecretStr

from parley.services.dispatcher.deliverer import Deliverer
from parley.services.dispatcher.delivery_state import Delivery, is_final
from parley.shared.alerting_settings import AlertingSection, WebhookEndpoint


def test_a_secret_that_cannot_sign_ends_the_delivery_as_rejected_without_a_request() -> None:
    # Start-up refuses such secrets; this is the guard behind it (an endpoint built unchecked).
    endpoint = WebhookEndpoint(
        name="ops", url=SecretStr("https://hooks.example.org/p"), secrets=(SecretStr("whsec_a"),)
    )
    cfg = AlertingSection.model_construct(webhooks=(endpoint,))
    requests: list[httpx.Request] = []
    deliverer = Deliverer(cfg, table=None, deadletter=None)

    def receiver(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200)

    deliverer._http = httpx.AsyncClient(transport=httpx.MockTransport(receiver))
    now = datetime.now(UTC)
    entry = Delivery.new("t-1.r1", "ops", 0, {"type": "parley.talks.announced.v1", "data": {}}, now, now)

    async def attempt() -> dict[str, Any]:
        try:
            return await deliverer._attempt(endpoint, entry)
        finally:
            await deliverer.close()

    updated = asyncio.run(attempt())
    assert is_final(updated) and updated.outcome == "rejected"  # `_run` dead-letters it
    [made] = updated.attempts
    assert made.outcome == "rejected" and made.detail.startswith("signing failed: ")
    assert "whsec_a" not in made.detail
    assert requests == []
