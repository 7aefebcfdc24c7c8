"""What a user checks, made against the running stack (`run.py` calls `run_all`)."""

from __future__ import annotations

import json
import secrets
import time
from itertools import groupby
from typing import Any, Protocol

import stack
from stack import Compose, wait_until

REPO = stack.REPO
SERVICES = ("ingest", "enrichment", "indexer", "alerting", "dispatcher", "search")
ARTICLE = REPO / "examples" / "articles" / "oslo-talks.json"
BATCH = 24
# After down/up: how long to keep watching for a repeated alert once a new one came through.
RESTART_GRACE_S = 20
# A second talks event (written for this test), posted after down/up.
MARKER = {
    "url": "https://example.org/news/compose-test/lima-talks",
    "title": "Chile and Peru to hold maritime talks in Lima",
    "published": "2026-03-02",
    "source": "Example News",
    "text": (
        "Chile and Peru will hold talks on fishing rights in Lima on March 20-21, both foreign "
        "ministries said on Monday.\n\nThe delegations will be led by deputy foreign ministers."
    ),
}
WORDS = [
    "harbour",
    "budget",
    "rainfall",
    "orchestra",
    "museum",
    "railway",
    "harvest",
    "festival",
    "library",
    "vaccine",
    "bridge",
    "election",
    "glacier",
    "tourism",
    "satellite",
    "factory",
    "wildfire",
    "marathon",
    "coral",
    "drought",
    "archive",
    "opera",
    "startup",
    "pension",
    "tramway",
    "lighthouse",
    "vineyard",
    "telescope",
    "ferry",
    "bakery",
]


class Reporter(Protocol):
    def phase(self, name: str) -> Any: ...
    def check(self, name: str, run: Any) -> None: ...


ONE_SHOT = ("kafka-setup", "es-setup")


def healthy(compose: Compose) -> str:
    rows = [r for r in compose.ps() if r["Service"] != "checker"]
    bad = [
        f"{r['Service']}: {r['State']} {r.get('Health', '')} exit {r.get('ExitCode')}"
        for r in rows
        if (r["Service"] in ONE_SHOT and (r["State"] != "exited" or r.get("ExitCode") != 0))
        or (r["Service"] not in ONE_SHOT and (r["State"] != "running" or r.get("Health") != "healthy"))
    ]
    assert not bad, f"not healthy: {bad}"
    done = sorted(r["Service"] for r in rows if r["Service"] in ONE_SHOT)
    assert done == sorted(ONE_SHOT), f"one-shots that ran: {done}, expected {sorted(ONE_SHOT)}"
    up = sorted(r["Service"] for r in rows if r["Service"] not in ONE_SHOT)
    return (
        f"{len(up)} containers running and healthy ({', '.join(up)}); one-shots exited 0: {', '.join(done)}"
    )


def kafka_acls(compose: Compose) -> str:
    """A principal writing outside its ACLs is refused by the broker (SASL/SCRAM, real ACLs)."""
    seen = []
    for principal, secret, topic in (
        ("parley-ingest", "kafka_ingest_password", "parley.alerts"),
        ("parley-dispatcher", "kafka_dispatcher_password", "parley.alerts"),
    ):
        answer = compose.probe("kafka-acl", principal, secret, topic)
        assert answer["outcome"] == "refused" and "Authorization" in answer["error"], f"{principal}: {answer}"
        seen.append(f"{principal} -> {topic}: {answer['error'][:120]}")
    wrong = compose.probe("kafka-acl", "parley-ingest", "kafka_dispatcher_password", "parley.articles.raw")
    assert wrong["outcome"] == "refused", f"a wrong password was accepted: {wrong}"
    seen.append(f"parley-ingest with another's password: {wrong['error'][:100]}")
    return "; ".join(seen)


def operator_feeds(compose: Compose) -> str:
    """The `operator` profile's CLI manages calendar subscriptions as its own Kafka and
    Elasticsearch principals: create (Kafka), list and revoke (Elasticsearch, read-only)."""

    def operator(*args: str) -> str:
        return compose(
            "run", "--rm", "--no-TTY", "operator", "desk", "feeds", *args, capture=True, timeout=300
        )

    def listed() -> list[str]:
        out = operator("list", "--json")
        return [f["feed_id"] for f in json.loads(out[out.index("{") :])["feeds"]]

    created = operator("create", "--name", "compose test")
    feed_id = created.split("feed ", 1)[1].split()[0]
    wait_until(f"feed {feed_id} listed", lambda: feed_id in listed(), timeout=120, interval=3)
    revoked = operator("revoke", feed_id)
    assert f"feed {feed_id} revoked" in revoked, revoked
    wait_until(f"feed {feed_id} gone from the list", lambda: feed_id not in listed(), timeout=120, interval=3)
    return f"created {feed_id} as the operator, listed it, revoked it, list no longer shows it"


