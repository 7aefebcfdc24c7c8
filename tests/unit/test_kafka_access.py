"""The Kafka access table: each principal gets exactly its own topics and groups."""

from __future__ import annotations

from pathlib import Path

import pytest
from kafka.admin import ACLOperation, ACLResourcePatternType, ResourceType

from parley.services.cli.kafka_access import GRANTS, acls, read_passwords


def allowed(namespace: str) -> set[tuple[str, str, str, str, str]]:
    return {
        (
            acl.principal,
            acl.operation.name,
            acl.resource_pattern.resource_type.name,
            acl.resource_pattern.resource_name,
            acl.resource_pattern.pattern_type.name,
        )
        for acl in acls(namespace)
    }


def test_ingest_writes_raw_articles_and_dead_letters_only() -> None:
    ingest = {a for a in allowed("acme") if a[0] == "User:acme-ingest"}
    assert ingest == {
        ("User:acme-ingest", "DESCRIBE", "TOPIC", "acme.", "PREFIXED"),
        ("User:acme-ingest", "WRITE", "TOPIC", "acme.articles.raw", "LITERAL"),
        ("User:acme-ingest", "WRITE", "TOPIC", "acme.deadletter", "LITERAL"),
    }


def test_only_the_operator_and_alerting_may_write_alerts() -> None:
    writers = {a[0] for a in allowed("p") if a[1] == "WRITE" and a[3] == "p.alerts"}
    assert writers == {"User:p-alerting", "User:p-operator"}


def test_faust_apps_own_their_internal_topics_and_groups_by_prefix() -> None:
    rules = allowed("p")
    for name in ("enrichment", "alerting", "dispatcher"):
        assert (f"User:p-{name}", "ALL", "TOPIC", f"p-{name}-", "PREFIXED") in rules
        assert (f"User:p-{name}", "READ", "GROUP", f"p-{name}", "PREFIXED") in rules
    # The indexer is a plain consumer group: no internal topics.
    assert not any(r[0] == "User:p-indexer" and r[1] == "ALL" for r in rules)
    assert ("User:p-indexer", "READ", "GROUP", "p-indexer", "PREFIXED") in rules


def test_nothing_is_granted_cluster_wide_or_to_anyone_unlisted() -> None:
    for acl in acls("p"):
        assert acl.resource_pattern.resource_type in (ResourceType.TOPIC, ResourceType.GROUP)
        assert acl.principal in {f"User:p-{g.name}" for g in GRANTS}
        if acl.operation == ACLOperation.ALL:
            assert acl.resource_pattern.pattern_type == ACLResourcePatternType.PREFIXED
            assert acl.resource_pattern.resource_name.startswith(acl.principal.removeprefix("User:") + "-")


def test_passwords_come_from_one_file_per_principal(tmp_path: Path) -> None:
    for grant in GRANTS:
        (tmp_path / f"kafka_{grant.name}_password").write_text(f"secret-{grant.name}\n")
    assert read_passwords(tmp_path) == {g.name: f"secret-{g.name}" for g in GRANTS}
    (tmp_path / "kafka_indexer_password").write_text("\n")
    with pytest.raises(ValueError, match="kafka_indexer_password is empty"):
        read_passwords(tmp_path)
    (tmp_path / "kafka_indexer_password").unlink()
    with pytest.raises(ValueError, match=r"cannot read .*kafka_indexer_password"):
        read_passwords(tmp_path)
