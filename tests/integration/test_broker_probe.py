"""The readiness probe a service keeps: one admin client, reused, against the real broker."""

from __future__ import annotations

import socket
import threading

import pytest

from parley.shared.errors import KafkaUnavailable
from parley.shared.kafka import BrokerProbe, broker_reachable, make_admin
from parley.shared.settings import KafkaSettings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_probe_keeps_one_client_across_calls_and_answers_true() -> None:
    probe = BrokerProbe(KafkaSettings())
    try:
        assert probe() is True
        first = probe._admin
        assert first is not None
        assert all(probe() for _ in range(5))
        assert probe._admin is first  # no client built (and closed) per call
    finally:
        probe.close()
    assert probe._admin is None
    assert probe() is False  # a closed probe builds nothing more


def test_probe_of_an_absent_broker_says_false_and_keeps_no_client() -> None:
    settings = KafkaSettings(bootstrap_servers=f"127.0.0.1:{_free_port()}")
    probe = BrokerProbe(settings, timeout_s=0.5)
    try:
        assert probe() is False
        assert probe._admin is None  # bootstrap failed: built again on the next call
    finally:
        probe.close()
    assert broker_reachable(settings, timeout_s=0.5) is False
    assert broker_reachable(KafkaSettings()) is True


def test_failed_probes_leave_no_thread_behind() -> None:
    # kafka-python starts a client's I/O thread before bootstrapping; a failed bootstrap must not leave it
    probe = BrokerProbe(KafkaSettings(bootstrap_servers=f"127.0.0.1:{_free_port()}"), timeout_s=0.5)
    before = threading.active_count()
    try:
        assert [probe() for _ in range(4)] == [False] * 4
        assert threading.active_count() == before
    finally:
        probe.close()


def test_a_failed_admin_client_raises_unavailable_and_leaves_no_thread_behind() -> None:
    settings = KafkaSettings(bootstrap_servers=f"127.0.0.1:{_free_port()}")
    before = threading.active_count()
    with pytest.raises(KafkaUnavailable):
        make_admin(settings, "test", bootstrap_timeout_ms=500)
    assert threading.active_count() == before
