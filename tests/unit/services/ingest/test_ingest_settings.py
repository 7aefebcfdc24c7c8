from __future__ import annotations

import pytest
from pydantic import SecretStr

from parley.services.ingest.settings import IngestSection, IngestSettings
from parley.shared.errors import ConfigError


def settings(token: str | None, insecure: bool = False) -> IngestSettings:
    secret = None if token is None else SecretStr(token)
    return IngestSettings(ingest=IngestSection(api_token=secret, insecure_no_auth=insecure))


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (None, "not set"),
        ("", "empty"),  # used to pass the start-up check, then leave the API open
        ("   \t", "empty"),
        ("change-me-ingest-token", "placeholder"),  # .env.example's value
        ("CHANGEME_please_really_soon", "placeholder"),
        ("s3cret", "shorter than 16"),
        ("a-long-enough-token with-a-space", "whitespace"),
        ("a-long-enough-token\x00nul", "control"),
    ],
)
def test_missing_or_weak_tokens_refuse_to_serve(token: str | None, reason: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings(token).check_auth()
    (problem,) = caught.value.problems
    assert problem.startswith("PARLEY_INGEST_API_TOKEN: ") and reason in problem
    assert token is None or not token.strip() or token not in problem  # a secret never echoed


def test_insecure_mode_must_be_asked_for_and_still_honours_a_given_token() -> None:
    assert settings("", insecure=True).required_token() is None
    assert settings(None, insecure=True).required_token() is None
    assert settings("short", insecure=True).required_token() == "short"
    strong = settings("0123456789abcdef-strong")
    strong.check_auth()
    assert strong.required_token() == "0123456789abcdef-strong"
