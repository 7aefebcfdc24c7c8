"""Ingest settings."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from parley.shared.settings import ParleySettings


class IngestSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # Where the persistent seen-set lives (one SQLite file, namespaced inside).
    state_dir: Path = Path(".local/state")
    seen_capacity: int = Field(default=2_000_000, ge=1000)
    api_token: SecretStr | None = None
    insecure_no_auth: bool = False
    max_request_bytes: int = Field(default=20_000_000, ge=1024)
    max_batch: int = Field(default=1000, ge=1)


class IngestSettings(ParleySettings):
    ingest: IngestSection = IngestSection()
