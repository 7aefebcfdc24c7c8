"""Typed settings, read once from `PARLEY_*` environment variables.

Each service builds one settings object at start (see `load_settings`) and passes it down.
Sections map to variable prefixes: `PARLEY_KAFKA_BOOTSTRAP_SERVERS` is `kafka.bootstrap_servers`,
`PARLEY_ES_URL` is `es.url`, `PARLEY_LOG_LEVEL` is `log.level`.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar, get_args
from urllib.parse import quote

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from parley.shared.errors import ConfigError
from parley.shared.netguard import PrivateAllowlist

NAMESPACE_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,39}$")

# The local servers' own variables (deploy/local/infra.py) under their names before they moved
# to `PARLEY_LOCAL_…`. They fall under the `kafka`/`es` sections without being settings of any
# service, so a service ignores exactly these (with a warning) rather than refusing to start; any
# other unknown key in a section is still refused, because that is how typos are caught.
LEGACY_LOCAL_SERVER_VARIABLES: dict[str, str] = {
    "PARLEY_KAFKA_PORT": "PARLEY_LOCAL_KAFKA_PORT",
    "PARLEY_KAFKA_CONTROLLER_PORT": "PARLEY_LOCAL_KAFKA_CONTROLLER_PORT",
    "PARLEY_KAFKA_HEAP": "PARLEY_LOCAL_KAFKA_HEAP",
    "PARLEY_ES_HTTP_PORT": "PARLEY_LOCAL_ES_HTTP_PORT",
    "PARLEY_ES_TRANSPORT_PORT": "PARLEY_LOCAL_ES_TRANSPORT_PORT",
}


class LocalServerVariableIgnored(FutureWarning):
    """A deprecated local-server variable was found in a service's environment and ignored."""


class SettingRenamed(FutureWarning):
    """A setting was given under its old name: it still works, for one release."""


