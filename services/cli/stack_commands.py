"""`parley run` / `parley demo`: start every service locally, ingest an article, show the result.

`run` keeps the services up (restarting any that exits, within a bound) until SIGINT, SIGTERM
or SIGHUP; an article seen before shows its stored talks event instead of waiting for an alert.
`demo` uses a fresh namespace and free ports and exits 0 once the alert arrived. Both stop
every service they started, whatever ends them.
"""

from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path

import httpx
import typer

from parley.services.cli.known_article import es_settings, talks_from_search_api, talks_ids_for
from parley.services.cli.restarts import RestartPolicy
from parley.services.cli.stack import SERVICES, Stack, free_port, local_dir
from parley.services.cli.stop_signals import Stopped, StopSignals
from parley.shared.runtime import PORTS

DEFAULT_ARTICLE = Path("examples/articles/oslo-talks.txt")
SUPERVISE_INTERVAL_S = 0.5


class CrashLoop(RuntimeError):
    """A service exited more often than the restart bound allows."""


def _echo(message: str, err: bool = False) -> None:
    typer.echo(message, err=err)


def _show_alert(stack: Stack, started: float) -> None:
    alert = stack.wait_alert()
    _echo(
        f"\nwebhook delivered after {time.monotonic() - started:.1f}s (signature verified: "
        f"{alert.get('verified')}):"
    )
    _echo(json.dumps(alert["payload"], indent=2, ensure_ascii=False))
    words = " ".join(alert["payload"]["data"]["talks"]["parties"][:2]) + " talks"
    hits = stack.search(words)
    _echo(f"\nsearch {words!r} through the search API:")
    _echo(json.dumps(hits, indent=2, ensure_ascii=False)[:4000])


def _show_known(stack: Stack, article_id: str) -> None:
    _echo(f"\n{article_id} was ingested before: nothing new to publish, so no new alert.")
    ids = talks_ids_for(es_settings(stack.env("search")), stack.namespace, article_id)
    if not ids:
        _echo("No talks event is stored for it (yet); the services keep running.")
        return
    for talks_id in ids:
        talks = talks_from_search_api(stack.ports["search"], talks_id)
        _echo(
            f"\nWhat Parley knows: talks event {talks_id} ({talks.get('status')}, revision "
            f"{talks.get('revision')}); its alert was delivered when the article was first ingested."
        )
        _echo(f"GET http://127.0.0.1:{stack.ports['search']}/talks/{talks_id}")
        _echo(json.dumps(talks, indent=2, ensure_ascii=False)[:4000])


def supervise(stack: Stack, signals: StopSignals, policy: RestartPolicy) -> None:
    """Restart services that exit, with backoff; raise CrashLoop past the policy's bound."""
    due: dict[str, float] = {}  # service -> when to start it again
    while True:
        now = time.monotonic()
        for name, proc in stack.processes.items():
            code = proc.poll()
            if code is None or name in due:
                continue
            delay = policy.next_delay(name, now)
            if delay is None:
                raise CrashLoop(
                    f"{name} exited with {code}, its {policy.max_restarts + 1}th exit within "
                    f"{policy.window_s / 60:.0f} minutes; stopping everything "
                    f"(log: {stack.log_path(name)})"
                )
            _echo(
                f"{name} exited with {code}; restarting in {delay:.0f}s (restart "
                f"{policy.count(name, now)} of {policy.max_restarts} within "
                f"{policy.window_s / 60:.0f} minutes; log: {stack.log_path(name)})",
                err=True,
            )
            due[name] = now + delay
        for name, at in list(due.items()):
            if now >= at:
                with signals.held():
                    proc = stack.spawn(name)
                del due[name]
                _echo(f"{name} restarted (pid {proc.pid})", err=True)
        time.sleep(SUPERVISE_INTERVAL_S)


def _session(namespace: str, ports: dict[str, int], article: Path, demo: bool) -> int:
    """Start, show, then (run) supervise or (demo) return; always stop what was started."""
    signals = StopSignals.install()
    started = time.monotonic()
    stack = Stack(namespace=namespace, ports=ports, log_dir=local_dir() / "logs" / namespace)
    command = "demo" if demo else "run"
    _echo(f"starting services in namespace {namespace!r} (logs in {stack.log_dir})")
    try:
        with signals.held():
            stack.start()
        stack.wait_ready()
        _echo(f"all services ready after {time.monotonic() - started:.1f}s; ingesting {article}")
        outcome, article_id = stack.ingest_outcome(article)
        if outcome == "duplicate":
            _show_known(stack, article_id)
        elif demo:
            _show_alert(stack, started)
        else:
            try:
                _show_alert(stack, started)
            except RuntimeError as exc:  # the services are up; the user can look at the logs
                _echo(f"parley run: {exc}; the services keep running", err=True)
        if demo:
            _echo(f"\ndemo passed in {time.monotonic() - started:.1f}s")
            return 0
        _echo(
            "\nParley is running. Ingest more with `parley ingest FILE` or POST "
            f"http://127.0.0.1:{ports['ingest']}/articles; read it in Parley Desk at "
            f"http://127.0.0.1:{ports['search']}/desk/; Ctrl-C (or SIGTERM) stops everything."
        )
        supervise(stack, signals, RestartPolicy())
        return 1  # not reached: supervise returns only by raising
    except Stopped as stop:
        _echo(f"\n{stop.name} received: stopping")
        return 128 + stop.signum if demo else 0  # an interrupted demo did not pass
    except (RuntimeError, httpx.HTTPError) as exc:
        _echo(f"parley {command}: {exc}", err=True)
        return 1
    finally:
        signals.stopping()
        stack.stop()
        _echo(f"stopped {len(stack.processes)} services")


def run_command(
    article: Path = typer.Option(DEFAULT_ARTICLE, help="article to ingest once everything is up"),
    free_ports: bool = typer.Option(
        False, "--free-ports", help="free ports instead of the standard ones (8081-8086, 8090)"
    ),
) -> None:
    """Start every service, ingest an article, then keep running until Ctrl-C, SIGTERM or SIGHUP.

    The namespace is PARLEY_NAMESPACE (default `parley`). A service that exits is restarted (at
    most 5 times in 10 minutes each). The pids and ports are written to
    `$PARLEY_LOCAL_DIR/logs/<namespace>/processes.json`.
    """
    namespace = os.environ.get("PARLEY_NAMESPACE", "parley")
    ports = _free_ports() if free_ports else dict(PORTS)
    raise typer.Exit(_session(namespace, ports, article, demo=False))


def demo_command(
    article: Path = typer.Option(DEFAULT_ARTICLE, help="article to ingest"),
) -> None:
    """Like `run`, in a fresh namespace on free ports; exits 0 once the alert arrived."""
    namespace = f"demo-{secrets.token_hex(4)}"
    raise typer.Exit(_session(namespace, _free_ports(), article, demo=True))


def _free_ports() -> dict[str, int]:
    return {name: free_port() for name in (*SERVICES, "webhook-sink")}
