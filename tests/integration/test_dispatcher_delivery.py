"""The dispatcher's delivery guarantees: retries, dead letters, kill -9, redelivery, rules, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from parley.services.cli.stack import free_port
from parley.shared.events import (
    AlertDeliveryRecorded,
    AlertRedeliveryRequested,
    MessageDeadLettered,
    decode_event,
    encode,
    wrap,
)
from parley.shared.kafka import ensure_topics, make_producer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import new_namespace, wait_until
from tests.support.alerting import (
    Receiver,
    Services,
    endpoint,
    publish,
    read_topic,
    record,
)


@pytest.fixture
def ns() -> str:
    name = new_namespace()
    ensure_topics(KafkaSettings(), name)
    return name


@pytest.fixture
def receivers() -> Iterator[dict[str, Receiver]]:
    made = {
        "flaky": Receiver(script=[503, 503]).start(),
        "bad": Receiver(then=400).start(),
        "gone": Receiver(then=503).start(),
    }
    yield made
    for r in made.values():
        r.stop()


def deliveries(ns: str) -> dict[str, dict[str, Any]]:
    latest: dict[str, dict[str, Any]] = {}
    for r in read_topic(Names(ns).deliveries):
        if r.value is not None:
            latest[r.key.decode()] = json.loads(r.value)
    return latest


def dead_letters(ns: str) -> dict[str, AlertDeliveryRecorded]:
    out = {}
    for r in read_topic(Names(ns).alerts_deadletter):
        event = decode_event(r.value).data
        assert isinstance(event, AlertDeliveryRecorded)
        out[f"{event.alert_id}@{event.endpoint}"] = event
    return out


def test_retries_dead_letters_and_a_receiver_coming_back(
    ns: str, receivers: dict[str, Receiver], tmp_path: Path
) -> None:
    late_port = free_port()
    late = Receiver()
    hooks = [endpoint(n, r) for n, r in receivers.items()]
    hooks.append(
        {"name": "late", "url": f"http://127.0.0.1:{late_port}/hooks/late", "secrets": hooks[0]["secrets"]}
    )
    services = Services(ns, hooks, tmp_path, {"PARLEY_ALERTING_RETRY_SCHEDULE_S": "[0.3, 0.6, 1, 2, 4, 8]"})
    try:
        services.start("alerting")
        services.start("dispatcher")
        publish(
            ns,
            "a-doha-1",
            "Al Jazeera",
            record(parties=["Israel", "Hamas", "Qatar"], mediators=["Qatar"], location="Doha"),
        )
        flaky = receivers["flaky"]
        wait_until(lambda: flaky.delivered(), 60, what="flaky delivered")
        alert_id = flaky.ids()[0]
        # 503, 503, 200: the third attempt succeeds, with the same webhook-id each time.
        assert [r["status"] for r in flaky.requests] == [503, 503, 200]
        assert {r["headers"]["webhook-id"] for r in flaky.requests} == {alert_id}
        # The receiver that was down comes back within the schedule and gets it.
        wait_until(
            lambda: len(deliveries(ns).get(f"{alert_id}@late", {}).get("attempts", [])) >= 1,
            30,
            what="a failed attempt at the late receiver",
        )
        late.start(late_port)
        wait_until(lambda: late.ids() == [alert_id], 60, what="late receiver gets the alert")
        # Always 400: rejected after one attempt; always 503: exhausted after the schedule.
        letters = wait_until(lambda: (d := dead_letters(ns)) and len(d) >= 2 and d, 90, what="dead letters")
        bad = letters[f"{alert_id}@bad"]
        assert bad.outcome == "rejected" and [a.status for a in bad.attempts] == [400]
        gone = letters[f"{alert_id}@gone"]
        assert gone.outcome == "exhausted" and len(gone.attempts) == 7
        assert all(a.status == 503 for a in gone.attempts)
        assert bad.alert and bad.alert["data"]["alert_id"] == alert_id
        state = deliveries(ns)
        assert {k.split("@")[1]: v["outcome"] for k, v in state.items()} == {
            "flaky": "delivered",
            "bad": "rejected",
            "gone": "exhausted",
            "late": "delivered",
        }
    finally:
        services.stop()
        late.stop()


def test_kill_9_of_alerting_and_dispatcher_loses_no_alert(ns: str, tmp_path: Path) -> None:
    receiver = Receiver(script=[503, 503]).start()  # each alert needs three attempts: kills land mid-delivery
    services = Services(ns, [endpoint("ops", receiver)], tmp_path)
    geneva = {
        "parties": ["Russia", "Ukraine", "United States"],
        "mediators": ["United States"],
        "location": "Geneva",
    }
    try:
        services.start("alerting")
        services.start("dispatcher")
        publish(ns, "k-1", "Reuters", record(**geneva))  # X announced
        services.kill("alerting")
        services.start("alerting")
        publish(
            ns,
            "k-2",
            "Reuters",
            record(**geneva, status="rescheduled", start_date=date(2026, 3, 14), end_date=None),
            hours=1,
        )  # X updated
        wait_until(lambda: receiver.requests, 60, what="first attempt")
        services.kill("dispatcher")
        services.start("dispatcher")
        publish(
            ns,
            "k-3",
            "Reuters",
            record(**{**geneva, "location": "Riyadh"}, start_date=date(2026, 5, 1), end_date=None),
            hours=2,
        )  # Y announced
        services.kill("dispatcher")
        services.kill("alerting")
        services.start("alerting")
        services.start("dispatcher")
        publish(
            ns,
            "k-4",
            "Reuters",
            record(**{**geneva, "location": "Riyadh"}, status="postponed", start_date=None, end_date=None),
            hours=3,
        )  # Y updated
        wait_until(lambda: len(set(receiver.ids())) >= 4, 120, what="four alerts")
        ids = receiver.ids()
        assert len(set(ids)) == 4, ids
        assert sorted(i.rsplit(".", 1)[1] for i in set(ids)) == ["r1", "r1", "r2", "r2"]
        redelivered = len(ids) - len(set(ids))
        print(f"alerts delivered more than once (receiver de-duplicates): {redelivered}")
    finally:
        services.stop()
        receiver.stop()


def run_cli(services: Services, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parley.services", *args],
        env=services.env("dispatcher"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_rules_redelivery_and_webhook_commands(ns: str, tmp_path: Path) -> None:
    ops, confirmed = Receiver().start(), Receiver().start()
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "version: 1\nrules:\n"
        "  - name: all\n    webhooks: [ops]\n"
        "  - name: confirmed\n    min_sources: 2\n    webhooks: [confirmed]\n"
    )
    services = Services(
        ns,
        [endpoint("ops", ops), endpoint("confirmed", confirmed, format="cloudevents")],
        tmp_path,
        {"PARLEY_ALERTING_RULES_FILE": str(rules)},
    )
    try:
        services.start("alerting")
        services.start("dispatcher")
        publish(ns, "c-1", "Reuters", record())
        alert_id = wait_until(lambda: ops.ids(), 60, what="announcement")[0]
        publish(ns, "c-2", "AP", record(location=None), hours=1)
        got = wait_until(lambda: confirmed.delivered(), 60, what="corroboration")
        assert got[0]["payload"]["type"] == "parley.talks.corroborated.v1"
        assert got[0]["payload"]["data"]["sources"] == 2
        assert ops.ids() == [alert_id]  # corroboration is silent for the rule that did not ask

        result = run_cli(services, "alerts", "redeliver", alert_id, "--endpoint", "ops")
        assert result.returncode == 0, result.stderr
        wait_until(lambda: ops.ids() == [alert_id, alert_id], 60, what="redelivery")

        listed = run_cli(services, "webhooks", "list")
        assert listed.returncode == 0 and "ops" in listed.stdout and "whsec_" not in listed.stdout
        tested = run_cli(services, "webhooks", "test", "confirmed")
        assert tested.returncode == 0, tested.stderr
        assert confirmed.delivered()[-1]["payload"]["type"] == "parley.webhook.tested.v1"
        assert run_cli(services, "webhooks", "test", "nowhere").returncode == 1
    finally:
        services.stop()
        ops.stop()
        confirmed.stop()


def request_redelivery(ns: str, alert_id: str, alert: dict[str, Any], partition: int, key: bytes) -> None:
    """What anything able to write to the alerts topic can send, carrying content of its choice."""
    now = datetime.now(UTC)
    request = AlertRedeliveryRequested(alert_id=alert_id, alert=alert, requested_at=now)
    producer = make_producer(KafkaSettings(), "test")
    producer.send(
        Names(ns).alerts,
        key=key,
        value=encode(wrap(request, service="cli", id_parts=(now.isoformat(), alert_id))),
        partition=partition,
    ).get(timeout=30)
    producer.close()


def test_redelivery_sends_the_recorded_alert_never_the_content_carried_by_the_request(
    ns: str, tmp_path: Path
) -> None:
    ops = Receiver().start()
    services = Services(ns, [endpoint("ops", ops)], tmp_path)
    try:
        services.start("alerting")
        services.start("dispatcher")
        publish(ns, "f-1", "Reuters", record())
        [first] = wait_until(lambda: ops.delivered(), 60, what="announcement")
        [stored] = [r for r in read_topic(Names(ns).alerts) if json.loads(r.value)["data"]["alert_id"] == first["id"]]  # fmt: skip
        forged = json.loads(stored.value)
        forged["data"]["talks"]["location"] = "Forged City"
        unknown = {**forged, "data": {**forged["data"], "alert_id": "t-forged.r1"}}

        # Same partition, in this order: the unknown one is settled before the known one.
        request_redelivery(ns, "t-forged.r1", unknown, stored.partition, stored.key)
        request_redelivery(ns, first["id"], forged, stored.partition, stored.key)

        again = wait_until(lambda: ops.delivered()[1:], 60, what="redelivery")[0]
        assert again["id"] == first["id"] and again["payload"] == first["payload"]
        assert b"Forged" not in again["body"]
        dead = wait_until(lambda: read_topic(Names(ns).deadletter), 60, what="dead letter")
        [letter] = [decode_event(r.value).data for r in dead]
        assert isinstance(letter, MessageDeadLettered) and letter.reason == "invalid"
        assert "'t-forged.r1' refused: no delivery of it is recorded" in letter.error
        assert [r["headers"]["webhook-id"] for r in ops.requests] == [first["id"], first["id"]]
    finally:
        services.stop()
        ops.stop()


def test_an_invalid_rules_file_stops_the_dispatcher_with_status_2(ns: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: x\n    min_sources: lots\n")
    services = Services(ns, [], tmp_path, {"PARLEY_ALERTING_RULES_FILE": str(rules)})
    services.ports["dispatcher"] = free_port()
    result = subprocess.run(
        [sys.executable, "-m", "parley.services", "dispatcher", "run"],
        env=services.env("dispatcher"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert f"{rules}:3: min_sources must be a whole number" in result.stderr


def test_private_webhook_urls_are_refused_unless_allowed(ns: str, tmp_path: Path) -> None:
    services = Services(
        ns,
        [{"name": "x", "url": "http://user:pw@10.0.0.5/h"}],
        tmp_path,
        {"PARLEY_ALERTING_PRIVATE_ALLOWLIST": "[]"},
    )
    services.ports["dispatcher"] = free_port()
    result = subprocess.run(
        [sys.executable, "-m", "parley.services", "dispatcher", "run"],
        env=services.env("dispatcher"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "private" in result.stderr
    assert "pw" not in result.stderr.replace("PARLEY", "")


def test_alerts_raised_while_the_dispatcher_is_down_are_delivered_after_it_returns(
    ns: str, tmp_path: Path
) -> None:
    """Partitions the dispatcher never committed on must be read from their start, not their end."""
    receiver = Receiver().start()
    services = Services(ns, [endpoint("ops", receiver)], tmp_path)
    pairs = [("Armenia", "Azerbaijan"), ("Greece", "Turkey"), ("Serbia", "Kosovo"), ("India", "Pakistan"),
             ("Ethiopia", "Eritrea"), ("Peru", "Chile"), ("Japan", "China"), ("Sudan", "Chad")]  # fmt: skip
    try:
        services.start("alerting")
        services.start("dispatcher")
        publish(ns, "d-0", "Reuters", record(parties=["Norway", "Iceland"], mediators=[]))
        wait_until(lambda: len(receiver.ids()) >= 1, 90, what="first alert")
        services.kill("dispatcher")
        for i, (a, b) in enumerate(pairs, start=1):
            publish(ns, f"d-{i}", "Reuters", record(parties=[a, b], mediators=[], location=None), hours=i)
        wait_until(lambda: len(read_topic(Names(ns).alerts)) >= len(pairs) + 1, 90, what="alerts raised")
        services.start("dispatcher")
        wait_until(lambda: len(set(receiver.ids())) >= len(pairs) + 1, 120, what="every alert delivered")
    finally:
        services.stop()
        receiver.stop()


def test_kill_9_of_the_dispatcher_in_a_steady_stream_loses_no_alert(ns: str, tmp_path: Path) -> None:
    """Alerts keep coming while the dispatcher dies and starts again (not waiting for it)."""
    import signal
    import threading
    import time

    receiver = Receiver().start()
    services = Services(ns, [endpoint("ops", receiver)], tmp_path)
    stop = threading.Event()
    sent: list[str] = []

    def stream() -> None:
        i = 0
        while not stop.is_set():
            i += 1
            publish(ns, f"s-{i}", "Reuters", record(parties=[f"Country{i}a", f"Country{i}b"], mediators=[],
                                                    location=None), hours=i)  # fmt: skip
            sent.append(f"s-{i}")
            time.sleep(0.7)

    try:
        services.start("alerting")
        services.start("dispatcher")
        pump = threading.Thread(target=stream, daemon=True)
        pump.start()
        alerts_topic = Names(ns).alerts
        wait_until(lambda: len(set(receiver.ids())) >= 3, 120, what="alerts delivered before the kill")
        services.kill("dispatcher", signal.SIGKILL)
        raised = len(read_topic(alerts_topic))
        wait_until(
            lambda: len(read_topic(alerts_topic)) >= raised + 2, 90, what="alerts raised while it is down"
        )
        services.start("dispatcher")  # same port; its log goes on in dispatcher.log
        delivered = len(set(receiver.ids()))
        wait_until(
            lambda: len(set(receiver.ids())) >= delivered + 3, 120, what="deliveries after the restart"
        )
        stop.set()
        pump.join()
        wait_until(lambda: len(read_topic(Names(ns).alerts)) >= len(sent), 90, what="every alert raised")
        expected = len(read_topic(Names(ns).alerts))
        wait_until(lambda: len(set(receiver.ids())) >= expected, 120, what=f"{expected} alerts delivered")
    finally:
        services.stop()
        receiver.stop()


def _commit(ns: str, offsets: dict[int, int]) -> None:
    """Set the dispatcher group's committed offsets on the alerts topic (the group is empty)."""
    from kafka import TopicPartition
    from kafka.structs import OffsetAndMetadata

    from parley.shared.kafka import make_admin

    admin = make_admin(KafkaSettings(), "test")
    try:
        admin.alter_group_offsets(
            Names(ns).group("dispatcher"),
            {TopicPartition(Names(ns).alerts, p): OffsetAndMetadata(o, "", -1) for p, o in offsets.items()},
        )
    finally:
        admin.close()


