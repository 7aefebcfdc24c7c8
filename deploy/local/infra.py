#!/usr/bin/env python3
"""Local Kafka (KRaft) and Elasticsearch for development and tests, without Docker.

    python3 deploy/local/infra.py up     [--only kafka|elasticsearch]
    python3 deploy/local/infra.py down   [--only kafka|elasticsearch]
    python3 deploy/local/infra.py status [--only kafka|elasticsearch]

Both servers run from jars that Maven fetches from Maven Central (cached in ~/.m2) and are
started with `java -cp`, bound to 127.0.0.1 only. All runtime state lives under one folder,
`<repo>/.local/` by default (git-ignored, removed by `make clean`):

    .local/kafka/{lib,data,logs,server.properties,kafka.pid}
    .local/elasticsearch/{lib,home,es.pid,console.log}

`up` is idempotent: a server whose pid file names a live process that answers on its port is
left alone. A port held by anything else is an error that names the port and, where it can be
found, the process holding it; in that case nothing is built or started.

Environment:
    PARLEY_LOCAL_DIR                   runtime folder (default <repo>/.local)
    JAVA                               java executable (default `java`; Java 17 or newer)
    MVN                                maven executable (default `mvn`)
    PARLEY_LOCAL_KAFKA_PORT            Kafka client listener (default 9092)
    PARLEY_LOCAL_KAFKA_CONTROLLER_PORT KRaft controller listener (default 9093)
    PARLEY_LOCAL_KAFKA_HEAP            Kafka's Java heap (default 1536m)
    PARLEY_LOCAL_ES_HTTP_PORT          Elasticsearch HTTP (default 9200)
    PARLEY_LOCAL_ES_TRANSPORT_PORT     Elasticsearch transport (default 9300)
    PARLEY_INFRA_TIMEOUT               seconds to wait for each server to become healthy (default 120)

The former names (PARLEY_KAFKA_PORT, PARLEY_KAFKA_CONTROLLER_PORT, PARLEY_KAFKA_HEAP,
PARLEY_ES_HTTP_PORT, PARLEY_ES_TRANSPORT_PORT) still work, with a warning, until the next release.

Exit codes: 0 success; 1 failure (build, start-up, health); 2 port conflict or usage error;
3 `status` found a server not running.

Standard library only: it runs before the project's virtualenv exists.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import errno
import hashlib
import os
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
KAFKA_SRC = HERE / "kafka"
ES_SRC = HERE / "elasticsearch"

HOST = "127.0.0.1"
LOG_TAIL_LINES = 40
STOP_TIMEOUT_S = 60.0

EXIT_FAILURE = 1
EXIT_CONFLICT = 2
EXIT_NOT_RUNNING = 3


class InfraError(Exception):
    """A failure to report to the user, with the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


# The local servers' variables before they moved under PARLEY_LOCAL_: the old names fell under
# the services' `kafka`/`es` settings sections, where the services refused them as unknown keys.
DEPRECATED_NAMES = {
    "PARLEY_LOCAL_KAFKA_PORT": "PARLEY_KAFKA_PORT",
    "PARLEY_LOCAL_KAFKA_CONTROLLER_PORT": "PARLEY_KAFKA_CONTROLLER_PORT",
    "PARLEY_LOCAL_KAFKA_HEAP": "PARLEY_KAFKA_HEAP",
    "PARLEY_LOCAL_ES_HTTP_PORT": "PARLEY_ES_HTTP_PORT",
    "PARLEY_LOCAL_ES_TRANSPORT_PORT": "PARLEY_ES_TRANSPORT_PORT",
}
_warned: set[str] = set()


def env_value(name: str) -> tuple[str, str]:
    """(the name the value came from, the value) for `name`, or its deprecated name (warned once)."""
    raw = os.environ.get(name, "").strip()
    old = DEPRECATED_NAMES.get(name)
    if raw or not old or not os.environ.get(old, "").strip():
        return name, raw
    if old not in _warned:
        _warned.add(old)
        print(f"warning: {old} is deprecated and will be removed; use {name}", file=sys.stderr, flush=True)
    return old, os.environ[old].strip()


