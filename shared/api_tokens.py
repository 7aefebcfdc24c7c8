"""The one rule for bearer tokens that guard an HTTP API (ingest, search).

A service refuses to start when its token is missing or weak, unless insecure mode was asked
for on purpose; then an empty token means no authentication, and a token given is still required.
"""

from __future__ import annotations

from pydantic import SecretStr

from parley.shared.errors import ConfigError

MIN_TOKEN_CHARS = 16
TOKEN_HINT = "generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"


def token_problem(token: str) -> str | None:
    """Why `token` can't guard an API, or None. An empty value used to pass the start-up check
    and then count as no token at all, opening the API."""
    if not token.strip():
        return "empty"
    if any(c.isspace() or not c.isprintable() for c in token):
        return "contains whitespace or control characters (an HTTP header can't carry them intact)"
    if "changeme" in token.lower().replace("-", "").replace("_", ""):
        return "still the placeholder from .env.example"
    if len(token) < MIN_TOKEN_CHARS:
        return f"shorter than {MIN_TOKEN_CHARS} characters"
    return None


def check_api_token(variable: str, insecure_variable: str, token: SecretStr | None, insecure: bool) -> None:
    """ConfigError naming `variable` (never echoing the value) unless `token` is usable, or insecure
    mode is on and no token was given."""
    value = token.get_secret_value() if token is not None else ""
    if insecure and not value.strip():
        return
    problem = "not set" if token is None else token_problem(value)
    if problem:
        raise ConfigError(
            [f"{variable}: {problem}; {TOKEN_HINT} (or set {insecure_variable}=true for local development)"]
        )


def required_token(token: SecretStr | None) -> str | None:
    """The token an API requires, or None when it runs without authentication."""
    value = token.get_secret_value() if token is not None else ""
    return value if value.strip() else None
