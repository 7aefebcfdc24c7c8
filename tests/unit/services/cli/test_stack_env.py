"""Where `parley run` / `parley demo` point the services, and where their files go."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.services.cli.stack import Stack, local_dir, server_addresses


def test_local_ports_give_the_addresses() -> None:
    env = {"PARLEY_LOCAL_KAFKA_PORT": "19092", "PARLEY_LOCAL_ES_HTTP_PORT": "19200"}
    assert server_addresses(env) == {
        "PARLEY_KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:19092",
        "PARLEY_ES_URL": "http://127.0.0.1:19200",
    }


def test_explicit_addresses_win_over_local_ports() -> None:
    env = {
        "PARLEY_LOCAL_KAFKA_PORT": "19092",
        "PARLEY_KAFKA_BOOTSTRAP_SERVERS": "kafka:9092",
        "PARLEY_ES_HTTP_PORT": "19200",  # the former name still counts
    }
    assert server_addresses(env) == {"PARLEY_ES_URL": "http://127.0.0.1:19200"}


def test_nothing_set_leaves_the_defaults() -> None:
    assert server_addresses({}) == {}


def test_service_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PARLEY_LOCAL_DIR", str(tmp_path / "local"))
    monkeypatch.setenv("PARLEY_KAFKA_PORT", "19092")
    monkeypatch.delenv("PARLEY_KAFKA_BOOTSTRAP_SERVERS", raising=False)
    monkeypatch.delenv("PARLEY_DATA_DIR", raising=False)
    monkeypatch.delenv("PARLEY_INGEST_STATE_DIR", raising=False)
    ports = {"indexer": 1, "webhook-sink": 2}
    env = Stack(namespace="t", ports=ports, log_dir=tmp_path).env("indexer")
    assert env["PARLEY_KAFKA_BOOTSTRAP_SERVERS"] == "127.0.0.1:19092"
    assert "PARLEY_KAFKA_PORT" not in env  # infra.py's business only
    assert env["PARLEY_DATA_DIR"] == str(tmp_path / "local" / "data")
    assert env["PARLEY_INGEST_STATE_DIR"] == str(tmp_path / "local" / "state")
    assert local_dir() == tmp_path / "local"
