"""The dispatcher's settings: the shared `PARLEY_ALERTING_…` section (endpoints, rules, retries).

The section keeps its name, so deployments set `PARLEY_ALERTING_WEBHOOKS` and the retry schedule
as before, once for both processes.
"""

from __future__ import annotations

from parley.shared.alerting_settings import AlertingSection
from parley.shared.settings import DeskLinkSettings, ParleySettings


class DispatcherSettings(ParleySettings):
    alerting: AlertingSection = AlertingSection()
    # PARLEY_DESK_PUBLIC_URL: alerts carry a link to the event's Desk page (`deskurl`).
    desk: DeskLinkSettings = DeskLinkSettings()
