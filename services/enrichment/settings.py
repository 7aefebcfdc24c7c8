"""Enrichment settings: the shared sections plus this service's own."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from parley.shared.settings import ParleySettings


class EnrichmentSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    story_threshold: float = Field(default=0.5, gt=0, lt=1)


class EnrichmentSettings(ParleySettings):
    enrichment: EnrichmentSection = EnrichmentSection()
