"""Enrichment settings: the shared sections plus this service's own."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from parley.shared.settings import ParleySettings


class EnrichmentSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    story_threshold: float = Field(default=0.5, gt=0, lt=1)
    # Articles the story book remembers (newest first); a copy of a forgotten one starts a new story.
    story_capacity: int = Field(default=50_000, ge=100, le=5_000_000)


class EnrichmentSettings(ParleySettings):
    enrichment: EnrichmentSection = EnrichmentSection()
