"""Alerting settings: webhook endpoints and the talks-matching windows."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from parley.shared.settings import ParleySettings


class WebhookEndpoint(BaseModel):
    """One subscriber. Secrets are Standard Webhooks keys (`whsec_<base64>`); several = rotation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")
    url: str
    secrets: tuple[SecretStr, ...] = ()
    format: str = Field(default="cloudevents", pattern=r"^(cloudevents|slack)$")
    timeout_s: float = Field(default=5.0, gt=0, le=60)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("webhook url must be http(s)://...")
        return value


class AlertingSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    webhooks: tuple[WebhookEndpoint, ...] = ()
    # Two reports of the same parties are one meeting when their dates are this close.
    same_event_days: int = Field(default=7, ge=0, le=60)
    # A report without a date joins the parties' latest upcoming event seen this recently.
    undated_match_days: int = Field(default=30, ge=0, le=365)
    delivery_attempts: int = Field(default=5, ge=1, le=50)
    retry_base_s: float = Field(default=0.5, gt=0)
    retry_max_s: float = Field(default=30.0, gt=0)


class AlertingSettings(ParleySettings):
    alerting: AlertingSection = AlertingSection()
