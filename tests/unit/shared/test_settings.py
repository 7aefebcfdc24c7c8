from __future__ import annotations

import subprocess
import sys

import pytest

from parley.shared.errors import ConfigError
from parley.shared.settings import ParleySettings, load_settings


def test_defaults_are_the_local_stack(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PARLEY_NAMESPACE", "PARLEY_KAFKA_BOOTSTRAP_SERVERS", "PARLEY_ES_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings(ParleySettings)
    assert settings.namespace == "parley"
    assert settings.kafka.hosts == ["127.0.0.1:9092"]
    assert settings.es.hosts == ["http://127.0.0.1:9200"]


def test_environment_maps_to_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_NAMESPACE", "tenant-a")
    monkeypatch.setenv("PARLEY_KAFKA_BOOTSTRAP_SERVERS", "k1:9092, k2:9092")
    monkeypatch.setenv("PARLEY_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
    monkeypatch.setenv("PARLEY_KAFKA_SASL_PASSWORD", "s3cret")
    monkeypatch.setenv("PARLEY_ES_URL", "https://es:9200")
    monkeypatch.setenv("PARLEY_ES_API_KEY", "key")
    monkeypatch.setenv("PARLEY_LOG_LEVEL", "DEBUG")
    settings = load_settings(ParleySettings)
    assert settings.namespace == "tenant-a"
    assert settings.kafka.hosts == ["k1:9092", "k2:9092"]
    assert settings.kafka.sasl_mechanism == "SCRAM-SHA-512"
    assert settings.kafka.sasl_password is not None
    assert "s3cret" not in repr(settings)  # secrets never show in logs or reprs
    assert settings.es.url == "https://es:9200"
    assert settings.log.level == "DEBUG"


def test_every_bad_key_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_NAMESPACE", "Bad Name!")
    monkeypatch.setenv("PARLEY_KAFKA_BOOTSTRAP_SERVERS", "no-port")
    monkeypatch.setenv("PARLEY_ES_URL", "ftp://x")
    monkeypatch.setenv("PARLEY_LOG_LEVEL", "LOUD")
    with pytest.raises(ConfigError) as info:
        load_settings(ParleySettings)
    text = str(info.value)
    for key in ("PARLEY_NAMESPACE", "PARLEY_KAFKA_BOOTSTRAP_SERVERS", "PARLEY_ES_URL", "PARLEY_LOG_LEVEL"):
        assert key in text
    assert len(info.value.problems) == 4


def test_a_service_exits_2_on_bad_settings() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "parley.services", "topics", "create"],
        env={"PARLEY_NAMESPACE": "UPPER", "PARLEY_KAFKA_BOOTSTRAP_SERVERS": "x", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "PARLEY_NAMESPACE" in result.stderr
    assert "PARLEY_KAFKA_BOOTSTRAP_SERVERS" in result.stderr
