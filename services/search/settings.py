"""Search API settings: the shared sections plus `PARLEY_SEARCH_*`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from parley.shared.errors import ConfigError
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
        """Refuse to serve without a token unless insecure mode was chosen on purpose."""
        token = self.search.api_token
        if (token is None or not token.get_secret_value()) and not self.search.insecure_no_auth:
            raise ConfigError(
                [
                    "PARLEY_SEARCH_API_TOKEN: not set (or set PARLEY_SEARCH_INSECURE_NO_AUTH=true for local use)"
                ]
            )