def env_int(name: str, default: int) -> int:
    name, raw = env_value(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise InfraError(f"{name}={raw!r} is not an integer", EXIT_CONFLICT) from exc


def local_dir() -> Path:
    raw = os.environ.get("PARLEY_LOCAL_DIR", "").strip()
    return Path(raw).expanduser().resolve() if raw else REPO / ".local"


def say(message: str) -> None:
    print(message, flush=True)


# --------------------------------------------------------------------------------------------
# Processes and ports
# --------------------------------------------------------------------------------------------


def read_cmdline(pid: int) -> list[str] | None:
    """The argv of a live (non-zombie) process, or None when it does not exist."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        if not Path("/proc/self").exists():  # no procfs (macOS): fall back to ps
            return _ps_cmdline(pid)
        return None
    if not raw:  # zombies and kernel threads have an empty cmdline
        return None
    return [part.decode(errors="replace") for part in raw.rstrip(b"\0").split(b"\0")]


def _ps_cmdline(pid: int) -> list[str] | None:
    try:
        out = subprocess.run(
            ["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        return None
    return shlex.split(out) if out else None


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return read_cmdline(pid) is not None


def describe_pid(pid: int) -> str:
    argv = read_cmdline(pid)
    if not argv:
        return f"pid {pid}"
    text = " ".join(argv)
    if len(text) > 160:
        text = text[:157] + "..."
    return f"pid {pid}: {text}"


def port_answers(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=timeout):
            return True
    except OSError:
        return False


def port_bindable(port: int) -> bool:
    """Whether a server could listen on HOST:port now (SO_REUSEADDR, as Java servers do)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def port_owners(port: int) -> list[int]:
    """Pids of the processes listening on a TCP port (best effort; empty when unknown)."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            if len(cols) < 10 or cols[3] != "0A":  # 0A = LISTEN
                continue
            if int(cols[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(cols[9])
    pids: set[int] = set()
    if inodes:
        wanted = {f"socket:[{inode}]" for inode in inodes}
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                for fd in (proc / "fd").iterdir():
                    with contextlib.suppress(OSError):
                        if os.readlink(fd) in wanted:
                            pids.add(int(proc.name))
                            break
    if not pids and shutil.which("lsof"):
        out = subprocess.run(
            ["lsof", "-nP", f"-iTCP:{port}", "-sTCP:LISTEN", "-t"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        pids.update(int(tok) for tok in out.split() if tok.isdigit())
    return sorted(pids)


def port_conflict_message(server: str, port: int, role: str, state: str = "already in use") -> str:
    owners = port_owners(port)
    if owners:
        who = "; ".join(describe_pid(pid) for pid in owners)
    else:
        who = "owner not found (another user's process, or not visible from here)"
    return f"{server}: port {port} ({role}) on {HOST} is {state} by {who}"


def tail(path: Path, lines: int = LOG_TAIL_LINES, start: int = 0) -> list[str]:
    try:
        with path.open("rb") as fh:
            size = fh.seek(0, os.SEEK_END)
            fh.seek(start if 0 <= start <= size else 0)
            data = fh.read()
    except OSError:
        return []
    return data.decode(errors="replace").splitlines()[-lines:]


# --------------------------------------------------------------------------------------------
# Servers
# --------------------------------------------------------------------------------------------


@dataclass
class Server:
    """Everything common to the two servers; subclasses supply the specifics."""

    name: str
    src: Path  # deploy/local/<name>: the pom (and sources) that produce lib/
    home: Path  # .local/<name>
    pid_file: Path
    main_class: str
    ports: list[tuple[int, str]]  # (port, role); the first one is the one clients use
    java: str = field(default_factory=lambda: os.environ.get("JAVA", "java"))

    @property
    def port(self) -> int:
        return self.ports[0][0]

    @property
    def lib(self) -> Path:
        return self.home / "lib"

    # -- identity -----------------------------------------------------------------------------

    def identity(self) -> list[str]:
        """Arguments that only this server, started from this runtime folder, has on its command line."""
        raise NotImplementedError

    def is_ours(self, pid: int) -> bool:
        """Whether pid is this server as infra.py starts it (not a reused pid, not another copy)."""
        argv = read_cmdline(pid)
        return argv is not None and all(token in argv for token in self.identity())

    def find_pid(self) -> int | None:
        """The pid of this server: from the pid file, else by scanning for its command line."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            pid = 0
        if pid and pid_alive(pid) and self.is_ours(pid):
            return pid
        if self.pid_file.exists():
            self.pid_file.unlink(missing_ok=True)  # stale
        proc = Path("/proc")
        if proc.is_dir():
            for entry in proc.iterdir():
                if entry.name.isdigit() and int(entry.name) != os.getpid() and self.is_ours(int(entry.name)):
                    found = int(entry.name)
                    with contextlib.suppress(OSError):  # the runtime folder may have been removed
                        self.pid_file.write_text(f"{found}\n")
                    return found
        return None

    def healthy(self) -> bool:
        raise NotImplementedError

    # -- build ----------------------------------------------------------------------------------

    def build_inputs(self) -> list[Path]:
        files = [self.src / "pom.xml"]
        src_dir = self.src / "src"
        if src_dir.is_dir():
            files += sorted(p for p in src_dir.rglob("*") if p.is_file())
        return files

    def build_hash(self) -> str:
        digest = hashlib.sha256()
        for path in self.build_inputs():
            digest.update(str(path.relative_to(self.src)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        return digest.hexdigest()

    def ensure_lib(self) -> None:
        """Fill lib/ with Maven, unless the stamp says it already holds this pom's jars."""
        pom = self.src / "pom.xml"
        if not pom.is_file():
            raise InfraError(f"{self.name}: {pom.relative_to(REPO)} not found; cannot build the server jars")
        stamp = self.lib / ".complete"
        wanted = f"sha256={self.build_hash()}\n"
        if stamp.is_file() and stamp.read_text() == wanted and any(self.lib.glob("*.jar")):
            return
        mvn = os.environ.get("MVN", "mvn")
        if not shutil.which(mvn):
            raise InfraError(
                f"{self.name}: Maven ({mvn!r}) not found on PATH; install it (apt-get install maven)"
            )
        if self.lib.exists():
            shutil.rmtree(self.lib)  # no stale jars from an older version on the classpath
        cmd = [mvn, "-B", "-q", "-f", str(pom), f"-Dparley.out={self.home}", "package"]
        say(f"{self.name}: fetching and assembling jars with Maven (cached in ~/.m2 after the first run)")
        started = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
        if proc.returncode != 0 or not any(self.lib.glob("*.jar")):
            output = (proc.stdout + proc.stderr).strip().splitlines()[-LOG_TAIL_LINES:]
            detail = "\n".join(output) or f"(no output; nothing in {self.lib})"
            raise InfraError(f"{self.name}: Maven build failed ({shlex.join(cmd)}):\n{detail}")
        stamp.write_text(wanted)
        say(f"{self.name}: jars ready in {self.lib} ({time.monotonic() - started:.1f} s)")

    # -- start ----------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Per-start preparation after the jars exist (configuration files, storage)."""

    def command(self) -> list[str]:
        raise NotImplementedError

    @property
    def console_log(self) -> Path:
        raise NotImplementedError

    def log_files(self) -> list[Path]:
        """Logs shown when start-up fails, most useful first."""
        return [self.console_log]

    def start(self, timeout: float) -> None:
        started = time.monotonic()
        if not shutil.which(self.java):
            raise InfraError(f"{self.name}: Java ({self.java!r}) not found; install Java 17+ or set JAVA")
        self.ensure_lib()
        self.prepare()
        self.console_log.parent.mkdir(parents=True, exist_ok=True)
        if self.console_log.exists() and self.console_log.stat().st_size:
            self.console_log.replace(self.console_log.with_name(self.console_log.name + ".1"))
        marks = {path: path.stat().st_size if path.exists() else 0 for path in self.log_files()}
        cmd = self.command()
        with self.console_log.open("ab") as console:
            proc = subprocess.Popen(
                cmd,
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # own process group: `down` signals the whole group
                close_fds=True,
            )
        self.pid_file.write_text(f"{proc.pid}\n")
        say(f"{self.name}: starting (pid {proc.pid}), waiting up to {timeout:.0f} s for it to be healthy")
        deadline = time.monotonic() + timeout
        while True:
            code = proc.poll()
            if code is not None:
                self.pid_file.unlink(missing_ok=True)
                raise InfraError(
                    f"{self.name}: exited with code {code} during start-up\n{self.log_report(marks)}"
                )
            if self.started_marker_seen(marks) and self.healthy():
                break
            if time.monotonic() > deadline:
                report = self.log_report(marks)
                self.stop_pid(proc.pid, quiet=True)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=5)
                self.pid_file.unlink(missing_ok=True)
                raise InfraError(f"{self.name}: not healthy after {timeout:.0f} s; stopped it\n{report}")
            time.sleep(0.25)
        elapsed = time.monotonic() - started
        say(f"{self.name}: started in {elapsed:.1f} s (pid {proc.pid}, port {self.port})")

    def started_marker_seen(self, marks: dict[Path, int]) -> bool:
        raise NotImplementedError

    def log_report(self, marks: dict[Path, int]) -> str:
        parts = []
        for path in self.log_files():
            lines = tail(path, LOG_TAIL_LINES, marks.get(path, 0))
            if lines:
                parts.append(f"--- last {len(lines)} lines of {path} ---\n" + "\n".join(lines))
        return "\n".join(parts) or "(no log output)"

    # -- stop -----------------------------------------------------------------------------------

    def stop_pid(self, pid: int, quiet: bool = False) -> bool:
        """SIGTERM the process group, wait, then SIGKILL. True when the process is gone."""

        def signal_group(sig: signal.Signals) -> None:
            try:
                os.killpg(pid, sig)
            except ProcessLookupError:
                pass
            except PermissionError:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)

        started = time.monotonic()
        signal_group(signal.SIGTERM)
        deadline = started + STOP_TIMEOUT_S
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if pid_alive(pid):
            if not quiet:
                say(f"{self.name}: still running after {STOP_TIMEOUT_S:.0f} s, sending SIGKILL")
            signal_group(signal.SIGKILL)
            kill_deadline = time.monotonic() + 10
            while pid_alive(pid) and time.monotonic() < kill_deadline:
                time.sleep(0.1)
        gone = not pid_alive(pid)
        if gone and not quiet:
            say(f"{self.name}: stopped (pid {pid}, {time.monotonic() - started:.1f} s)")
        return gone


class Kafka(Server):
    def __init__(self, root: Path) -> None:
        home = root / "kafka"
        super().__init__(
            name="kafka",
            src=KAFKA_SRC,
            home=home,
            pid_file=home / "kafka.pid",
            main_class="kafka.Kafka",
            ports=[
                (env_int("PARLEY_LOCAL_KAFKA_PORT", 9092), "client listener"),
                (env_int("PARLEY_LOCAL_KAFKA_CONTROLLER_PORT", 9093), "KRaft controller listener"),
            ],
        )

    @property
    def controller_port(self) -> int:
        return self.ports[1][0]

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def properties(self) -> Path:
        return self.home / "server.properties"

    @property
    def server_log(self) -> Path:
        return self.logs / "server.log"

    @property
    def console_log(self) -> Path:
        return self.logs / "console.log"

    def log_files(self) -> list[Path]:
        return [self.server_log, self.console_log]

    def java_base(self, heap: str) -> list[str]:
        return [
            self.java,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={KAFKA_SRC / 'log4j2.xml'}",
            f"-Dkafka.logs.dir={self.logs}",
            "-cp",
            f"{self.lib}/*",
        ]

    def server_properties(self) -> str:
        port, cport = self.port, self.controller_port
        return "\n".join(
            [
                "# Written by deploy/local/infra.py on every start; edits here are overwritten.",
                "# One combined broker + controller (KRaft) on loopback.",
                "process.roles=broker,controller",
                "node.id=1",
                f"controller.quorum.bootstrap.servers={HOST}:{cport}",
                f"listeners=PLAINTEXT://{HOST}:{port},CONTROLLER://{HOST}:{cport}",
                f"advertised.listeners=PLAINTEXT://{HOST}:{port},CONTROLLER://{HOST}:{cport}",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                f"log.dirs={self.data}",
                "num.partitions=1",
                # A single broker: internal topics must not ask for the default replication factor
                # of 3, or __consumer_offsets is never created and consumer groups hang.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                # Topics are created on purpose (`parley topics create`), never by a typo.
                "auto.create.topics.enable=false",
                "",
            ]
        )

    def prepare(self) -> None:
        for folder in (self.data, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        self.properties.write_text(self.server_properties())
        # The KRaft bootstrap written by `format --standalone` records the controller endpoint;
        # storage formatted for another controller port cannot start, so it is formatted again.
        format_stamp = self.home / "formatted-for"
        wanted = f"controller={HOST}:{self.controller_port}\n"
        if (self.data / "meta.properties").is_file():
            if format_stamp.is_file() and format_stamp.read_text() == wanted:
                return
            say(f"{self.name}: storage was formatted for another controller endpoint; formatting it again")
            shutil.rmtree(self.data)
            self.data.mkdir(parents=True)
        cluster_id = new_cluster_id()
        cmd = [
            *self.java_base("256m"),
            "kafka.tools.StorageTool",
            "format",
            "--standalone",
            "-t",
            cluster_id,
            "-c",
            str(self.properties),
        ]
        proc = subprocess.run(
            cmd, cwd=self.home, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
        )
        if proc.returncode != 0:
            detail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-LOG_TAIL_LINES:])
            raise InfraError(f"{self.name}: formatting storage failed:\n{detail}")
        format_stamp.write_text(wanted)
        say(f"{self.name}: formatted storage in {self.data} (cluster id {cluster_id})")

    def identity(self) -> list[str]:
        return [self.main_class, str(self.properties)]

    def command(self) -> list[str]:
        # Every test and demo namespace adds topics; partition metadata lives on the heap, and
        # 512 MB ran out after a few thousand partitions.
        return [
            *self.java_base(env_value("PARLEY_LOCAL_KAFKA_HEAP")[1] or "1536m"),
            self.main_class,
            str(self.properties),
        ]

    def started_marker_seen(self, marks: dict[Path, int]) -> bool:
        return any(
            "Kafka Server started" in line for line in tail(self.server_log, 10**9, marks[self.server_log])
        )

    def healthy(self) -> bool:
        return kafka_api_versions(self.port)


