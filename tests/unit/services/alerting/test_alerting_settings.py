"""Webhook settings: a secret that cannot sign Standard Webhooks requests stops the start (exit 2)."""

from __future__ import annotations

import base64
import json

import pytest

from parley.services.alerting.settings import AlertingSettings
from parley.shared.alerting_settings import secret_problem
from parley.shared.runtime import settings_or_exit

GOOD = "whsec_" + base64.b64encode(b"k" * 24).decode()


@pytest.mark.parametrize(
    "secret",
    [
        GOOD,
        GOOD.rstrip("="),  # unpadded base64 is what many generators print
        "whsec_" + base64.b64encode(b"k" * 64).decode(),
    ],
)
def test_standard_webhooks_keys_are_accepted(secret: str) -> None:
    assert secret_problem(secret) is None


@pytest.mark.parametrize(
    "secret",
    [
        "whsec_",
        "whsec_a",
        "x",
        GOOD.removeprefix("whsec_"),
        "whsec_" + base64.b64encode(b"k" * 23).decode(),
        "whsec_" + base64.b64encode(b"k" * 65).decode(),
        "whsec_not*base64*at*all*but*long*enough*to*pass",
    ],
)
def test_secrets_that_cannot_sign_are_refused(secret: str) -> None:
    assert secret_problem(secret)


def test_a_bad_secret_stops_the_start_naming_the_variable_and_the_webhook(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hooks = [
        {"name": "ops", "url": "https://hooks.example.org/p", "secrets": [GOOD]},
        {"name": "slack", "url": "https://hooks.example.org/s", "secrets": [GOOD, "whsec_a"]},
    ]
    monkeypatch.setenv("PARLEY_ALERTING_WEBHOOKS", json.dumps(hooks))
    with pytest.raises(SystemExit) as exited:
        settings_or_exit(AlertingSettings)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "PARLEY_ALERTING_WEBHOOKS" in err and "webhook 'slack': secret 2" in err
    assert "'ops'" not in err and GOOD not in err and "whsec_a" not in err
