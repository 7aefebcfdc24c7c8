from __future__ import annotations

import asyncio
import base64
import ipaddress
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpcore
import httpx
import pytest
from pydantic import SecretStr
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from parley.services.dispatcher.delivery import classify, make_client, retry_delay, send, sign
from parley.shared.alerting_settings import WebhookEndpoint
from parley.shared.errors import DeliveryRejected, WebhookRetryable
from parley.shared.netguard import EVERY_ADDRESS, PrivateAllowlist
from tests.support.network import RecordingNetwork
from tests.support.webhooks import Receiver

OLD = "whsec_" + base64.b64encode(b"o" * 24).decode()
NEW = "whsec_" + base64.b64encode(b"n" * 24).decode()
ALERT = {
    "type": "parley.talks.announced.v1",
    "data": {"talks": {"parties": ["A", "B"], "status": "announced"}},
}


def endpoint(*secrets: str, fmt: str = "cloudevents") -> WebhookEndpoint:
    return WebhookEndpoint(
        name="demo", url="http://127.0.0.1:1/h", secrets=tuple(SecretStr(s) for s in secrets), format=fmt
    )


def test_reference_library_verifies_and_rejects_tampering() -> None:
    request = sign(endpoint(OLD), "alert-1", ALERT, datetime.now(UTC))
    assert Webhook(OLD).verify(request.body, request.headers) == ALERT
    with pytest.raises(WebhookVerificationError):
        Webhook(OLD).verify(request.body.replace(b"announced", b"cancelled"), request.headers)


def test_rotation_gives_two_valid_signatures() -> None:
    request = sign(endpoint(OLD, NEW), "alert-1", ALERT, datetime.now(UTC))
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    Webhook(OLD).verify(request.body, request.headers)
    Webhook(NEW).verify(request.body, request.headers)


def test_slack_format_has_text_and_blocks() -> None:
    body = json.loads(sign(endpoint(fmt="slack"), "alert-1", ALERT, datetime.now(UTC)).body)
    assert "A, B" in body["text"] and body["blocks"]


@pytest.mark.parametrize("status", [500, 502, 503, 408, 429])
def test_retryable_statuses_carry_their_status(status: int) -> None:
    with pytest.raises(WebhookRetryable) as info:
        classify(httpx.Response(status, headers={"retry-after": "3"}))
    assert info.value.status == status


@pytest.mark.parametrize("status", [400, 401, 404, 410])
def test_other_client_errors_are_final(status: int) -> None:
    with pytest.raises(DeliveryRejected):
        classify(httpx.Response(status))


def test_retry_after_is_honoured_and_backoff_bounded() -> None:
    with pytest.raises(WebhookRetryable) as info:
        classify(httpx.Response(429, headers={"retry-after": "7"}))
    assert info.value.retry_after == 7.0
    assert retry_delay(1, (5.0, 300.0), retry_after=7.0) >= 7.0
    assert retry_delay(1, (5.0,), retry_after=99999.0, retry_after_max_s=60.0) == 60.0


def test_schedule_is_bounded_and_jittered() -> None:
    schedule = (5.0, 300.0, 1800.0)
    delays = [retry_delay(n, schedule, jitter=0.2) for n in (1, 2, 3)]
    assert all(d is not None for d in delays)
    assert 4.0 <= delays[0] <= 6.0 and 240.0 <= delays[1] <= 360.0  # type: ignore[operator]
    assert retry_delay(4, schedule) is None  # used up: the delivery is exhausted
    assert retry_delay(1, schedule, jitter=0.0) == 5.0
    assert retry_delay(2, schedule, jitter=0.2, rand=lambda a, b: b) == 360.0


def test_same_webhook_id_on_every_attempt() -> None:
    first = sign(endpoint(OLD), "t-1.r1", ALERT, datetime(2026, 1, 1, tzinfo=UTC))
    second = sign(endpoint(OLD), "t-1.r1", ALERT, datetime(2026, 1, 2, tzinfo=UTC))
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == "t-1.r1"
    assert first.body == second.body