class Elasticsearch(Server):
    def __init__(self, root: Path) -> None:
        home = root / "elasticsearch"
        super().__init__(
            name="elasticsearch",
            src=ES_SRC,
            home=home,
            pid_file=home / "es.pid",
            main_class="org.elasticsearch.node.ParleyLocalNode",
            ports=[
                (env_int("PARLEY_LOCAL_ES_HTTP_PORT", 9200), "HTTP"),
                (env_int("PARLEY_LOCAL_ES_TRANSPORT_PORT", 9300), "transport"),
            ],
        )

    @property
    def console_log(self) -> Path:
        return self.home / "console.log"

    def jvm_options(self) -> list[str]:
        path = self.src / "jvm.options"
        if not path.is_file():
            return []
        lines = (line.strip() for line in path.read_text().splitlines())
        return [line for line in lines if line and not line.startswith("#")]

    @property
    def es_home(self) -> Path:
        return self.home / "home"

    def identity(self) -> list[str]:
        return [self.main_class, str(self.es_home)]

    def prepare(self) -> None:
        self.es_home.mkdir(parents=True, exist_ok=True)

    def command(self) -> list[str]:
        return [
            self.java,
            "-Xms512m",
            "-Xmx1g",
            *self.jvm_options(),
            "-cp",
            f"{self.lib}/*",
            self.main_class,
            "--home",
            str(self.es_home),
            "--http-port",
            str(self.port),
            "--transport-port",
            str(self.ports[1][0]),
            "--cluster-name",
            "parley-local",
        ]

    def started_marker_seen(self, marks: dict[Path, int]) -> bool:
        return any(
            "PARLEY_ES_STARTED" in line for line in tail(self.console_log, 10**9, marks[self.console_log])
        )

    def healthy(self) -> bool:
        url = f"http://{HOST}:{self.port}/_cluster/health?wait_for_status=yellow&timeout=1s"
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return bool(resp.status == 200)
        except (urllib.error.URLError, OSError):
            return False


