"""Parley's faust App setup against the real broker."""

from __future__ import annotations

from kafka.admin import ConfigResource, ConfigResourceType

from parley.shared.faust_app import ensure_changelog_topics, make_app
from parley.shared.kafka import make_admin
from parley.shared.settings import ParleySettings
from tests.conftest import new_namespace


def test_every_table_changelog_exists_before_the_worker_starts() -> None:
    ns = new_namespace()
    settings = ParleySettings(namespace=ns)
    app = make_app(settings, "probe")
    app.Table("counts", default=int, partitions=3)
    app.Table("marks", default=str)  # the app's default partition count
    ensure_changelog_topics(app, settings)
    ensure_changelog_topics(app, settings)  # idempotent
    admin = make_admin(settings.kafka, "test")
    try:
        names = [f"{ns}-probe-counts-changelog", f"{ns}-probe-marks-changelog"]
        described = {t["name"]: t for t in admin.describe_topics(names)}
        assert len(described[names[0]]["partitions"]) == 3
        assert len(described[names[1]]["partitions"]) == 6
        configs = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, n) for n in names])
        for name in names:
            assert configs["topic"][name]["cleanup.policy"]["value"] == "compact"
    finally:
        admin.close()
