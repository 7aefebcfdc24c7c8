"""`parley doctor`: checks what a Parley deployment needs and says how to fix what is missing.

Checks, in order: every service's settings, Kafka reachable, the namespace's topics (partitions,
cleanup policy), Elasticsearch reachable and healthy, the `<ns>-articles` / `<ns>-talks` aliases
and index templates, each configured webhook endpoint reachable, and with `--services` each
local service's `/readyz`. Prints a table; exits 1 when a check failed (warnings alone exit 0).

Webhook endpoints are shown by name only: their URLs may carry credentials.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import typer

from parley.shared.runtime import PORTS

SERVICE_SETTINGS: dict[str, str] = {
    "ingest": "parley.services.ingest.settings:IngestSettings",
    "enrichment": "parley.services.enrichment.settings:EnrichmentSettings",
    "indexer": "parley.services.indexer.settings:IndexerSettings",
    "alerting": "parley.services.alerting.settings:AlertingSettings",
    "dispatcher": "parley.services.dispatcher.settings:DispatcherSettings",
    "search": "parley.services.search.settings:SearchSettings",
}
READY_SERVICES: tuple[str, ...] = ("ingest", "enrichment", "indexer", "alerting", "dispatcher", "search")
TIMEOUT_S = 3.0
# `scheme://user:password@host` -> `scheme://***@host`, for any text that might hold a URL.
_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str = ""
    fix: str = ""


def scrub(text: str) -> str:
    """Remove credentials from URLs in a message, and cut it to a readable length."""
    return _CREDENTIALS.sub(r"\1***@", text)[:300]


def _load_class(path: str) -> type[Any]:
    module, _, name = path.partition(":")
    cls: type[Any] = getattr(importlib.import_module(module), name)
    return cls


# --- settings ----------------------------------------------------------------------------------


def check_settings() -> tuple[list[Check], dict[str, Any]]:
    """Load each service's settings class as the service would; return the checks and the loaded ones."""
    from parley.shared.errors import ConfigError
    from parley.shared.settings import load_settings

    checks: list[Check] = []
    loaded: dict[str, Any] = {}
    for service, path in SERVICE_SETTINGS.items():
        name = f"settings: {service}"
        try:
            settings = load_settings(_load_class(path))
        except ConfigError as exc:
            checks.append(
                Check(
                    name,
                    Status.FAIL,
                    scrub("; ".join(exc.problems)),
                    "fix the PARLEY_* variables named (see docs/conventions.md#settings-sharedsettingspy)",
                )
            )
            continue
        loaded[service] = settings
        check_auth: Callable[[], None] | None = getattr(settings, "check_auth", None)
        if check_auth is not None:
            try:
                check_auth()
            except ConfigError as exc:
                checks.append(
                    Check(
                        name,
                        Status.WARN,
                        scrub("; ".join(exc.problems)),
                        f"set the API token before starting `parley {service} run`",
                    )
                )
                continue
        checks.append(Check(name, Status.OK, "valid"))
    return checks, loaded


# --- Kafka -------------------------------------------------------------------------------------


def check_kafka(settings: Any) -> list[Check]:
    from kafka import KafkaAdminClient
    from kafka.admin import ConfigResource, ConfigResourceType
    from kafka.errors import KafkaError

    from parley.shared.kafka import client_config
    from parley.shared.topics import ALL_TOPICS

    servers = settings.kafka.bootstrap_servers
    timeouts = {
        key: int(TIMEOUT_S * 1000)
        for key in ("request_timeout_ms", "bootstrap_timeout_ms", "api_version_auto_timeout_ms")
        if key in KafkaAdminClient.DEFAULT_CONFIG  # the names differ between kafka-python 2 and 3
    }
    try:
        admin = KafkaAdminClient(**client_config(settings.kafka, "parley-doctor"), **timeouts)
    except (KafkaError, OSError, ValueError) as exc:
        return [
            Check(
                "kafka",
                Status.FAIL,
                f"unreachable at {servers}: {type(exc).__name__}",
                "start Kafka (`make infra-up`) or set PARLEY_KAFKA_BOOTSTRAP_SERVERS "
                "(and PARLEY_KAFKA_SECURITY_PROTOCOL / SASL / SSL) to where it runs",
            ),
            Check("topics", Status.SKIP, "Kafka unreachable"),
        ]
    try:
        try:
            existing = set(admin.list_topics())
        except (KafkaError, OSError) as exc:
            return [
                Check(
                    "kafka",
                    Status.FAIL,
                    f"no metadata from {servers}: {type(exc).__name__}",
                    "check the broker's health and the client's security settings",
                )
            ]
        checks = [Check("kafka", Status.OK, f"reachable at {servers}")]
        ns = settings.namespace
        present = [spec for spec in ALL_TOPICS if spec.name(ns) in existing]
        missing = [spec.name(ns) for spec in ALL_TOPICS if spec.name(ns) not in existing]
        if missing:
            checks.append(
                Check(
                    "topics",
                    Status.FAIL,
                    f"{len(missing)} of {len(ALL_TOPICS)} missing: {', '.join(missing)}",
                    f"PARLEY_NAMESPACE={ns} parley topics create",
                )
            )
        if not present:
            return checks
        described = {t["name"]: t for t in admin.describe_topics([spec.name(ns) for spec in present])}
        policies = _cleanup_policies(
            admin, [spec.name(ns) for spec in present], ConfigResource, ConfigResourceType
        )
        for spec in present:
            topic = spec.name(ns)
            partitions = len(described.get(topic, {}).get("partitions", []))
            wanted_policy = spec.config.get("cleanup.policy", "delete")
            problems = []
            if partitions != spec.partitions:
                problems.append(f"{partitions} partitions, expected {spec.partitions}")
            policy = policies.get(topic)
            if policy is not None and policy != wanted_policy:
                problems.append(f"cleanup.policy={policy}, expected {wanted_policy}")
            if problems:
                checks.append(
                    Check(
                        f"topic {spec.suffix}",
                        Status.FAIL,
                        "; ".join(problems),
                        "partitions can only grow (kafka-topics --alter --partitions); change the "
                        "policy with kafka-configs --alter --add-config cleanup.policy=...",
                    )
                )
        if not missing and len(checks) == 1:
            checks.append(
                Check(
                    "topics", Status.OK, f"all {len(ALL_TOPICS)} present with partitions and cleanup policy"
                )
            )
        elif not missing:
            checks.append(Check("topics", Status.OK, f"all {len(ALL_TOPICS)} present"))
        return checks
    finally:
        admin.close()