def new_cluster_id() -> str:
    """A KRaft cluster id: 22 characters of URL-safe base64 of a random UUID, not starting with '-'."""
    while True:
        cid = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cid.startswith("-"):
            return cid


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    buf = bytearray()
    while len(buf) < size:
        chunk = sock.recv(size - len(buf))
        if not chunk:
            raise ConnectionError("connection closed mid-response")
        buf += chunk
    return bytes(buf)


def kafka_api_versions(port: int, timeout: float = 2.0) -> bool:
    """Ask the broker for its API versions over the raw Kafka protocol (ApiVersions v0).

    A broker that answers this without error is accepting client requests, not merely holding
    the socket open.
    """
    client_id = b"parley-infra"
    correlation_id = 0x5A17
    body = struct.pack(">hhih", 18, 0, correlation_id, len(client_id)) + client_id
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            sock.sendall(struct.pack(">i", len(body)) + body)
            (size,) = struct.unpack(">i", _recv_exact(sock, 4))
            if not 10 <= size <= 1 << 20:  # not a Kafka response
                return False
            payload = _recv_exact(sock, size)
    except (OSError, struct.error):
        return False
    got_id, error_code, api_count = struct.unpack(">ihi", payload[:10])
    return bool(got_id == correlation_id and error_code == 0 and api_count > 0)


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def infra_lock(root: Path) -> Iterator[None]:
    """Serialise concurrent `up`/`down` runs on the same runtime folder."""
    root.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    with (root / "infra.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def cmd_up(servers: list[Server], timeout: float) -> int:
    # Decide for every server before touching anything, so a conflict starts nothing.
    to_start: list[Server] = []
    conflicts: list[str] = []
    for server in servers:
        pid = server.find_pid()
        if pid is not None:
            if port_answers(server.port) and server.healthy():
                say(f"{server.name}: already running (pid {pid}, port {server.port})")
                continue
            conflicts.append(
                f"{server.name}: pid {pid} is running but not healthy on port {server.port}; "
                f"it may still be starting, or be stuck: see {server.log_files()[0]} "
                f"or run `python3 deploy/local/infra.py down --only {server.name}`"
            )
            continue
        busy = [
            port_conflict_message(server.name, port, role)
            for port, role in server.ports
            if not port_bindable(port)
        ]
        if busy:
            conflicts.extend(busy)
        else:
            to_start.append(server)
    if conflicts:
        for line in conflicts:
            say(f"error: {line}")
        say("nothing was started")
        return EXIT_CONFLICT
    for server in to_start:
        server.home.mkdir(parents=True, exist_ok=True)
        server.start(timeout)
    return 0


def cmd_down(servers: list[Server]) -> int:
    code = 0
    for server in reversed(servers):  # Elasticsearch first: it is started last
        pid = server.find_pid()
        if pid is None:
            say(f"{server.name}: not running")
        elif not server.stop_pid(pid):
            say(f"error: {server.name}: pid {pid} did not exit even after SIGKILL")
            code = EXIT_FAILURE
            continue
        server.pid_file.unlink(missing_ok=True)
        deadline = time.monotonic() + 5
        busy = [port for port, _ in server.ports if not port_bindable(port)]
        while busy and time.monotonic() < deadline:
            time.sleep(0.2)
            busy = [port for port, _ in server.ports if not port_bindable(port)]
        for port in busy:
            role = dict(server.ports)[port]
            say(f"warning: {port_conflict_message(server.name, port, role, 'still in use')}")
    return code


def cmd_status(servers: list[Server]) -> int:
    code = 0
    for server in servers:
        pid = server.find_pid()
        if pid is not None and port_answers(server.port):
            say(f"{server.name}: running (pid {pid}, port {server.port})")
        elif pid is not None:
            say(f"{server.name}: not answering (pid {pid} alive, port {server.port} closed)")
            code = EXIT_NOT_RUNNING
        else:
            say(f"{server.name}: stopped")
            code = EXIT_NOT_RUNNING
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="infra.py",
        description="Start, stop and inspect the local Kafka and Elasticsearch (127.0.0.1).",
    )
    parser.add_argument("action", choices=["up", "down", "status"])
    parser.add_argument("--only", choices=["kafka", "elasticsearch"], help="act on one server only")
    args = parser.parse_args(argv)
    try:
        root = local_dir()
        servers: list[Server] = [Kafka(root), Elasticsearch(root)]
        if args.only:
            servers = [s for s in servers if s.name == args.only]
        if args.action == "status":
            return cmd_status(servers)
        with infra_lock(root):
            if args.action == "up":
                timeout = float(env_int("PARLEY_INFRA_TIMEOUT", 120))
                return cmd_up(servers, timeout)
            return cmd_down(servers)
    except InfraError as exc:
        say(f"error: {exc}")
        return exc.code
    except KeyboardInterrupt:
        say("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
