"""The local servers' variables (deploy/local/infra.py) never stop a service from starting."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from parley.services.alerting.settings import AlertingSettings
from parley.services.enrichment.settings import EnrichmentSettings
from parley.services.indexer.settings import IndexerSettings
from parley.services.ingest.settings import IngestSettings
from parley.services.search.settings import SearchSettings
from parley.shared.errors import ConfigError
from parley.shared.settings import (
    LEGACY_LOCAL_SERVER_VARIABLES,
    LocalServerVariableIgnored,
    ParleySettings,
    load_settings,
)

REPO = Path(__file__).resolve().parents[3]
# alerting and dispatcher share AlertingSettings
SERVICE_SETTINGS: list[type[ParleySettings]] = [
    IngestSettings,
    EnrichmentSettings,
    IndexerSettings,
    AlertingSettings,
    SearchSettings,
]
VALUES = {
    "PARLEY_LOCAL_KAFKA_PORT": "19092",
    "PARLEY_LOCAL_KAFKA_CONTROLLER_PORT": "19093",
    "PARLEY_LOCAL_KAFKA_HEAP": "768m",
    "PARLEY_LOCAL_ES_HTTP_PORT": "19200",
    "PARLEY_LOCAL_ES_TRANSPORT_PORT": "19300",
}


def _infra_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parley_infra", REPO / "deploy" / "local" / "infra.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_services_know_every_former_name_infra_py_accepts() -> None:
    former_by_new = _infra_module().DEPRECATED_NAMES
    assert set(VALUES) == set(former_by_new)
    assert {old: new for new, old in former_by_new.items()} == LEGACY_LOCAL_SERVER_VARIABLES


@pytest.mark.parametrize("cls", SERVICE_SETTINGS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("variable", sorted(VALUES))
def test_every_service_loads_with_a_local_variable(
    cls: type[ParleySettings], variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, VALUES[variable])
    settings = load_settings(cls)
    assert settings.kafka.bootstrap_servers == "127.0.0.1:9092"  # the services' own setting is untouched


@pytest.mark.parametrize("cls", SERVICE_SETTINGS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("former", sorted(LEGACY_LOCAL_SERVER_VARIABLES))
def test_every_service_loads_with_a_former_name_and_warns(
    cls: type[ParleySettings], former: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(former, VALUES[LEGACY_LOCAL_SERVER_VARIABLES[former]])
    with pytest.warns(LocalServerVariableIgnored, match=LEGACY_LOCAL_SERVER_VARIABLES[former]):
        settings = load_settings(cls)
    assert settings.es.url == "http://127.0.0.1:9200"


@pytest.mark.parametrize("cls", SERVICE_SETTINGS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("typo", ["PARLEY_KAFKA_BOOTSTRAP_SERVER", "PARLEY_ES_URLS", "PARLEY_KAFKA_PORTS"])
def test_a_typo_in_a_section_is_still_refused(
    cls: type[ParleySettings], typo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARLEY_KAFKA_PORT", "19092")  # an ignored name does not hide the typo
    monkeypatch.setenv(typo, "127.0.0.1:9092")
    with pytest.warns(LocalServerVariableIgnored), pytest.raises(ConfigError) as caught:
        load_settings(cls)
    assert any(problem.startswith(typo + ":") for problem in caught.value.problems)


def test_a_service_prints_one_plain_warning_line_and_starts() -> None:
    code = (
        "from parley.shared.runtime import settings_or_exit\n"
        "from parley.services.indexer.settings import IndexerSettings\n"
        "print(settings_or_exit(IndexerSettings).namespace)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", "PARLEY_ES_HTTP_PORT": "19200"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "parley"
    assert result.stderr.splitlines() == [
        "parley: warning: PARLEY_ES_HTTP_PORT is a setting of the local servers "
        "(deploy/local/infra.py), not of the services: ignored; it is deprecated, "
        "use PARLEY_LOCAL_ES_HTTP_PORT"
    ]
