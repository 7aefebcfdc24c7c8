"""The network guard's address rule: only public addresses, whatever form they are written in."""

from __future__ import annotations

import ipaddress

import pytest
from pydantic import ValidationError

from parley.services.alerting.settings import AlertingSettings
from parley.services.ingest.settings import IngestSettings
from parley.shared.netguard import EVERY_ADDRESS, BlockedAddress, PrivateAllowlist, check_addresses, is_public
from parley.shared.settings import ParleySettings, SettingRenamed


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "100.127.255.254",
        "169.254.169.254", "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1",
        "::1", "::", "fe80::1", "fd00::1", "fc00::1", "ff02::1", "ff0e::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:100.64.0.1",  # IPv4-mapped
        "2002:7f00:1::1", "2002:a9fe:a9fe::1",  # 6to4 of 127.0.0.1, of 169.254.169.254
        "64:ff9b::7f00:1", "64:ff9b::a00:1",  # NAT64 of 127.0.0.1, of 10.0.0.1
        "64:ff9b:1::5db8:d822",  # NAT64 for local use
        "::7f00:1", "::5db8:d822",  # IPv4-compatible (deprecated)
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    ],
)  # fmt: skip
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))
    with pytest.raises(BlockedAddress):
        check_addresses("host.example", [address])


@pytest.mark.parametrize(
    "address",
    [
        "93.184.216.34",
        "2606:2800:220:1::1",
        "::ffff:93.184.216.34",
        "2002:5db8:d822::1",
        "64:ff9b::5db8:d822",
    ],
)
def test_public_addresses_pass_in_every_form(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


def test_one_non_public_address_blocks_the_host() -> None:
    assert check_addresses("h.example", ["93.184.216.34", "2606:2800:220:1::1"]) == "93.184.216.34"
    with pytest.raises(BlockedAddress, match="non-public"):
        check_addresses("h.example", ["93.184.216.34", "100.64.0.1"])
    with pytest.raises(BlockedAddress, match="did not resolve"):
        check_addresses("h.example", [])


def test_an_allow_list_opens_only_what_it_names() -> None:
    allow = PrivateAllowlist.parse(["10.20.0.0/16", "fd00::5", "Webhook-Sink."])
    assert check_addresses("x.example", ["10.20.3.4"], allow) == "10.20.3.4"
    assert check_addresses("x.example", ["::ffff:10.20.3.4"], allow) == "::ffff:a14:304"  # mapped form
    assert check_addresses("x.example", ["fd00::5"], allow) == "fd00::5"
    assert check_addresses("webhook-sink", ["172.18.0.7"], allow) == "172.18.0.7"  # a trusted name
    for refused in ("10.21.0.1", "127.0.0.1", "100.64.0.1", "169.254.169.254", "fd00::6"):
        with pytest.raises(BlockedAddress):
            check_addresses("x.example", [refused], allow)
    with pytest.raises(BlockedAddress):  # one address outside the list blocks the host
        check_addresses("x.example", ["10.20.3.4", "10.30.0.1"], allow)
    assert check_addresses("x.example", ["127.0.0.1"], EVERY_ADDRESS) == "127.0.0.1"


@pytest.mark.parametrize("entry", ["", "10.0.0.0/33", "not a host", "-bad.example", "bad..example", "h/x"])
def test_an_allow_list_refuses_entries_it_cannot_read(entry: str) -> None:
    with pytest.raises(ValueError, match="neither a network"):
        PrivateAllowlist.parse([entry])


@pytest.mark.parametrize(
    ("settings", "section", "old", "url"),
    [
        (IngestSettings, "ingest", "ALLOW_PRIVATE_URLS", None),
        (AlertingSettings, "alerting", "ALLOW_PRIVATE_WEBHOOKS", "http://127.0.0.1:9/h"),
    ],
)
def test_each_caller_reads_one_setting_name_and_the_old_one_still_works(
    settings: type[ParleySettings], section: str, old: str, url: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {f"PARLEY_{section.upper()}_WEBHOOKS": f'[{{"name": "h", "url": "{url}"}}]'} if url else {}
    for name, value in extra.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv(f"PARLEY_{section.upper()}_PRIVATE_ALLOWLIST", '["127.0.0.0/8", "sink"]')
    new = getattr(settings(), section).allowlist
    assert new == PrivateAllowlist.parse(["127.0.0.0/8", "sink"])
    monkeypatch.delenv(f"PARLEY_{section.upper()}_PRIVATE_ALLOWLIST")
    monkeypatch.setenv(f"PARLEY_{section.upper()}_{old}", "true")
    with pytest.warns(SettingRenamed, match=f"PARLEY_{section.upper()}_PRIVATE_ALLOWLIST"):
        legacy = getattr(settings(), section).allowlist
    assert legacy == EVERY_ADDRESS  # what `true` meant: every address
    monkeypatch.setenv(f"PARLEY_{section.upper()}_{old}", "false")
    with pytest.warns(SettingRenamed):
        if url:  # `false` allows nothing: the private webhook is refused at start
            with pytest.raises(ValidationError, match="PRIVATE_ALLOWLIST"):
                settings()
        else:
            assert getattr(settings(), section).allowlist == PrivateAllowlist()
    monkeypatch.delenv(f"PARLEY_{section.upper()}_{old}")
    monkeypatch.setenv(f"PARLEY_{section.upper()}_PRIVATE_ALLOWLIST", '["10.0.0.0/33"]')
    with pytest.raises(ValidationError, match="neither a network"):
        settings()