def article_to_webhook_and_search(compose: Compose, state: dict[str, Any]) -> str:
    status, answer = compose.probe_stdin(ARTICLE.read_text(), "post-json")
    assert status == 202, f"ingest answered {status}: {answer}"
    article_id = answer["articles"][0]["id"]
    state["article_id"] = article_id

    def alert() -> Any:
        items = compose.probe("received")
        return [i for i in items if i["payload"].get("type", "").startswith("parley.talks.")]

    alerts = wait_until("a webhook at the demo sink", alert, timeout=180)
    assert all(a["verified"] is True for a in alerts), f"unverified: {alerts}"
    state["alert_ids"] = sorted({a["payload"]["data"]["alert_id"] for a in alerts})

    def found() -> Any:
        status, body = compose.probe("search", "Armenia Azerbaijan Oslo talks")
        return status == 200 and [h for h in body["hits"] if h["article_id"] == article_id]

    wait_until("the article in search", found, timeout=120)
    return (
        f"ingest 202 {article_id}; sink got {len(alerts)} signed webhook(s) {state['alert_ids']} "
        f"({alerts[0]['payload']['type']}, signature verified); search API returned the article"
    )


def targets_up(compose: Compose, want: dict[str, int] | None = None) -> str:
    want = want or {name: 1 for name in SERVICES}

    def ready() -> Any:
        found = compose.probe("targets")
        by_job: dict[str, list[dict[str, Any]]] = {}
        for t in found:
            by_job.setdefault(t["job"], []).append(t)
        ok = all(
            len(by_job.get(job, [])) == n and all(t["health"] == "up" for t in by_job[job])
            for job, n in want.items()
        )
        return ok and by_job

    try:
        by_job = wait_until("every target up in Prometheus", ready, timeout=120, interval=5)
    except AssertionError:
        raise AssertionError(f"targets: {compose.probe('targets')}") from None
    return "; ".join(f"{job}: {len(by_job[job])} up" for job in sorted(want))


def es_users(compose: Compose, expected: dict[str, str]) -> str:
    """The stand-in logs user, client address and path of each request; each service must log in
    as its own user (its password checked by the stand-in), and only as that user. Users and roles
    are made by es-setup, which has exited by now (its address may be another container's since):
    its requests are the `/_security/` ones, all as `elastic`."""
    addresses = stack.container_addresses()
    used: dict[str, set[str]] = {}
    for line in compose.logs("elasticsearch").splitlines():
        if line.startswith("{") and '"standin"' in line:
            entry = json.loads(line)
            who = (
                "es-setup" if entry["path"].startswith("/_security/") else addresses.get(entry["client"], "?")
            )
            used.setdefault(who, set()).add(f"{entry['user']}:{entry['status']}")
    for service, user in expected.items():
        seen = used.get(service, set())
        assert (
            seen and all(u.startswith(f"{user}:") for u in seen) and any(not u.endswith(":401") for u in seen)
        ), f"{service}: expected only {user}, saw {sorted(seen)} (all: {used})"
    return "; ".join(f"{s} -> {sorted(used.get(s, set()))}" for s in expected)


def batch(n: int, tag: str) -> list[dict[str, Any]]:
    articles = []
    rng = secrets.SystemRandom()
    for i in range(n):
        words = rng.sample(WORDS, 12)
        text = " ".join(
            f"The {w} report number {i} from {tag} describes local {rng.choice(WORDS)} plans in detail."
            for w in words
        )
        articles.append(
            {
                "url": f"https://example.org/{tag}/{i}",
                "title": f"{words[0].title()} and {words[1]} news {tag} {i}",
                "published": "2026-03-02",
                "source": f"Compose Test {tag}",
                "text": text,
            }
        )
    return articles


