"""Who may do what on Kafka: each Parley principal's SCRAM credentials and ACLs, from one table.

Used by `parley topics setup` (the compose file's `kafka-setup` one-shot), which runs in the
broker's network namespace against its loopback listener, where the anonymous principal is the
only super user. Credentials and ACLs go through one admin connection and are reconciled, not
just added: an ACL of a Parley principal that the table no longer grants is deleted, so an
upgrade that narrows a grant narrows it on existing brokers too. Safe to run on every `up`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kafka.admin import (
    ACL,
    ACLFilter,
    ACLOperation,
    ACLPermissionType,
    ACLResourcePatternType,
    KafkaAdminClient,
    ResourcePattern,
    ResourcePatternFilter,
    ResourceType,
    ScramMechanism,
    UserScramCredentialUpsertion,
)
from kafka.errors import NoError

from parley.shared.topics import (
    ALERTS,
    ALERTS_DEADLETTER,
    ALERTS_DELIVERIES,
    ARTICLES_ENRICHED,
    ARTICLES_RAW,
    DEADLETTER,
    DESK_FEEDS,
    TALKS,
    Names,
    TopicSpec,
)

SCRAM_ITERATIONS = 8192
# How long credentials just stored may take to be described by the broker (see `apply`).
SETTLE_S = 15.0
SETTLE_STEP_S = 0.5


@dataclass(frozen=True)
class Grant:
    """What one principal (`<namespace>-<name>`) may do; nothing else is allowed."""

    name: str
    reads: tuple[TopicSpec, ...] = ()
    writes: tuple[TopicSpec, ...] = ()
    # Reads as a consumer group named `<namespace>-<name>...` (kafka-python or faust).
    group: bool = False
    # A faust app also owns its changelog and repartition topics `<namespace>-<name>-...`.
    internal_topics: bool = False


GRANTS: tuple[Grant, ...] = (
    Grant("ingest", writes=(ARTICLES_RAW, DEADLETTER)),
    Grant(
        "enrichment",
        reads=(ARTICLES_RAW,),
        writes=(ARTICLES_ENRICHED, DEADLETTER),
        group=True,
        internal_topics=True,
    ),
    Grant("indexer", reads=(ARTICLES_ENRICHED, TALKS, ALERTS, DESK_FEEDS), writes=(DEADLETTER,), group=True),
    Grant(
        "alerting",
        reads=(ARTICLES_ENRICHED, TALKS),
        writes=(TALKS, ALERTS, DEADLETTER),
        group=True,
        internal_topics=True,
    ),
    Grant(
        "dispatcher",
        reads=(ALERTS, ALERTS_DELIVERIES),
        writes=(ALERTS_DELIVERIES, ALERTS_DEADLETTER, DEADLETTER),
        group=True,
        internal_topics=True,
    ),
    # The operator writes redelivery requests (`parley alerts redeliver`) and calendar
    # subscriptions (`parley desk feeds create|revoke`).
    Grant("operator", writes=(ALERTS, DESK_FEEDS)),
)


def principal(namespace: str, name: str) -> str:
    return Names(namespace).group(name)


def _allow(who: str, operation: ACLOperation, kind: ResourceType, name: str, prefixed: bool = False) -> ACL:
    pattern = ACLResourcePatternType.PREFIXED if prefixed else ACLResourcePatternType.LITERAL
    return ACL(
        principal=f"User:{who}",
        host="*",
        operation=operation,
        permission_type=ACLPermissionType.ALLOW,
        resource_pattern=ResourcePattern(kind, name, pattern),
    )


def acls(namespace: str, grants: Iterable[Grant] = GRANTS) -> list[ACL]:
    """Every ACL of the namespace's principals, in a stable order."""
    out: list[ACL] = []
    for grant in grants:
        who = principal(namespace, grant.name)
        # Metadata of every Parley topic: each service checks at start that all of them exist.
        out.append(_allow(who, ACLOperation.DESCRIBE, ResourceType.TOPIC, f"{namespace}.", prefixed=True))
        out += [_allow(who, ACLOperation.READ, ResourceType.TOPIC, t.name(namespace)) for t in grant.reads]
        out += [_allow(who, ACLOperation.WRITE, ResourceType.TOPIC, t.name(namespace)) for t in grant.writes]
        if grant.internal_topics:
            out.append(_allow(who, ACLOperation.ALL, ResourceType.TOPIC, f"{who}-", prefixed=True))
        if grant.group:
            out.append(_allow(who, ACLOperation.READ, ResourceType.GROUP, who, prefixed=True))
    return out


