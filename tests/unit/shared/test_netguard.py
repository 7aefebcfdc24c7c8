"""The network guard's address rule: only public addresses, whatever form they are written in."""

from __future__ import annotations

import ipaddress

import pytest

from parley.shared.netguard import BlockedAddress, check_addresses, is_public


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