def counters(compose: Compose, service: str, port: int, metric: str) -> dict[str, float]:
    per_replica = compose.probe("replicas", service, str(port))
    return {
        address: sum(v for k, v in values.items() if k.startswith(metric))
        for address, values in per_replica.items()
    }


def stall_evidence(compose: Compose) -> str:
    """What each enrichment and indexer replica says of itself, and the last lines its consumer
    logged that were not per-message info, for the report's last lines (all a CI run keeps)."""
    parts = []
    for service, port in (("enrichment", 8082), ("indexer", 8083)):
        parts.append(
            f"{service} readiness and lag per replica {compose.probe('replica-state', service, str(port))}"
        )
        kept = [
            line[:240]
            for line in compose.logs(service, prefix=True).splitlines()
            if '"level": "info"' not in line and "in the clear" not in line and line.split("|", 1)[-1].strip()
        ]
        # a line repeated in a row once, with its count
        lines = [f"{line} (x{n})" if (n := len(list(run))) > 1 else line for line, run in groupby(kept)]
        parts.append(f"{service}'s last {min(len(lines), 25)} other log lines:\n" + "\n".join(lines[-25:]))
    return "\n".join(parts)


def scaled_batch(compose: Compose, state: dict[str, Any]) -> str:
    compose(
        "up",
        "--detach",
        "--wait",
        "--wait-timeout",
        "600",
        "--no-build",
        "--scale",
        "enrichment=3",
        "--scale",
        "indexer=2",
        timeout=900,
    )
    targets = targets_up(compose, {**{name: 1 for name in SERVICES}, "enrichment": 3, "indexer": 2})
    before_enrich = counters(compose, "enrichment", 8082, "parley_messages_consumed_total")
    before_index = counters(
        compose, "indexer", 8083, 'parley_documents_indexed_total{kind="articles",outcome="indexed"'
    )
    tag = "batch" + secrets.token_hex(3)
    status, answer = compose.probe_stdin(json.dumps(batch(BATCH, tag)), "post-json")
    assert status == 202, f"ingest answered {status}: {answer}"
    ids = [a["id"] for a in answer["articles"]]
    assert len(set(ids)) == BATCH and all(a["status"] == "created" for a in answer["articles"]), answer

    def indexed() -> Any:
        found = compose.probe("es-ids", "parley-articles", *ids)
        return len(found.get("ids", [])) == BATCH and found

    try:
        wait_until(f"{BATCH} articles in Elasticsearch", indexed, timeout=240, interval=3)
    except AssertionError as exc:
        found = compose.probe("es-ids", "parley-articles", *ids).get("ids", [])
        enrich = counters(compose, "enrichment", 8082, "parley_messages_consumed_total")
        index = counters(
            compose, "indexer", 8083, 'parley_documents_indexed_total{kind="articles",outcome="indexed"'
        )
        raise AssertionError(
            f"{exc}: {len(found)} there; enrichment messages per replica {before_enrich} -> {enrich}; "
            f"indexer documents per replica {before_index} -> {index}; {stall_evidence(compose)}"
        ) from None
    state["batch_ids"] = ids
    time.sleep(5)  # let the last metric increments land
    after_enrich = counters(compose, "enrichment", 8082, "parley_messages_consumed_total")
    after_index = counters(
        compose, "indexer", 8083, 'parley_documents_indexed_total{kind="articles",outcome="indexed"'
    )
    enrich = {a: after_enrich[a] - before_enrich.get(a, 0) for a in after_enrich}
    index = {a: after_index[a] - before_index.get(a, 0) for a in after_index}
    assert len(enrich) == 3 and all(v > 0 for v in enrich.values()), f"enrichment replicas' work: {enrich}"
    assert len(index) == 2 and all(v > 0 for v in index.values()), f"indexer replicas' work: {index}"
    assert sum(index.values()) == BATCH, f"articles indexed {sum(index.values())} times for {BATCH}: {index}"
    # A worker that wedged and left (`shared/stalled_worker.py`) healed the batch: said, not hidden.
    left = [line[:300] for line in compose.logs(prefix=True).splitlines() if '"worker_stalled"' in line]
    return (
        f"{'; '.join(left) or 'no worker left stalled'}; "
        f"{targets}; enrichment messages per replica {sorted(enrich.values())}; indexer article documents per "
        f"replica {sorted(index.values())} (sum {sum(index.values()):.0f} = {BATCH} posted, {BATCH} distinct ids in ES)"
    )