def read_passwords(secrets_dir: Path, grants: Iterable[Grant] = GRANTS) -> dict[str, str]:
    """Each principal's password from `<dir>/kafka_<name>_password` (Docker secrets), read the way
    the services read their password files (one trailing line break dropped, nothing else)."""
    passwords: dict[str, str] = {}
    for grant in grants:
        path = secrets_dir / f"kafka_{grant.name}_password"
        try:
            password = path.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise ValueError(f"cannot read {path}: {exc.strerror}") from None
        if not password:
            raise ValueError(f"{path} is empty")
        passwords[grant.name] = password
    return passwords


def _key(acl: ACL) -> tuple[str, str, int, int, int, str, int]:
    r = acl.resource_pattern
    return (
        acl.principal,
        acl.host,
        int(acl.operation),
        int(acl.permission_type),
        int(r.resource_type),
        r.resource_name,
        int(r.pattern_type),
    )


def _exactly(acl: ACL) -> ACLFilter:
    r = acl.resource_pattern
    return ACLFilter(
        principal=acl.principal,
        host=acl.host,
        operation=acl.operation,
        permission_type=acl.permission_type,
        resource_pattern=ResourcePatternFilter(r.resource_type, r.resource_name, r.pattern_type),
    )


def _of(who: str) -> ACLFilter:
    return ACLFilter(
        principal=f"User:{who}",
        host="*",
        operation=ACLOperation.ANY,
        permission_type=ACLPermissionType.ANY,
        resource_pattern=ResourcePatternFilter(ResourceType.ANY, None, ACLResourcePatternType.ANY),
    )


def _not_described(admin: KafkaAdminClient, users: list[str]) -> list[str]:
    """The users the broker describes no SCRAM-SHA-512 credentials for."""
    described = admin.describe_user_scram_credentials(users)
    return [
        user
        for user in users
        if not any(
            info["mechanism"] == ScramMechanism.SCRAM_SHA_512
            for info in described.get(user, {}).get("credential_infos", [])
        )
    ]


@dataclass(frozen=True)
class Applied:
    principals: int
    acls: int
    removed: int


def apply(
    admin: KafkaAdminClient,
    namespace: str,
    passwords: Mapping[str, str],
    *,
    settle_s: float = SETTLE_S,
    sleep: Callable[[float], None] = time.sleep,
) -> Applied:
    """Upsert every principal's SCRAM-SHA-512 credentials, create its ACLs and delete the ones
    of these principals that the table does not grant.

    The controller stores the credentials, but a broker describes them from its own copy of the
    cluster metadata, which follows a moment later (longer on a busy machine): credentials not
    described yet are asked for again for up to `settle_s` seconds before they count as not stored.

    Raises RuntimeError naming what the broker refused.
    """
    users = {principal(namespace, name): password for name, password in passwords.items()}
    upserts = [
        UserScramCredentialUpsertion(
            user, ScramMechanism.SCRAM_SHA_512, password, iterations=SCRAM_ITERATIONS
        )
        for user, password in users.items()
    ]
    refused = {user: error for user, error in admin.alter_user_scram_credentials(upserts).items() if error}
    missing = _not_described(admin, list(users))
    waited = 0.0
    while missing and not refused and waited < settle_s:
        sleep(SETTLE_STEP_S)
        waited += SETTLE_STEP_S
        missing = _not_described(admin, missing)
    if refused or missing:
        raise RuntimeError(f"SCRAM credentials refused: {refused or {u: 'not stored' for u in missing}}")

    wanted = acls(namespace, [g for g in GRANTS if g.name in passwords])
    result = admin.create_acls(wanted)
    if result["failed"]:
        created = {_key(a) for a in result["succeeded"]}
        not_created = [a for a in wanted if _key(a) not in created]
        errors = sorted({getattr(e, "__name__", str(e)) for e in result["failed"]})
        raise RuntimeError(f"ACLs refused ({', '.join(errors)}): {not_created}")
    keep = {_key(a) for a in wanted}
    stale = [acl for who in users for acl in admin.describe_acls(_of(who))[0] if _key(acl) not in keep]
    if stale:
        for _, _, error in admin.delete_acls([_exactly(a) for a in stale]):
            if error is not NoError:
                raise RuntimeError(f"stale ACLs not deleted ({getattr(error, '__name__', error)}): {stale}")
    return Applied(principals=len(upserts), acls=len(wanted), removed=len(stale))
