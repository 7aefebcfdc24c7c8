"""One network guard, every caller: each form of a non-public address, answered by a resolver, is
refused by ingest's fetcher and by the dispatcher's webhook client before any connection."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from pydantic import SecretStr

from parley.services.dispatcher.delivery import make_client, send, sign
from parley.services.ingest.fetch import Fetcher, FetchError
from parley.services.ingest.settings import IngestSection
from parley.shared.alerting_settings import WebhookEndpoint
from parley.shared.errors import DeliveryRejected, WebhookRetryable
from parley.shared.netguard import PrivateAllowlist
from tests.support.network import NON_PUBLIC_FORMS, FixedResolver, RecordingNetwork

SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
ALERT = {"specversion": "1.0", "id": "x", "type": "parley.talks.announced.v1", "data": {}}


def fetch(address: str, allowlist: tuple[str, ...] = ()) -> tuple[str, RecordingNetwork]:
    network = RecordingNetwork()
    fetcher = Fetcher(
        IngestSection(per_host_interval_s=0, private_allowlist=allowlist),
        resolver=FixedResolver(address),
        network=network,
    )

    async def get() -> str:
        try:
            await fetcher.get("http://feed.example/rss", "feed", max_bytes=1000)
        except FetchError as exc:
            return exc.kind
        finally:
            await fetcher.aclose()
        return "fetched"

    return asyncio.run(get()), network


def deliver(address: str, allowlist: tuple[str, ...] = ()) -> tuple[str, RecordingNetwork]:
    network = RecordingNetwork()
    hook = WebhookEndpoint(name="ops", url=SecretStr("http://hooks.example/h"), secrets=(SecretStr(SECRET),))

    async def post() -> str:
        client = make_client(
            PrivateAllowlist.parse(allowlist), resolver=FixedResolver(address), network=network
        )
        async with client:
            try:
                await send(client, sign(hook, "alert-1", ALERT, datetime.now(UTC)), 5)
            except DeliveryRejected:
                return "blocked_address"
            except WebhookRetryable:
                return "connection"
        return "delivered"

    return asyncio.run(post()), network


CALLERS = {"ingest fetch": fetch, "webhook delivery": deliver}


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("address", NON_PUBLIC_FORMS)
def test_every_non_public_form_is_refused_by_every_caller_before_any_connection(
    caller: str, address: str
) -> None:
    outcome, network = CALLERS[caller](address)
    assert outcome == "blocked_address"
    assert network.attempts == []


@pytest.mark.parametrize("caller", CALLERS)
def test_a_public_address_is_connected_to_as_resolved(caller: str) -> None:
    outcome, network = CALLERS[caller]("93.184.216.34")
    assert outcome == "connection"  # the test network refuses every connection
    assert network.attempts == ["93.184.216.34"]  # the checked address, not the name


@pytest.mark.parametrize("caller", CALLERS)
def test_each_caller_opens_only_its_own_allow_list(caller: str) -> None:
    outcome, network = CALLERS[caller]("10.20.0.5", ("10.20.0.0/16",))
    assert (outcome, network.attempts) == ("connection", ["10.20.0.5"])
    outcome, network = CALLERS[caller]("10.30.0.5", ("10.20.0.0/16",))
    assert (outcome, network.attempts) == ("blocked_address", [])
