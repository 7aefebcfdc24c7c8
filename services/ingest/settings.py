"""Ingest settings (`PARLEY_INGEST_…`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ConfigDict, Field, SecretStr

from parley.shared.api_tokens import check_api_token, required_token
from parley.shared.settings import ParleySettings, PrivateAllowlistSection

# Operators should add a contact (`PARLEY_INGEST_USER_AGENT="ParleyBot/0.1 (+mailto:news@example.org)"`).
DEFAULT_USER_AGENT = (
    "ParleyBot/0.1 (news monitor for announcements of diplomatic talks; reads feeds and linked pages)"
)


class IngestSection(PrivateAllowlistSection):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # Where the persistent state lives: the seen-set, feed state and import progress (SQLite files).
    state_dir: Path = Path(".local/state")
    seen_capacity: int = Field(default=2_000_000, ge=1000)
    api_token: SecretStr | None = None
    insecure_no_auth: bool = False
    max_request_bytes: int = Field(default=20_000_000, ge=1024)
    max_batch: int = Field(default=1000, ge=1)

    # Feeds: the YAML feeds file (polled by `parley ingest run` when set).
    feeds_file: Path | None = None
    user_agent: str = Field(default=DEFAULT_USER_AGENT, min_length=3, max_length=300)
    # `private_allowlist` (PrivateAllowlistSection): non-public hosts feeds and pages may still
    # come from (local testing); every other private, loopback or link-local address is refused.
    renamed_from = ("ingest", "allow_private_urls")
    fetch_articles: bool = True  # fetch the page when an item has only a summary and a link
    connect_timeout_s: float = Field(default=10.0, gt=0)
    read_timeout_s: float = Field(default=20.0, gt=0)
    total_timeout_s: float = Field(default=60.0, gt=0)  # a response that never finishes is cut here
    max_feed_bytes: int = Field(default=5_000_000, ge=1024)
    max_page_bytes: int = Field(default=5_000_000, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    max_concurrency: int = Field(default=8, ge=1, le=256)
    per_host_interval_s: float = Field(default=1.0, ge=0)  # at least this long between requests to a host
    max_backoff_s: float = Field(default=6 * 3600.0, ge=1)
    feed_items_kept: int = Field(default=5000, ge=100)  # item ids remembered per feed


class IngestSettings(ParleySettings):
    ingest: IngestSection = IngestSection()

    def check_auth(self) -> None:
        """Refuse to serve the API with a missing or weak token (shared/api_tokens.py)."""
        check_api_token(
            "PARLEY_INGEST_API_TOKEN",
            "PARLEY_INGEST_INSECURE_NO_AUTH",
            self.ingest.api_token,
            self.ingest.insecure_no_auth,
        )

    def required_token(self) -> str | None:
        """The token the API requires, or None when it runs without authentication."""
        return required_token(self.ingest.api_token)