def test_alerts_behind_an_offset_committed_too_far_are_still_delivered(ns: str, tmp_path: Path) -> None:
    """The dispatcher checks its own progress, not only the group's committed offsets.

    The group's offsets are moved past alerts nobody dispatched, as a consumer that counted
    dropped records as done would have left them. (1) Before the dispatcher first runs, to the
    end of every partition: the stalled partitions are read again. (2) While it is stopped, to
    the last of several new alerts of a partition: the range the stream jumps over is read
    directly. Every alert is delivered both times.
    """
    import signal

    receiver = Receiver().start()
    services = Services(ns, [endpoint("ops", receiver)], tmp_path)
    log = tmp_path / "dispatcher.log"

    def raise_alerts(prefix: str, count: int, hours: int) -> None:
        for i in range(count):
            parties = [f"{prefix}land{i}a", f"{prefix}land{i}b"]
            publish(
                ns,
                f"{prefix}-{i}",
                "Reuters",
                record(parties=parties, mediators=[], location=None),
                hours + i,
            )

    def alerts(count: int) -> list[Any]:
        return wait_until(lambda: len(r := read_topic(Names(ns).alerts)) >= count and r, 90, what="alerts")

    def alert_ids(records: list[Any]) -> list[str]:
        return sorted({decode_event(r.value).data.alert_id for r in records})

    try:
        services.start("alerting")
        raise_alerts("a", 6, 1)
        first = alerts(6)
        ends: dict[int, int] = {}
        for r in first:
            ends[r.partition] = max(ends.get(r.partition, 0), r.offset + 1)
        _commit(ns, ends)
        services.start("dispatcher")
        wait_until(lambda: len(set(receiver.ids())) >= 6, 120, what="alerts behind the offsets delivered")
        assert sorted(set(receiver.ids())) == alert_ids(first)
        assert "alerts_partition_stalled_read_again" in log.read_text()

        services.kill("dispatcher", signal.SIGTERM)
        raise_alerts("b", 8, 20)  # 8 alerts on 6 partitions: some partition gets two or more
        everything = alerts(14)
        new = [
            r for r in everything if (r.partition, r.offset) not in {(f.partition, f.offset) for f in first}
        ]
        by_partition: dict[int, list[int]] = {}
        for r in new:
            by_partition.setdefault(r.partition, []).append(r.offset)
        _commit(ns, {p: max(o) for p, o in by_partition.items() if len(o) >= 2})
        services.start("dispatcher")
        wait_until(lambda: len(set(receiver.ids())) >= 14, 120, what="alerts jumped over delivered")
        assert sorted(set(receiver.ids())) == alert_ids(everything)
        assert "alerts_skipped_by_consumer_recovered" in log.read_text()
    finally:
        services.stop()
        receiver.stop()
