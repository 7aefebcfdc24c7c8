"""Search API settings: the shared sections plus `PARLEY_SEARCH_*`."""

from __future__ import annotations

import hashlib
import hmac

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from parley.shared.api_tokens import check_api_token, required_token, token_problem
from parley.shared.errors import ConfigError
from parley.shared.settings import DeskLinkSettings, ParleySettings


class SearchSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    api_token: SecretStr | None = None
    # Running without a token must be asked for explicitly (local development only).
    insecure_no_auth: bool = False
    default_limit: int = Field(default=20, ge=1, le=100)


class DeskSection(DeskLinkSettings):
    """Parley Desk's browser sessions: stateless cookies signed with a key derived from
    `session_secret` and the search API token (HMAC), so that changing either signs every browser
    out; without a secret, from the token alone."""

    session_secret: SecretStr | None = None
    session_hours: int = Field(default=12, ge=1, le=24 * 30)


class SearchSettings(ParleySettings):
    search: SearchSection = SearchSection()
    desk: DeskSection = DeskSection()

    def check_auth(self) -> None:
        """Refuse to serve with a missing or weak token, as ingest does (shared/api_tokens.py)."""
        check_api_token(
            "PARLEY_SEARCH_API_TOKEN",
            "PARLEY_SEARCH_INSECURE_NO_AUTH",
            self.search.api_token,
            self.search.insecure_no_auth,
        )
        secret = self.desk.session_secret
        problem = token_problem(secret.get_secret_value()) if secret is not None else None
        if problem:
            raise ConfigError([f"PARLEY_DESK_SESSION_SECRET: {problem}"])

    def session_key(self) -> bytes:
        """The key that signs Desk session cookies (see DeskSection)."""
        secret = self.desk.session_secret.get_secret_value() if self.desk.session_secret else ""
        token = self.required_token() or ""
        return hmac.new(f"parley desk session v1|{secret}".encode(), token.encode(), hashlib.sha256).digest()

    def required_token(self) -> str | None:
        """The token the API requires, or None when it runs without authentication."""
        return required_token(self.search.api_token)