def _cleanup_policies(admin: Any, topics: list[str], resource: Any, resource_type: Any) -> dict[str, str]:
    """cleanup.policy per topic (`delete` when not set on the topic); empty when not readable."""
    from kafka.errors import KafkaError

    try:
        result = admin.describe_configs([resource(resource_type.TOPIC, t) for t in topics])
    except (KafkaError, OSError):
        return {}
    if not isinstance(result, dict):  # an older kafka-python: policies are not compared
        return {}
    configs = result.get("topic", {})
    return {
        topic: str(configs.get(topic, {}).get("cleanup.policy", {}).get("value") or "delete")
        for topic in topics
    }


# --- Elasticsearch -----------------------------------------------------------------------------


def check_elasticsearch(settings: Any) -> list[Check]:
    from parley.shared.elasticsearch import make_client
    from parley.shared.topics import INDEX_KINDS, Names

    urls = ", ".join(scrub(u) for u in settings.es.hosts)
    client = make_client(settings.es, request_timeout=TIMEOUT_S)
    try:
        try:
            health = client.cluster.health(timeout=f"{int(TIMEOUT_S)}s")
        except Exception as exc:
            status = getattr(getattr(exc, "meta", None), "status", None)
            if status in (401, 403):
                return [
                    Check(
                        "elasticsearch",
                        Status.FAIL,
                        f"{urls} refused the credentials (HTTP {status})",
                        "set PARLEY_ES_USERNAME / PARLEY_ES_PASSWORD or PARLEY_ES_API_KEY",
                    ),
                    Check("indices", Status.SKIP, "Elasticsearch unusable"),
                ]
            return [
                Check(
                    "elasticsearch",
                    Status.FAIL,
                    f"unreachable at {urls}: {type(exc).__name__}",
                    "start Elasticsearch (`make infra-up`) or set PARLEY_ES_URL to where it runs "
                    "(and PARLEY_ES_CA_CERTS for TLS)",
                ),
                Check("indices", Status.SKIP, "Elasticsearch unreachable"),
            ]
        color = str(health.get("status"))
        checks = [
            Check(
                "elasticsearch",
                {"green": Status.OK, "yellow": Status.OK, "red": Status.FAIL}.get(color, Status.WARN),
                f"reachable at {urls}, cluster {health.get('cluster_name')} is {color}",
                "" if color != "red" else "see `_cluster/allocation/explain`; free disk or restore shards",
            )
        ]
        names = Names(settings.namespace)
        for kind in INDEX_KINDS:
            alias = names.alias(kind)
            try:
                has_alias = bool(client.indices.exists_alias(name=alias))
                has_template = bool(client.indices.exists_index_template(name=alias))
            except Exception as exc:
                checks.append(
                    Check(f"index {kind}", Status.FAIL, type(exc).__name__, "see the cluster's log")
                )
                continue
            missing = [
                what for what, ok in (("alias", has_alias), ("index template", has_template)) if not ok
            ]
            if missing:
                checks.append(
                    Check(
                        f"index {kind}",
                        Status.FAIL,
                        f"{' and '.join(missing)} {alias} missing",
                        f"start the indexer once (`PARLEY_NAMESPACE={settings.namespace} parley indexer "
                        "run`): it creates templates, indices and aliases",
                    )
                )
            else:
                checks.append(
                    Check(f"index {kind}", Status.OK, f"alias {alias} and its index template exist")
                )
        return checks
    finally:
        client.close()


# --- webhooks ----------------------------------------------------------------------------------