def no_tracebacks(compose: Compose) -> str:
    lines = compose.logs(prefix=True).splitlines()
    hits = [i for i, line in enumerate(lines) if "Traceback" in line]
    # The first one whole (the service's name prefixes each line), so a failure can be read here.
    assert not hits, f"{len(hits)} traceback(s), first:\n" + "\n".join(
        line[:400] for line in lines[hits[0] : hits[0] + 40]
    )
    return f"no 'Traceback' in {len(lines)} log lines of all services"


def talks_alerts(compose: Compose) -> list[dict[str, Any]]:
    items = compose.probe("received")
    return [i for i in items if i["payload"].get("type", "").startswith("parley.talks.")]


def restart_keeps_data(compose: Compose, state: dict[str, Any]) -> str:
    before = {a["payload"]["data"]["alert_id"] for a in talks_alerts(compose)}
    compose("down", "--timeout", "30", timeout=300)
    compose("up", "--detach", "--wait", "--wait-timeout", "600", "--no-build", timeout=900)
    ids = [state["article_id"], *state["batch_ids"]]
    found = compose.probe("es-ids", "parley-articles", *ids)
    assert len(found["ids"]) == len(ids), f"after down/up: {len(found['ids'])} of {len(ids)} articles"
    status, body = compose.probe("search", "Armenia Azerbaijan Oslo talks")
    assert status == 200 and any(h["article_id"] == state["article_id"] for h in body["hits"]), body
    status, answer = compose.probe_stdin(ARTICLE.read_text(), "post-json")
    repeat = answer["articles"][0]["status"] if status in (200, 202) else f"HTTP {status}"
    assert repeat == "duplicate", f"the same article again after down/up: {repeat} (seen-set lost?)"
    # A dispatcher that forgot its deliveries would send the old alerts again as soon as it has
    # its partitions; the new event's alert arriving shows it is past that point (and that the
    # pipeline works after the restart). A grace period covers alerts on other partitions.
    status, answer = compose.probe_stdin(json.dumps(MARKER), "post-json")
    assert status == 202, f"ingest answered {status}: {answer}"

    def marker() -> list[dict[str, Any]]:
        return [a for a in talks_alerts(compose) if a["payload"]["data"]["talks"]["location"] == "Lima"]

    wait_until("the new event's webhook after down/up", marker, timeout=180)
    time.sleep(RESTART_GRACE_S)
    received = talks_alerts(compose)
    new_event = {a["payload"]["data"]["talks"]["talks_id"] for a in marker()}
    others = sorted(
        a["payload"]["data"]["alert_id"]
        for a in received
        if a["payload"]["data"]["talks"]["talks_id"] not in new_event
    )
    assert not others, (
        f"alerts other than the new event's after down/up: {others} (sent before: {sorted(before)})"
    )
    return (
        f"all {len(ids)} articles still in Elasticsearch and the first one in search; ingest calls the same "
        f"article a {repeat}; in the {RESTART_GRACE_S} s after the new event's alert the sink got only "
        f"{sorted(a['payload']['data']['alert_id'] for a in received)} and none of the {len(before)} sent before "
        f"{sorted(before)}"
    )


def run_all(compose: Compose, report: Reporter) -> None:
    state: dict[str, Any] = {}
    report.check("every healthcheck healthy after up --wait", lambda: healthy(compose))
    report.check("article -> signed webhook -> search", lambda: article_to_webhook_and_search(compose, state))
    report.check("Prometheus: every service a target, up", lambda: targets_up(compose))
    report.check(
        "each service's own Elasticsearch user (user:HTTP status per client)",
        lambda: es_users(
            compose, {"indexer": "parley_indexer", "search": "parley_search", "es-setup": "elastic"}
        ),
    )
    report.check("Kafka: a write outside the principal's ACLs is refused", lambda: kafka_acls(compose))
    report.check("operator profile: desk feeds create, list, revoke", lambda: operator_feeds(compose))
    report.check(
        "scale enrichment=3 indexer=2: replicas targets, share work, batch indexed once",
        lambda: scaled_batch(compose, state),
    )
    report.check("no traceback in any log (before restart)", lambda: no_tracebacks(compose))
    report.check(
        "down + up with volumes: data kept, no alert twice", lambda: restart_keeps_data(compose, state)
    )
    report.check("no traceback in any log (after restart)", lambda: no_tracebacks(compose))
