"""`PARLEY_..._FILE` settings: a secret read from a file (Docker secrets) instead of the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.services.alerting.settings import AlertingSettings
from parley.shared.errors import ConfigError
from parley.shared.settings import ParleySettings, load_settings


def test_a_password_comes_from_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "es_password"
    secret.write_text("s3cret-from-file\n")
    monkeypatch.setenv("PARLEY_ES_USERNAME", "parley_indexer")
    monkeypatch.setenv("PARLEY_ES_PASSWORD_FILE", str(secret))
    settings = load_settings(ParleySettings)
    assert settings.es.password is not None
    assert settings.es.password.get_secret_value() == "s3cret-from-file"


def test_structured_setting_file_holds_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hooks = tmp_path / "webhooks"
    hooks.write_text(
        '[{"name": "demo", "url": "https://example.org/hook", "secrets": ["whsec_'
        + "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0"
        + '"]}]\n'
    )
    monkeypatch.setenv("PARLEY_ALERTING_WEBHOOKS_FILE", str(hooks))
    settings = load_settings(AlertingSettings)
    assert [w.name for w in settings.alerting.webhooks] == ["demo"]


def test_variable_and_file_together_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "p"
    secret.write_text("x")
    monkeypatch.setenv("PARLEY_ES_PASSWORD", "y")
    monkeypatch.setenv("PARLEY_ES_PASSWORD_FILE", str(secret))
    with pytest.raises(ConfigError, match="PARLEY_ES_PASSWORD_FILE and PARLEY_ES_PASSWORD are both set"):
        load_settings(ParleySettings)


def test_missing_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_KAFKA_SASL_PASSWORD_FILE", str(tmp_path / "absent"))
    with pytest.raises(ConfigError, match="PARLEY_KAFKA_SASL_PASSWORD_FILE: cannot read"):
        load_settings(ParleySettings)


def test_unknown_file_key_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_ES_PASWORD_FILE", str(tmp_path / "typo"))
    with pytest.raises(ConfigError, match="PARLEY_ES_PASWORD_FILE"):
        load_settings(ParleySettings)
