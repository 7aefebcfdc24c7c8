"""The Kafka access table: each principal gets exactly its own topics and groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from kafka.admin import (
    ACL,
    ACLFilter,
    ACLOperation,
    ACLPermissionType,
    ACLResourcePatternType,
    ResourcePattern,
    ResourceType,
    ScramMechanism,
)
from kafka.errors import NoError, SecurityDisabledError

from parley.services.cli.kafka_access import GRANTS, SETTLE_S, acls, apply, read_passwords


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
        (tmp_path / f"kafka_{grant.name}_password").write_text(f" secret-{grant.name}\n")
    # As the services read their password files: the line break goes, a space is part of it.
    assert read_passwords(tmp_path) == {g.name: f" secret-{g.name}" for g in GRANTS}
    (tmp_path / "kafka_indexer_password").write_text("\n")
    with pytest.raises(ValueError, match="kafka_indexer_password is empty"):
        read_passwords(tmp_path)
    (tmp_path / "kafka_indexer_password").unlink()
    with pytest.raises(ValueError, match=r"cannot read .*kafka_indexer_password"):
        read_passwords(tmp_path)


class Broker:
    """Just enough of an admin client: SCRAM users and ACLs held in memory."""

    def __init__(self, refuse_acls: bool = False, forget_users: bool = False, lag_describes: int = 0) -> None:
        self.users: dict[str, bytes] = {}
        self.acls: list[ACL] = []
        self.refuse_acls = refuse_acls
        self.forget_users = forget_users
        # describes answered from metadata that does not show the new credentials yet
        self.lag_describes = lag_describes

    def alter_user_scram_credentials(self, upserts: list[Any]) -> dict[str, str | None]:
        if not self.forget_users:
            self.users.update({u.user: u.salted_password for u in upserts})
        return {u.user: None for u in upserts}

    def describe_user_scram_credentials(self, users: list[str]) -> dict[str, Any]:
        if self.lag_describes:
            self.lag_describes -= 1
            return {}
        return {
            u: {"error": None, "credential_infos": [{"mechanism": ScramMechanism.SCRAM_SHA_512}]}
            for u in users
            if u in self.users
        }

    def create_acls(self, acls: list[ACL]) -> dict[str, list[Any]]:
        if self.refuse_acls:
            return {"succeeded": [], "failed": [SecurityDisabledError for _ in acls]}
        self.acls += [a for a in acls if a not in self.acls]
        return {"succeeded": list(acls), "failed": []}

    def describe_acls(self, wanted: ACLFilter) -> tuple[list[ACL], type]:
        return [a for a in self.acls if a.principal == wanted.principal], NoError

    def delete_acls(self, filters: list[ACLFilter]) -> list[tuple[ACLFilter, list[ACL], type]]:
        out = []
        for f in filters:
            gone = [
                a
                for a in self.acls
                if (a.principal, a.operation, a.resource_pattern.resource_name)
                == (
                    f.principal,
                    f.operation,
                    f.resource_pattern.resource_name,
                )
            ]
            self.acls = [a for a in self.acls if a not in gone]
            out.append((f, gone, NoError))
        return out


def passwords() -> dict[str, str]:
    return {g.name: f"pw-{g.name}" for g in GRANTS}


def test_apply_is_idempotent_and_stores_every_principal() -> None:
    broker = Broker()
    first = apply(broker, "p", passwords())  # type: ignore[arg-type]
    second = apply(broker, "p", passwords())  # type: ignore[arg-type]
    assert (first.principals, first.removed, second.removed) == (len(GRANTS), 0, 0)
    assert set(broker.users) == {f"p-{g.name}" for g in GRANTS}
    assert sorted(map(str, broker.acls)) == sorted(map(str, acls("p")))


def test_apply_removes_a_grant_the_table_no_longer_gives_and_nothing_else() -> None:
    wider = ACL(
        "User:p-enrichment",
        "*",
        ACLOperation.ALL,
        ACLPermissionType.ALLOW,
        ResourcePattern(ResourceType.TOPIC, "p-enrichment", ACLResourcePatternType.PREFIXED),
    )
    someone_else = ACL(
        "User:analytics",
        "*",
        ACLOperation.READ,
        ACLPermissionType.ALLOW,
        ResourcePattern(ResourceType.TOPIC, "p.alerts", ACLResourcePatternType.LITERAL),
    )
    broker = Broker()
    broker.acls = [wider, someone_else]
    applied = apply(broker, "p", passwords())  # type: ignore[arg-type]
    assert applied.removed == 1
    assert wider not in broker.acls and someone_else in broker.acls


def test_apply_names_what_the_broker_refused() -> None:
    with pytest.raises(RuntimeError, match=r"ACLs refused \(SecurityDisabledError\)"):
        apply(Broker(refuse_acls=True), "p", passwords())  # type: ignore[arg-type]
    waits: list[float] = []
    with pytest.raises(RuntimeError, match=r"SCRAM credentials refused.*not stored"):
        apply(Broker(forget_users=True), "p", passwords(), sleep=waits.append)  # type: ignore[arg-type]
    assert sum(waits) >= SETTLE_S  # asked again for the whole settling time before giving up


def test_apply_waits_for_the_broker_to_describe_credentials_just_stored() -> None:
    waits: list[float] = []
    broker = Broker(lag_describes=3)
    applied = apply(broker, "p", passwords(), sleep=waits.append)  # type: ignore[arg-type]
    assert applied.principals == len(GRANTS)
    assert len(waits) == 3 and sum(waits) < SETTLE_S
