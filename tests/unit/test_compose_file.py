"""docker-compose.yml, the service Dockerfiles and the Prometheus configurations, checked as files.

No Docker engine is needed: the compose file is read with PyYAML and validated with
`docker-compose config`, the Prometheus files with `promtool check config` (both installed by
deploy/local/setup-system.sh).
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from parley.services.cli.kafka_access import GRANTS
from parley.shared.runtime import PORTS

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
PROMETHEUS_DIR = ROOT / "deploy" / "prometheus"

SERVICES = ("ingest", "enrichment", "indexer", "alerting", "dispatcher", "search")
# Every Parley process, the demo receiver too, runs the one image built from ./Dockerfile.
PROCESSES = (*SERVICES, "webhook-sink")
SCALABLE = ("enrichment", "indexer", "alerting", "dispatcher")
INFRA = ("kafka", "elasticsearch", "prometheus")
# Each pipeline service waits for the servers it talks to.
NEEDS = {
    "ingest": {"kafka"},
    "enrichment": {"kafka"},
    "indexer": {"kafka", "elasticsearch"},
    "alerting": {"kafka"},
    "dispatcher": {"kafka"},
    "search": {"elasticsearch"},
}
SECRET_KEY = re.compile(r"PASSWORD|TOKEN|SECRET|API_KEY|WEBHOOKS", re.IGNORECASE)
# `${VAR}`, `${VAR:?message}`, `${VAR?message}`, `${VAR:-default}`, `${VAR-default}`
REFERENCE = re.compile(r"^\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}$")
PINNED_IMAGE = re.compile(
    r"^[a-z0-9][a-z0-9./_-]*(?::\d+)?(?:/[a-z0-9._-]+)*:(?P<tag>[A-Za-z0-9._-]*\d[A-Za-z0-9._-]*)$"
)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(data, dict) and isinstance(data.get("services"), dict)
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]  # type: ignore[no-any-return]


def env_of(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): str(v) for k, v in env.items()}


def pom_property(pom: Path, name: str) -> str:
    value = ET.parse(pom).getroot().findtext(f"{{*}}properties/{{*}}{name}")
    assert value, f"{pom} has no <{name}>"
    return value.strip()


def image_tag(image: str) -> str:
    return image.rsplit(":", 1)[1]


def volume_sources(service: dict[str, Any]) -> list[str]:
    sources = []
    for volume in service.get("volumes") or []:
        sources.append(volume["source"] if isinstance(volume, dict) else str(volume).split(":", 1)[0])
    return sources


# --- compose: services, images, health ----------------------------------------------------------


def test_all_services_and_servers_are_defined(services: dict[str, dict[str, Any]]) -> None:
    missing = [name for name in (*SERVICES, *INFRA) if name not in services]
    assert not missing, f"docker-compose.yml lacks {missing}"
    for name in (*SERVICES, *INFRA):
        assert "profiles" not in services[name], f"{name} must start without a profile"


def test_third_party_images_are_pinned(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        if "build" in service:
            continue
        image = service.get("image", "")
        match = PINNED_IMAGE.match(image)
        assert match, f"{name}: image {image!r} must be name:tag with a version (no variables)"
        assert match["tag"] != "latest", f"{name}: {image} uses latest"


def test_parley_processes_share_one_image_built_from_the_root_dockerfile(
    services: dict[str, dict[str, Any]],
) -> None:
    images = {services[name].get("image") for name in PROCESSES}
    assert len(images) == 1, f"one image for every Parley process, got {images}"
    image = images.pop() or ""
    assert image.startswith("parley/parley:") and not image.endswith(":latest"), image
    for name in PROCESSES:
        build = services[name].get("build")
        assert isinstance(build, dict), f"{name}: expected build: {{context, args}}"
        assert Path(build.get("context", ".")) == Path("."), f"{name}: the build context is the repo root"
        assert build.get("dockerfile", "Dockerfile") == "Dockerfile", name
    assert not list(ROOT.glob("services/*/Dockerfile")), "the per-service Dockerfiles are gone"


def test_the_command_picks_the_process(services: dict[str, dict[str, Any]]) -> None:
    for name in SERVICES:
        assert services[name].get("command") == [name, "run"], (
            f"{name}: command {services[name].get('command')}"
        )
    assert services["webhook-sink"]["command"][0] == "webhook-sink"


def test_kafka_and_elasticsearch_versions_match_the_local_servers(
    services: dict[str, dict[str, Any]],
) -> None:
    kafka = pom_property(ROOT / "deploy/local/kafka/pom.xml", "kafka.version")
    elasticsearch = pom_property(ROOT / "deploy/local/elasticsearch/pom.xml", "elasticsearch.version")
    assert services["kafka"]["image"] == f"apache/kafka:{kafka}"
    assert image_tag(services["elasticsearch"]["image"]) == elasticsearch
    assert services["elasticsearch"]["image"].startswith("docker.elastic.co/elasticsearch/elasticsearch:")
    assert image_tag(services["kibana"]["image"]) == elasticsearch


def test_every_service_has_a_healthcheck(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        if service.get("restart") == "no":  # one-shot setup jobs
            continue
        check = service.get("healthcheck") or {}
        assert check.get("test") and not check.get("disable"), f"{name}: no healthcheck"


def test_parley_healthchecks_probe_the_service_port(services: dict[str, dict[str, Any]]) -> None:
    for name in PROCESSES:
        test = " ".join(services[name]["healthcheck"]["test"])
        assert re.search(rf"http://127\.0\.0\.1:{PORTS[name]}/(readyz|healthz)\b", test), f"{name}: {test}"


def http_port_setting(service: dict[str, Any]) -> int:
    """The port the process listens on in its container: compose's `PARLEY_HTTP_PORT`, else the
    process's default (`PORTS`, picked by its command), else a `--port` argument (the demo
    receiver). The image sets no port: one image runs every process."""
    command = [str(part) for part in service.get("command") or []]
    value: str | int | None = env_of(service).get("PARLEY_HTTP_PORT")
    if value is None and command:
        value = PORTS.get("dispatcher" if command[0] == "dispatcher" else command[0])
    if "--port" in command:
        value = command[command.index("--port") + 1]
    assert value is not None, "no PARLEY_HTTP_PORT in compose or the image, no --port"
    return int(value)


def test_healthcheck_port_is_the_http_port_and_the_scrape_target(
    services: dict[str, dict[str, Any]],
) -> None:
    # The dispatcher runs from the alerting image: without its own PARLEY_HTTP_PORT it listened
    # on 8084 while its healthcheck and Prometheus looked at 8085.
    jobs = scrape_jobs(PROMETHEUS_DIR / "prometheus.yml")
    scraped = {
        name: job["dns_sd_configs"][0]["port"] for name, job in jobs.items() if job.get("dns_sd_configs")
    }
    for name in PROCESSES:
        listens = http_port_setting(services[name])
        probe = re.search(r"http://127\.0\.0\.1:(\d+)/", " ".join(services[name]["healthcheck"]["test"]))
        assert probe, f"{name}: the healthcheck probes no local URL"
        assert int(probe[1]) == listens, f"{name}: listens on {listens}, healthcheck probes {probe[1]}"
        if name in SERVICES:
            assert scraped.get(name) == listens, (
                f"{name}: listens on {listens}, scraped on {scraped.get(name)}"
            )


def test_depends_on_waits_for_health(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        depends = service.get("depends_on") or {}
        assert isinstance(depends, dict), f"{name}: depends_on must name a condition per dependency"
        for target, spec in depends.items():
            assert target in services, f"{name} depends on unknown {target}"
            condition = spec.get("condition")
            expected = (
                "service_completed_successfully"
                if services[target].get("restart") == "no"
                else "service_healthy"
            )
            assert condition == expected, f"{name} -> {target}: condition {condition!r}"
    for name, needs in NEEDS.items():
        assert set(services[name].get("depends_on") or {}) >= needs, f"{name} must wait for {needs}"


def test_parley_services_restart_bind_all_interfaces_and_have_limits(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in (*SERVICES, *INFRA):
        service = services[name]
        assert service.get("restart") == "unless-stopped", name
        limits = (service.get("deploy") or {}).get("resources", {}).get("limits", {})
        assert limits.get("memory") or service.get("mem_limit"), f"{name}: no memory limit"
    for name in SERVICES:
        env = env_of(services[name])
        assert env.get("PARLEY_HTTP_HOST") == "0.0.0.0", name
        if "kafka" in NEEDS[name]:
            assert env.get("PARLEY_KAFKA_BOOTSTRAP_SERVERS") == "kafka:9092", name
        if "elasticsearch" in NEEDS[name]:
            assert env.get("PARLEY_ES_URL") == "http://elasticsearch:9200", name
        else:  # least privilege: no Elasticsearch credentials where they are not used
            assert not any(key.startswith("PARLEY_ES_") for key in env), name


# --- compose: volumes, ports, profiles -------------------------------------------------------


def test_named_volumes_hold_the_state(compose: dict[str, Any], services: dict[str, dict[str, Any]]) -> None:
    declared = set(compose.get("volumes") or {})
    for name, service in services.items():
        for source in volume_sources(service):
            if not source.startswith((".", "/", "~")):
                assert source in declared, f"{name}: volume {source} is not declared"
    for name in ("kafka", "elasticsearch", "prometheus", "ingest"):
        named = [s for s in volume_sources(services[name]) if s in declared]
        assert named, f"{name}: its data needs a named volume"
    state_dir = env_of(services["ingest"]).get("PARLEY_INGEST_STATE_DIR")
    assert state_dir, "ingest: PARLEY_INGEST_STATE_DIR must be set"
    mounts = [str(v).split(":")[1] for v in services["ingest"]["volumes"] if not isinstance(v, dict)]
    assert state_dir in mounts, "ingest: PARLEY_INGEST_STATE_DIR must be the mounted volume"


def test_scalable_services_publish_no_host_ports(services: dict[str, dict[str, Any]]) -> None:
    for name in SCALABLE:
        assert not services[name].get("ports"), f"{name} publishes ports and could not be scaled"
        assert "container_name" not in services[name], f"{name}: container_name prevents scaling"


def test_optional_tools_sit_behind_profiles(services: dict[str, dict[str, Any]]) -> None:
    assert services["kibana"].get("profiles") == ["kibana"]
    assert services["grafana"].get("profiles") == ["grafana"]
    assert services["webhook-sink"].get("profiles") == ["demo"]
    for name, service in services.items():
        if name.startswith("kibana"):
            assert service.get("profiles") == ["kibana"], name


def test_prometheus_reads_the_repository_config(services: dict[str, dict[str, Any]]) -> None:
    prometheus = services["prometheus"]
    mounts = [str(v) for v in prometheus.get("volumes") or []]
    mount = next((m for m in mounts if m.startswith("./deploy/prometheus")), None)
    assert mount, f"prometheus: mount ./deploy/prometheus, got {mounts}"
    target = mount.split(":")[1]
    assert f"--config.file={target}/prometheus.yml" in prometheus.get("command", [])


# --- compose: secrets and security ---------------------------------------------------------------


def secrets_of(service: dict[str, Any]) -> set[str]:
    return {item if isinstance(item, str) else item["source"] for item in service.get("secrets") or []}


def test_no_secret_is_written_into_the_compose_file(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        for key, value in env_of(service).items():
            if not SECRET_KEY.search(key):
                continue
            if key.endswith(("_FILE", "__FILE")):
                # Docker secrets: the value is the path of a secret the service is given.
                secret = value.removeprefix("/run/secrets/")
                assert value.startswith("/run/secrets/") and secret in secrets_of(service), f"{name}: {key}"
                continue
            match = REFERENCE.match(value)
            assert match, f"{name}: {key} must be a ${{...}} reference to .env, not a literal"
            if "PASSWORD" in key or "TOKEN" in key:
                assert match["op"] in (None, ":?", "?"), f"{name}: {key} must not have a default"
        command = [str(part) for part in service.get("command") or []]
        assert not {"--secret", "--password", "--token"} & set(command), (
            f"{name}: a secret on the command line"
        )
        for flag, value in itertools.pairwise(command):
            if flag == "--secret-file":
                assert value.removeprefix("/run/secrets/") in secrets_of(service), f"{name}: {value}"


def test_parley_secrets_come_from_files(services: dict[str, dict[str, Any]], compose: dict[str, Any]) -> None:
    declared = compose.get("secrets") or {}
    made = (ROOT / "deploy" / "make-secrets.sh").read_text()
    for secret, spec in declared.items():
        assert spec.get("file", "").endswith(f"/{secret}"), f"secret {secret}: {spec}"
        assert spec["file"].startswith("${PARLEY_SECRETS_DIR:-./secrets}/"), secret
        assert re.search(rf"^create {secret} ", made, re.MULTILINE), (
            f"make-secrets.sh does not create {secret}"
        )
    wanted = {
        "ingest": {"PARLEY_INGEST_API_TOKEN_FILE"},
        "search": {"PARLEY_SEARCH_API_TOKEN_FILE", "PARLEY_ES_PASSWORD_FILE"},
        "indexer": {"PARLEY_ES_PASSWORD_FILE"},
        "alerting": {"PARLEY_ALERTING_WEBHOOKS_FILE"},
        "dispatcher": {"PARLEY_ALERTING_WEBHOOKS_FILE"},
    }
    for name, keys in wanted.items():
        assert keys <= set(env_of(services[name])), f"{name}: expected {keys}"


def test_each_elasticsearch_client_has_its_own_user(services: dict[str, dict[str, Any]]) -> None:
    clients = ("indexer", "search", "operator")
    users = {name: env_of(services[name]).get("PARLEY_ES_USERNAME") for name in clients}
    assert users == {
        "indexer": "${PARLEY_NAMESPACE:-parley}_indexer",
        "search": "${PARLEY_NAMESPACE:-parley}_search",
        "operator": "${PARLEY_NAMESPACE:-parley}_operator",
    }
    es_secrets = [{s for s in secrets_of(services[name]) if s.startswith("es_")} for name in clients]
    assert all(len(own) == 1 for own in es_secrets) and len(set().union(*es_secrets)) == len(clients)
    setup = services["es-setup"]
    wanted = {"es_indexer_password", "es_search_password", "es_operator_password"}
    assert setup.get("restart") == "no" and wanted <= secrets_of(setup)
    for name in clients:
        assert services[name]["depends_on"]["es-setup"] == {"condition": "service_completed_successfully"}


def test_least_privilege_for_every_container(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        assert service.get("cap_drop") == ["ALL"], f"{name}: cap_drop [ALL]"
        assert "no-new-privileges:true" in (service.get("security_opt") or []), f"{name}: no-new-privileges"
    for name in (*PROCESSES, "prometheus"):
        assert services[name].get("read_only") is True, f"{name}: read-only root file system"


def test_healthchecks_hold_no_secret(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        test = " ".join((service.get("healthcheck") or {}).get("test") or [])
        assert not re.search(r"PASSWORD|TOKEN|SECRET|-u ", test), f"{name}: healthcheck {test!r}"


def test_elasticsearch_runs_with_security(services: dict[str, dict[str, Any]]) -> None:
    env = env_of(services["elasticsearch"])
    assert env.get("xpack.security.enabled") == "true"
    assert env.get("discovery.type") == "single-node"
    assert env.get("ELASTIC_PASSWORD_FILE") == "/run/secrets/elastic_password"
    assert "ELASTIC_PASSWORD" not in env
    assert "ES_JAVA_OPTS" in env
    assert "/run/secrets/elastic_password" in " ".join(services["elasticsearch"]["healthcheck"]["test"])


def test_kafka_is_a_single_kraft_node(services: dict[str, dict[str, Any]]) -> None:
    env = env_of(services["kafka"])
    assert env.get("KAFKA_PROCESS_ROLES") == "broker,controller"
    assert env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE") == "false"
    assert "kafka:9092" in env.get("KAFKA_ADVERTISED_LISTENERS", "")
    assert env.get("KAFKA_CONTROLLER_QUORUM_VOTERS", "") == env.get("KAFKA_NODE_ID", "?") + "@127.0.0.1:9093"
    assert env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR") == "1"
    assert env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR") == "1"
    assert "kafka-broker-api-versions.sh" in " ".join(services["kafka"]["healthcheck"]["test"])
    assert "127.0.0.1:9095" in " ".join(services["kafka"]["healthcheck"]["test"]), "the loopback listener"


def test_kafka_authenticates_and_authorises_every_client(services: dict[str, dict[str, Any]]) -> None:
    env = env_of(services["kafka"])
    protocols = dict(item.split(":") for item in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    listeners = dict(item.split("://") for item in env["KAFKA_LISTENERS"].split(","))
    # What the other containers reach is SASL; PLAINTEXT (the anonymous super user) is loopback only.
    for name, protocol in protocols.items():
        if protocol == "PLAINTEXT":
            assert listeners[name].startswith("127.0.0.1:"), f"{name} is PLAINTEXT beyond loopback"
    assert (
        protocols["INTERNAL"] == "SASL_PLAINTEXT" and env["KAFKA_SASL_ENABLED_MECHANISMS"] == "SCRAM-SHA-512"
    )
    assert env["KAFKA_AUTHORIZER_CLASS_NAME"].endswith("StandardAuthorizer")
    assert env["KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"] == "false"
    users = set()
    for name in SERVICES:
        if "kafka" not in NEEDS[name]:
            assert not {"PARLEY_KAFKA_SASL_USERNAME", "PARLEY_KAFKA_SASL_PASSWORD_FILE"} & set(
                env_of(services[name])
            )
            continue
        service_env = env_of(services[name])
        assert service_env["PARLEY_KAFKA_SECURITY_PROTOCOL"] == "SASL_PLAINTEXT", name
        assert service_env["PARLEY_KAFKA_SASL_PASSWORD_FILE"] == f"/run/secrets/kafka_{name}_password", name
        users.add(service_env["PARLEY_KAFKA_SASL_USERNAME"])
    assert len(users) == len([n for n in SERVICES if "kafka" in NEEDS[n]]), f"one principal each: {users}"
    granted = {grant.name for grant in GRANTS}
    for name in SERVICES:
        if "kafka" in NEEDS[name]:
            assert name in granted, f"kafka-setup grants {name} nothing"
    setup = services["kafka-setup"]
    assert setup["command"][:2] == ["topics", "setup"] and setup["network_mode"] == "service:kafka"
    assert set(setup["secrets"]) == {f"kafka_{name}_password" for name in granted}


def test_every_variable_is_documented_in_env_example() -> None:
    used = set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)", COMPOSE.read_text()))
    documented = {
        line.split("=", 1)[0].strip()
        for line in ENV_EXAMPLE.read_text().splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    }
    assert used - documented == set(), "variables missing from .env.example"


def test_docker_compose_accepts_the_file() -> None:
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.fail("docker-compose is not installed; run deploy/local/setup-system.sh")
    result = subprocess.run(
        [binary, "-f", str(COMPOSE), "--env-file", str(ENV_EXAMPLE), "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# --- Dockerfiles ------------------------------------------------------------------------------


def dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", path.read_text())
    instructions = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            instructions.append((keyword.upper(), rest.strip()))
    return instructions


def test_dockerfile() -> None:
    instructions = dockerfile_instructions(ROOT / "Dockerfile")
    by_keyword: dict[str, list[str]] = {}
    for keyword, rest in instructions:
        by_keyword.setdefault(keyword, []).append(rest)

    # The base image is a build argument whose default is the official Python image, pinned.
    args = dict(rest.split("=", 1) for keyword, rest in instructions if keyword == "ARG" and "=" in rest)
    default = args.get("PYTHON_IMAGE", "")
    assert default.startswith("python:3.11"), f"ARG PYTHON_IMAGE={default!r}"
    match = PINNED_IMAGE.match(default)
    assert match and match["tag"] != "latest", f"PYTHON_IMAGE {default} is not pinned"
    froms = by_keyword["FROM"]
    assert len(froms) >= 2, "multi-stage: build, then a runtime stage without the build tools"
    assert all(line.split()[0] == "${PYTHON_IMAGE}" for line in froms), froms

    # Only what requirements.lock pins gets installed, and the build checks it.
    runs = " ".join(by_keyword["RUN"])
    assert "-c requirements.lock" in runs and "locked_only.py requirements.lock" in runs

    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    users = [rest for keyword, rest in instructions[last_from:] if keyword == "USER"]
    assert users, "the final stage must switch to a non-root USER"
    assert users[-1].split(":")[0] not in ("root", "0"), f"USER {users[-1]}"
    exposed = " ".join(by_keyword.get("EXPOSE", [])).split()
    assert {str(port) for port in PORTS.values()} <= set(exposed), exposed
    assert by_keyword.get("ENTRYPOINT") == ['["parley"]']


def test_dockerignore_keeps_local_files_out_of_the_images() -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert patterns[0] == "*", "the context is an allow-list: everything is excluded first"
    allowed = {p[1:].rstrip("/") for p in patterns if p.startswith("!")}
    assert {".env", ".venv", ".local", ".git"}.isdisjoint(allowed)
    assert {"pyproject.toml", "requirements.lock", "services", "shared"} <= allowed


# --- Prometheus ---------------------------------------------------------------------------------


def promtool_check(path: Path) -> None:
    binary = shutil.which("promtool")
    if binary is None:
        pytest.fail("promtool is not installed; run deploy/local/setup-system.sh (Debian package prometheus)")
    result = subprocess.run(
        [binary, "check", "config", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def scrape_jobs(path: Path) -> dict[str, dict[str, Any]]:
    config = yaml.safe_load(path.read_text())
    return {job["job_name"]: job for job in config["scrape_configs"]}


def test_prometheus_compose_config_discovers_every_replica() -> None:
    path = PROMETHEUS_DIR / "prometheus.yml"
    promtool_check(path)
    jobs = scrape_jobs(path)
    for name in SERVICES:
        sd = jobs[name].get("dns_sd_configs")
        assert sd, f"{name}: scrape through dns_sd_configs so every replica is found"
        assert sd[0]["names"] == [name] and sd[0]["type"] == "A" and sd[0]["port"] == PORTS[name]


def test_prometheus_local_config_scrapes_the_standard_ports() -> None:
    path = PROMETHEUS_DIR / "prometheus.local.yml"
    promtool_check(path)
    jobs = scrape_jobs(path)
    for name in SERVICES:
        targets = [t for sc in jobs[name]["static_configs"] for t in sc["targets"]]
        assert targets == [f"127.0.0.1:{PORTS[name]}"], name
