"""Alerting's settings: the shared `PARLEY_ALERTING_…` section (it uses the matching windows)."""

from __future__ import annotations

from parley.shared.alerting_settings import AlertingSection
from parley.shared.settings import ParleySettings


class AlertingSettings(ParleySettings):
    alerting: AlertingSection = AlertingSection()
