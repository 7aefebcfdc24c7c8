"""Parley's faust App setup against the real broker."""

from __future__ import annotations

import pytest
from kafka.admin import ConfigResource, ConfigResourceType

from parley.shared.faust_app import make_app
from parley.shared.faust_topics import TopicsNotReady, prepare_topics
from parley.shared.kafka import make_admin
from parley.shared.settings import ParleySettings
from tests.conftest import new_namespace


def test_every_table_changelog_is_ready_before_the_worker_starts() -> None:
    ns = new_namespace()
    settings = ParleySettings(namespace=ns)
    app = make_app(settings, "probe")
    app.Table("counts", default=int, partitions=3)
    app.Table("marks", default=str)  # the app's default partition count
    needs = prepare_topics(app, settings)
    assert prepare_topics(app, settings) == needs  # idempotent
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


def test_a_table_changelog_with_another_partition_count_refuses_the_start() -> None:
    ns = new_namespace()
    settings = ParleySettings(namespace=ns)
    first = make_app(settings, "probe")
    first.Table("counts", default=int, partitions=2)
    prepare_topics(first, settings)
    second = make_app(settings, "probe")  # the same table, now declared with 3 partitions
    second.Table("counts", default=int, partitions=3)
    with pytest.raises(TopicsNotReady, match=f"{ns}-probe-counts-changelog has 2 partitions, expected 3"):
        prepare_topics(second, settings, timeout_s=5)