class PrivateAllowlistSection(BaseModel):
    """A settings section of a caller of the network guard (`shared/netguard.py`): the non-public
    destinations it may still reach, networks and host names (`PARLEY_<SECTION>_PRIVATE_ALLOWLIST`,
    empty by default). Its old `allow_private_…` boolean still works for one release, with a
    warning: true becomes an allow-list of every address (what it meant)."""

    renamed_from: ClassVar[tuple[str, str]] = ("", "")  # (section, old key)

    private_allowlist: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _old_allow_private(cls, data: Any) -> Any:
        section, old = cls.renamed_from
        if not isinstance(data, dict) or not old or old not in data:
            return data
        data = dict(data)
        value = data.pop(old)
        new = f"PARLEY_{section.upper()}_PRIVATE_ALLOWLIST"
        warnings.warn(
            f"PARLEY_{section.upper()}_{old.upper()} is deprecated and will be removed; use {new} "
            '(a JSON list of networks and host names, e.g. ["10.0.0.0/8", "webhook-sink"])',
            SettingRenamed,
            stacklevel=2,
        )
        if str(value).strip().lower() in ("1", "true", "yes", "on") and "private_allowlist" not in data:
            data["private_allowlist"] = ["0.0.0.0/0", "::/0"]
        return data

    @field_validator("private_allowlist")
    @classmethod
    def _allowlist(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        PrivateAllowlist.parse(value)  # a ValueError names the entry
        return value

    @property
    def allowlist(self) -> PrivateAllowlist:
        return PrivateAllowlist.parse(self.private_allowlist)


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KafkaSettings(_Section):
    bootstrap_servers: str = "127.0.0.1:9092"
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None
    replication_factor: int = Field(default=1, ge=1, le=7)

    @field_validator("bootstrap_servers")
    @classmethod
    def _hosts_have_ports(cls, value: str) -> str:
        hosts = [h.strip() for h in value.split(",") if h.strip()]
        if not hosts or any(not re.fullmatch(r"[^\s:/]+:\d{1,5}", h) for h in hosts):
            raise ValueError("expected host:port[,host:port...]")
        return ",".join(hosts)

    @property
    def hosts(self) -> list[str]:
        return self.bootstrap_servers.split(",")


class ElasticsearchSettings(_Section):
    url: str = "http://127.0.0.1:9200"
    username: str | None = None
    password: SecretStr | None = None
    api_key: SecretStr | None = None
    ca_certs: Path | None = None
    verify_certs: bool = True
    request_timeout: float = Field(default=30.0, gt=0)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        urls = [u.strip() for u in value.split(",") if u.strip()]
        if not urls or any(not re.fullmatch(r"https?://[^\s/]+(/.*)?", u) for u in urls):
            raise ValueError("expected http(s)://host:port[,...]")
        return ",".join(urls)

    @property
    def hosts(self) -> list[str]:
        return self.url.split(",")


class LogSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    format: Literal["json", "console"] = "json"


class DeskLinkSettings(_Section):
    """Where Parley Desk is reachable from outside (`PARLEY_DESK_PUBLIC_URL`): alerts link to the
    event's page and calendar subscriptions are printed under it. Unset, no link is made."""

    public_url: str | None = None

    @field_validator("public_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        url = value.strip().rstrip("/")
        if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
            raise ValueError("expected an http(s) base URL such as https://parley.example.org")
        return url

    def talks_page(self, talks_id: str) -> str | None:
        """The Desk page of one talks event, or None without a public URL."""
        return f"{self.public_url}/desk/talks/{quote(talks_id, safe='')}" if self.public_url else None


class WorkerSettings(_Section):
    # A stream worker holding partitions with messages waiting that commits none of them for
    # this long leaves (exits) to be restarted (`shared.stalled_worker`); 0 never.
    stall_exit_s: float = Field(default=90.0, ge=0)


class HttpSettings(_Section):
    """The service's own HTTP port: /healthz, /readyz, /metrics and its API if it has one."""

    host: str = "127.0.0.1"
    port: int | None = Field(default=None, ge=0, le=65535)


class ParleySettings(BaseSettings):
    """Settings every service shares; services subclass it and add a section of their own."""

    model_config = SettingsConfigDict(
        env_prefix="PARLEY_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        extra="ignore",
        frozen=True,
    )

    namespace: str = "parley"
    kafka: KafkaSettings = KafkaSettings()
    es: ElasticsearchSettings = ElasticsearchSettings()
    log: LogSettings = LogSettings()
    http: HttpSettings = HttpSettings()
    worker: WorkerSettings = WorkerSettings()
    # Where the service keeps local working files (faust's `<app id>-data` folder); relative
    # paths are taken from the working directory, as in the Docker images (/var/lib/parley).
    data_dir: Path = Path(".")

    @model_validator(mode="before")
    @classmethod
    def _ignore_local_server_variables(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for old, new in LEGACY_LOCAL_SERVER_VARIABLES.items():
            section, key = old.removeprefix("PARLEY_").lower().split("_", 1)
            values = data.get(section)
            if isinstance(values, dict) and key in values:
                data[section] = {k: v for k, v in values.items() if k != key}
                warnings.warn(
                    f"{old} is a setting of the local servers (deploy/local/infra.py), not of "
                    f"the services: ignored; it is deprecated, use {new}",
                    LocalServerVariableIgnored,
                    stacklevel=2,
                )
        return data

    @model_validator(mode="before")
    @classmethod
    def _read_value_files(cls, data: Any) -> Any:
        """`PARLEY_<SECTION>_<KEY>_FILE=/path` gives `<KEY>` the file's content: the way Docker
        secrets reach a service, so a password never sits in its environment or command line."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for section, values in data.items():
            field = cls.model_fields.get(section)
            model = field.annotation if field is not None else None
            if not (isinstance(values, dict) and isinstance(model, type) and issubclass(model, BaseModel)):
                continue
            data[section] = _with_file_values(section, dict(values), model)
        return data

    @field_validator("namespace")
    @classmethod
    def _namespace_is_a_name(cls, value: str) -> str:
        if not NAMESPACE_PATTERN.fullmatch(value):
            raise ValueError("lowercase letters, digits and '-', starting with a letter, at most 40")
        return value

    def http_port(self, default: int) -> int:
        return self.http.port if self.http.port is not None else default


def _with_file_values(section: str, values: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    fields = model.model_fields
    for key in [
        k for k in values if k.endswith("_file") and k not in fields and k[: -len("_file")] in fields
    ]:
        target = key[: -len("_file")]
        name = f"PARLEY_{section}_{key}".upper()
        if target in values:
            raise ValueError(f"{name} and {name[: -len('_FILE')]} are both set; set one")
        try:
            text = Path(str(values.pop(key))).read_text().rstrip("\r\n")
        except OSError as exc:
            raise ValueError(f"{name}: cannot read {exc.filename}: {exc.strerror}") from None
        # A structured setting (PARLEY_ALERTING_WEBHOOKS) is JSON in the file, as in the variable.
        values[target] = (
            json.loads(text) if text[:1] in "[{" and not _is_text(fields[target].annotation) else text
        )
    return values


def _is_text(annotation: Any) -> bool:
    members = get_args(annotation) or (annotation,)
    return any(m in (str, SecretStr, Path) for m in members)


S = TypeVar("S", bound=ParleySettings)


def env_name(loc: tuple[int | str, ...]) -> str:
    """`('kafka', 'bootstrap_servers')` -> `PARLEY_KAFKA_BOOTSTRAP_SERVERS`."""
    parts = [str(p) for p in loc if not isinstance(p, int)]
    return "PARLEY_" + "_".join(parts).upper()


def load_settings(cls: type[S], **overrides: object) -> S:
    """Build settings from the environment, or raise ConfigError naming every bad key."""
    try:
        return cls(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = [f"{env_name(err['loc'])}: {err['msg']}" for err in exc.errors()]
        raise ConfigError(problems) from None
