"""Indexer settings: the shared sections plus this service's own (`PARLEY_INDEXER_*`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from parley.shared.settings import ParleySettings


class IndexerSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    batch_size: int = Field(default=500, ge=1, le=10_000)
    batch_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    flush_interval_s: float = Field(default=1.0, gt=0, le=60)
    retry_backoff_base_s: float = Field(default=0.5, gt=0)
    retry_backoff_max_s: float = Field(default=30.0, gt=0)


class IndexerSettings(ParleySettings):
    indexer: IndexerSection = IndexerSection()