# --- the network guard on the webhook path (DNS rebinding) ---------------------------------------


class RebindingResolver:
    """The attacker's DNS: a public address for the first look-up, 127.0.0.1 for every later one."""

    def __init__(self) -> None:
        self.lookups = 0

    async def __call__(self, host: str, port: int) -> list[str]:
        self.lookups += 1
        return ["93.184.216.34"] if self.lookups == 1 else ["127.0.0.1"]


class LoopbackOnlyNetwork(RecordingNetwork):
    """Opens real sockets to 127.0.0.1 only; anything else is recorded and refused, so no packet
    leaves the machine. Given a name, it looks it up again as a plain HTTP client would."""

    def __init__(self, resolver: RebindingResolver) -> None:
        super().__init__()
        self.real = httpcore.AnyIOBackend()
        self.resolver = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            address = str(ipaddress.ip_address(host))
        except ValueError:
            address = (await self.resolver(host, port))[0]
        self.attempts.append(address)
        if address != "127.0.0.1":
            raise httpcore.ConnectError(f"test network: {address} is not reachable from here")
        return await self.real.connect_tcp(address, port, timeout=timeout)

    async def sleep(self, seconds: float) -> None:
        await self.real.sleep(seconds)


@pytest.fixture
def loopback() -> Iterator[Receiver]:
    """A real receiver on 127.0.0.1 that records every POST reaching it and answers 204."""
    receiver = Receiver(then=204, secret=OLD).start()
    yield receiver
    receiver.stop()


def test_a_rebinding_name_never_gets_the_signed_post_to_a_local_server(loopback: Receiver) -> None:
    # As found: the name was checked (public), then the client resolved it again (127.0.0.1).
    resolver = RebindingResolver()
    network = LoopbackOnlyNetwork(resolver)
    hook = WebhookEndpoint(name="ops", url=SecretStr(f"http://hooks.rebind.example:{loopback.port}/h"), secrets=(SecretStr(OLD),))  # fmt: skip
    outcomes: list[type[Exception]] = []

    async def two_attempts() -> None:
        async with make_client(PrivateAllowlist(), resolver=resolver, network=network) as client:
            assert client.trust_env is False
            for _ in range(2):
                with pytest.raises((WebhookRetryable, DeliveryRejected)) as failed:
                    await send(client, sign(hook, "alert-1", ALERT, datetime.now(UTC)), 5)
                outcomes.append(failed.type)

    asyncio.run(two_attempts())
    # 1st: resolved once (public), connected to that very address (unreachable here: retried);
    # 2nd: resolved to 127.0.0.1 and refused for good before any connection.
    assert outcomes == [WebhookRetryable, DeliveryRejected]
    assert network.attempts == ["93.184.216.34"]
    assert resolver.lookups == 2
    assert loopback.requests == []


def test_private_webhooks_allowed_still_reach_a_local_receiver(loopback: Receiver) -> None:
    hook = WebhookEndpoint(name="demo", url=SecretStr(f"http://127.0.0.1:{loopback.port}/h"), secrets=(SecretStr(OLD),))  # fmt: skip

    async def deliver() -> int:
        async with make_client(EVERY_ADDRESS) as client:
            return await send(client, sign(hook, "alert-1", ALERT, datetime.now(UTC)), 5)

    assert asyncio.run(deliver()) == 204
    assert len(loopback.requests) == 1


def test_a_literal_non_public_address_is_refused_without_a_connection(loopback: Receiver) -> None:
    network = LoopbackOnlyNetwork(RebindingResolver())
    hook = endpoint(OLD)  # http://127.0.0.1:1/h, as if the allow-list had held it when it was read

    async def attempt() -> None:
        async with make_client(PrivateAllowlist(), network=network) as client:
            await send(client, sign(hook, "alert-1", ALERT, datetime.now(UTC)), 5)

    with pytest.raises(DeliveryRejected, match="non-public"):
        asyncio.run(attempt())
    assert network.attempts == [] and loopback.requests == []
