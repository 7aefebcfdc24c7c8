"""One pure `dict -> dict` step per version bump, keyed by the type it upgrades from.

Producers only write the latest version; readers chain these steps until the data has the
shape of the current class. Example of the form an entry takes:

    "parley.article.received.v1": ("parley.article.received.v2", _received_v1_to_v2),
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

UPCASTERS: dict[str, tuple[str, Upcaster]] = {}
