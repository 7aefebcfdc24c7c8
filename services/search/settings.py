"""Search API settings: the shared sections plus `PARLEY_SEARCH_*`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from parley.shared.api_tokens import check_api_token, required_token
from parley.shared.settings import ParleySettings


class SearchSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    api_token: SecretStr | None = None
    # Running without a token must be asked for explicitly (local development only).
    insecure_no_auth: bool = False
    default_limit: int = Field(default=20, ge=1, le=100)


class SearchSettings(ParleySettings):
    search: SearchSection = SearchSection()

    def check_auth(self) -> None:
        """Refuse to serve with a missing or weak token, as ingest does (shared/api_tokens.py)."""
        check_api_token(
            "PARLEY_SEARCH_API_TOKEN",
            "PARLEY_SEARCH_INSECURE_NO_AUTH",
            self.search.api_token,
            self.search.insecure_no_auth,
        )

    def required_token(self) -> str | None:
        """The token the API requires, or None when it runs without authentication."""
        return required_token(self.search.api_token)