def check_webhooks(alerting: Any | None) -> list[Check]:
    import httpx

    if alerting is None:
        return [Check("webhooks", Status.SKIP, "dispatcher settings invalid (see above)")]
    endpoints = alerting.alerting.webhooks
    if not endpoints:
        return [
            Check(
                "webhooks",
                Status.WARN,
                "no endpoint configured: alerts are raised but sent nowhere",
                "set PARLEY_ALERTING_WEBHOOKS (a JSON list of {name, url, secrets})",
            )
        ]
    checks = []
    for endpoint in endpoints:
        name = f"webhook {endpoint.name}"
        try:
            with httpx.Client(timeout=min(TIMEOUT_S, endpoint.timeout_s), follow_redirects=False) as client:
                response = client.head(endpoint.target)
                if response.status_code == 405:
                    response = client.options(endpoint.target)
        except httpx.HTTPError as exc:
            checks.append(
                Check(
                    name,
                    Status.FAIL,
                    f"unreachable ({type(exc).__name__})",
                    "check the endpoint's URL in PARLEY_ALERTING_WEBHOOKS and that it is up",
                )
            )
            continue
        code = response.status_code
        if code >= 500:
            checks.append(
                Check(
                    name,
                    Status.WARN,
                    f"answered HTTP {code}",
                    "the endpoint is up but failing; ask its owner",
                )
            )
        else:
            checks.append(Check(name, Status.OK, f"reachable (HTTP {code})"))
    return checks


# --- services ----------------------------------------------------------------------------------


def check_services(host: str, ports: dict[str, int]) -> list[Check]:
    import httpx

    checks = []
    for service in READY_SERVICES:
        port = ports[service]
        name = f"service {service}"
        url = f"http://{host}:{port}/readyz"
        try:
            response = httpx.get(url, timeout=TIMEOUT_S)
        except httpx.HTTPError as exc:
            checks.append(
                Check(
                    name,
                    Status.FAIL,
                    f"no answer on {host}:{port} ({type(exc).__name__})",
                    f"start it: `parley {service} run` (or `make run`); its log says why it stopped",
                )
            )
            continue
        if response.status_code == 200:
            checks.append(Check(name, Status.OK, f"ready on {host}:{port}"))
            continue
        try:
            failing = [k for k, v in dict(response.json().get("checks", {})).items() if not v]
        except ValueError:
            failing = []
        checks.append(
            Check(
                name,
                Status.FAIL,
                f"not ready (HTTP {response.status_code})" + (f": {', '.join(failing)}" if failing else ""),
                f"curl {url}; check Kafka / Elasticsearch from the service and its log",
            )
        )
    return checks


# --- command -----------------------------------------------------------------------------------


def run_checks(services: bool, host: str, ports: dict[str, int]) -> list[Check]:
    from parley.shared.settings import ParleySettings, load_settings

    checks, loaded = check_settings()
    base: Any = loaded.get("indexer") or loaded.get("enrichment")
    if base is None:
        from parley.shared.errors import ConfigError

        try:
            base = load_settings(ParleySettings)
        except ConfigError:
            checks.append(Check("connections", Status.SKIP, "shared settings invalid (see above)"))
            return checks
    checks += check_kafka(base)
    checks += check_elasticsearch(base)
    checks += check_webhooks(loaded.get("dispatcher"))
    if services:
        checks += check_services(host, ports)
    return checks


def _parse_ports(values: list[str]) -> dict[str, int]:
    ports = dict(PORTS)
    for value in values:
        service, sep, port = value.partition("=")
        if not sep or service not in READY_SERVICES or not port.isdigit():
            raise typer.BadParameter(f"expected SERVICE=PORT with SERVICE one of {', '.join(READY_SERVICES)}")
        ports[service] = int(port)
    return ports


def render(checks: list[Check], namespace: str) -> None:
    import os

    from rich.console import Console
    from rich.table import Table

    styles = {Status.OK: "green", Status.WARN: "yellow", Status.FAIL: "bold red", Status.SKIP: "dim"}
    table = Table(title=f"parley doctor — namespace {namespace}", show_lines=False)
    for column in ("check", "status", "detail", "how to fix"):
        table.add_column(column, overflow="fold")
    for check in checks:
        table.add_row(check.name, f"[{styles[check.status]}]{check.status.value}[/]", check.detail, check.fix)
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 160  # logs and pipes: wide enough that rows rarely wrap
    console.print(table)


def doctor_command(
    services: bool = typer.Option(False, "--services", help="also check each local service's /readyz"),
    host: str = typer.Option("127.0.0.1", help="host the services listen on (with --services)"),
    port: list[str] = typer.Option(
        [], "--port", help="SERVICE=PORT when a service is not on its standard port (repeatable)"
    ),
) -> None:
    """Check settings, Kafka, topics, Elasticsearch, indices, webhooks (and services); say how to fix."""
    import os

    ports = _parse_ports(port)
    checks = run_checks(services, host, ports)
    render(checks, os.environ.get("PARLEY_NAMESPACE", "parley"))
    failed = [c for c in checks if c.status is Status.FAIL]
    warned = [c for c in checks if c.status is Status.WARN]
    if failed:
        typer.echo(f"{len(failed)} check(s) failed, {len(warned)} warning(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"all checks passed ({len(warned)} warning(s))")
