"""Articles Kafka can never take are rejected for good, never reported as "retry later"
(the API's 503, bulk import's exit 3): against the real Kafka, through the API and bulk import."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from kafka.admin import ConfigResource, ConfigResourceType
from pydantic import SecretStr

from parley.services.ingest.api import create_api
from parley.services.ingest.publisher import Publisher
from parley.services.ingest.settings import IngestSection, IngestSettings
from parley.shared.article_input import validate_article
from parley.shared.errors import MessageRejected
from parley.shared.kafka import make_admin, make_producer
from parley.shared.settings import KafkaSettings
from parley.shared.topics import Names
from tests.conftest import wait_until
from tests.support.ingest import RawReader, publisher_for

with warnings.catch_warnings():  # starlette suggests a successor of httpx; the API is the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "integration-token-0123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def article(i: int, **extra: object) -> dict[str, object]:
    return {"title": f"Talks {i}", "published": "2026-02-13", "text": f"Envoys met ({i}).",
            "url": f"https://news.example.org/{i}", **extra}  # fmt: skip


def incompressible(i: int) -> dict[str, object]:
    """An article under every cap of ours whose event stays over 100 KB even gzipped."""
    return article(i, text=base64.b64encode(os.urandom(450_000)).decode())


def settings_in(namespace: str, tmp_path: Path) -> IngestSettings:
    section = IngestSection(api_token=SecretStr(TOKEN), state_dir=tmp_path / "state")
    return IngestSettings(namespace=namespace, ingest=section)


def api_for(settings: IngestSettings, publisher: Publisher) -> TestClient:
    return TestClient(create_api(settings, lambda: publisher, lambda: True))


def bulk(namespace: str, tmp_path: Path, path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PARLEY_NAMESPACE": namespace, "PARLEY_INGEST_STATE_DIR": str(tmp_path / "state")}
    return subprocess.run([sys.executable, "-m", "parley.services", "ingest", str(path), *flags], env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def limit_raw_topic(namespace: str, max_bytes: int) -> None:
    """Make the broker itself refuse larger record batches on the namespace's raw topic."""
    topic = Names(namespace).raw
    admin = make_admin(KafkaSettings(), "test-config")
    try:
        admin.alter_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic, {"max.message.bytes": str(max_bytes)})]
        )

        def applied() -> bool:
            wanted = [ConfigResource(ConfigResourceType.TOPIC, topic, ["max.message.bytes"])]
            entries = admin.describe_configs(wanted)["topic"][topic]
            return bool(entries["max.message.bytes"]["value"] == str(max_bytes))

        wait_until(applied, 30, what="the topic's new message size limit")
    finally:
        admin.close()


def test_tags_of_the_size_found_in_review_are_refused_before_kafka(namespace: str, tmp_path: Path) -> None:
    settings = settings_in(namespace, tmp_path)
    publisher = publisher_for(settings)
    reader = RawReader(namespace)
    try:
        api = api_for(settings, publisher)
        found = article(0, tags=["x" * 90_000] * 50)  # a 4.5 MB event: Kafka refused it, the API said 503
        response = api.post("/articles", json=found, headers=AUTH)
        assert response.status_code == 422 and "over the cap of 100" in response.text
        assert api.post("/articles", json=article(1), headers=AUTH).status_code == 202

        path = tmp_path / "tags.jsonl"
        lines = [article(2), article(3, tags=["x" * 90_000] * 20), article(4)]
        path.write_text("".join(json.dumps(line) + "\n" for line in lines))
        result = bulk(namespace, tmp_path, path)
        assert result.returncode == 1, result.stderr  # rejected, not 3 ("Kafka unavailable")
        assert f"rejected {path}:2: tags:" in result.stderr and "over the cap of 100" in result.stderr
        assert result.stdout.count("published ") == 2
        resumed = bulk(namespace, tmp_path, path, "--resume")
        assert resumed.returncode == 0 and "already imported" in resumed.stderr
        assert reader.total() == 3
    finally:
        reader.close()
        publisher.producer.close()


def test_an_article_the_broker_refuses_is_rejected_for_good_and_the_rest_go_on(
    namespace: str, tmp_path: Path
) -> None:
    settings = settings_in(namespace, tmp_path)
    publisher = publisher_for(settings)
    limit_raw_topic(namespace, 100_000)
    reader = RawReader(namespace)
    try:
        api = api_for(settings, publisher)
        big = incompressible(1)
        response = api.post("/articles", json=[article(0), big, article(2)], headers=AUTH)
        assert response.status_code == 413, response.text  # used to be 503 "retry later", for ever
        body = response.json()
        assert (
            body["detail"][0]["index"] == 1
            and "MessageSizeTooLarge" in body["detail"][0]["errors"][0]["message"]
        )
        assert len(body["published"]) == 2
        assert api.post("/articles", json=big, headers=AUTH).status_code == 413  # the same, every time
        again = api.post("/articles", json=[article(0), article(2)], headers=AUTH)
        assert [a["status"] for a in again.json()["articles"]] == ["duplicate", "duplicate"]

        path = tmp_path / "big.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in (article(3), incompressible(4), article(5))))
        result = bulk(namespace, tmp_path, path)
        assert result.returncode == 1, result.stderr
        assert f"rejected {path}:2: " in result.stderr and "over the Kafka message cap" in result.stderr
        assert f"published {path}:1: " in result.stdout and f"published {path}:3: " in result.stdout
        assert "summary: read 3, published 2, duplicates 0, rejected 1" in result.stderr
        resumed = bulk(namespace, tmp_path, path, "--resume")
        assert resumed.returncode == 0 and "already imported" in resumed.stderr
        # Articles sharing a produce batch with the refused one are sent again on a fresh
        # producer: at least once, so count articles, not records.
        assert {e.article_id for e in reader.read_all()} == {
            validate_article(a).article_id for a in (article(0), article(2), article(3), article(5))
        }
    finally:
        reader.close()
        publisher.producer.close()


def test_an_event_over_the_producer_cap_is_refused_before_any_of_its_batch_is_sent(
    namespace: str, tmp_path: Path
) -> None:
    settings = settings_in(namespace, tmp_path)
    roomy = publisher_for(settings)
    roomy.producer.close()
    small = Publisher(
        make_producer(settings.kafka, "test", max_request_size=200_000), roomy.topic, roomy.seen
    )
    reader = RawReader(namespace)
    try:
        batch = [validate_article(a) for a in (article(0), incompressible(1), article(2))]
        with pytest.raises(MessageRejected) as caught:
            small.publish_many(batch, "api")
        assert (caught.value.index, caught.value.too_large, caught.value.published) == (1, True, frozenset())
        assert reader.total() == 0
        assert [o for _, o in small.publish_many([batch[0], batch[2]], "api")] == ["created", "created"]
    finally:
        reader.close()
        small.producer.close()
