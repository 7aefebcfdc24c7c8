"""Property-based tests of the ingest API from its own OpenAPI document (schemathesis).

A real uvicorn on a free port publishing to the real Kafka: valid and invalid bodies alike must
never get a 5xx answer, and every article a 202 acknowledged (created or duplicate) is in the
namespace's raw topic. Schemathesis draws from the document, which can't say everything
ArticleInput checks (a body in `text` or `html`, at most two days ahead), so a Hypothesis test of
mostly valid articles exercises the 202 path as well.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
import uvicorn
from hypothesis import event, given
from hypothesis import strategies as st
from pydantic import SecretStr
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error

from parley.services.ingest.api import create_api
from parley.services.ingest.settings import IngestSection, IngestSettings
from tests.conftest import new_namespace, wait_until
from tests.fuzzing import fuzz_settings
from tests.support.article_inputs import near_valid
from tests.support.indexing import free_port
from tests.support.ingest import RawReader, publisher_for

pytestmark = [pytest.mark.integration, pytest.mark.fuzz]
TOKEN = "ingest-schema-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class Ingest:
    def __init__(self, url: str, reader: RawReader) -> None:
        self.url = url
        self.reader = reader

    def published_ids(self) -> set[str]:
        return {event.article_id for event in self.reader.read_all()}


@pytest.fixture(scope="module")
def ingest() -> Iterator[Ingest]:
    ns = new_namespace()
    with tempfile.TemporaryDirectory() as state:
        settings = IngestSettings(
            namespace=ns, ingest=IngestSection(api_token=SecretStr(TOKEN), state_dir=Path(state))
        )
        publisher = publisher_for(settings)
        reader = RawReader(ns)
        api = create_api(settings, lambda: publisher, lambda: True)
        server = uvicorn.Server(uvicorn.Config(api, host="127.0.0.1", port=free_port(), log_level="warning"))
        thread = threading.Thread(target=server.run, name="ingest-api", daemon=True)
        thread.start()
        try:
            wait_until(lambda: server.started, what="the ingest API listening")
            yield Ingest(f"http://127.0.0.1:{server.config.port}", reader)
        finally:
            server.should_exit = True
            thread.join(timeout=30)
            reader.close()
            publisher.producer.close()


def openapi_document() -> dict[str, Any]:
    """The document the service serves at /openapi.json (built without touching Kafka)."""
    settings = IngestSettings(ingest=IngestSection(api_token=SecretStr(TOKEN)))
    return create_api(settings, lambda: None, lambda: False).openapi()


schema = schemathesis.openapi.from_dict(openapi_document())  # valid and invalid inputs
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
valid = schemathesis.openapi.from_dict(openapi_document()).include(method="POST")
valid.config.generation.update(modes=[GenerationMode.POSITIVE])


def test_the_served_document_is_the_one_tested(ingest: Ingest) -> None:
    assert httpx.get(f"{ingest.url}/openapi.json", timeout=10).json() == openapi_document()


@schema.parametrize()
@fuzz_settings(100, deadline_ms=None)  # each call waits for Kafka: time is the network's
def test_no_input_gets_a_server_error_and_every_acknowledged_article_is_in_kafka(
    case: Case, ingest: Ingest
) -> None:
    response = case.call_and_validate(base_url=ingest.url, headers=AUTH, checks=[not_a_server_error])
    if response.status_code == 202:
        acknowledged = {article["id"] for article in response.json()["articles"]}
        assert acknowledged and acknowledged <= ingest.published_ids()


@given(body=st.one_of(near_valid, st.lists(near_valid, min_size=1, max_size=3)))
@fuzz_settings(40, deadline_ms=None)
def test_mostly_valid_articles_are_acknowledged_only_once_in_kafka(body: object, ingest: Ingest) -> None:
    # The schema's own examples are nearly all refused (422); these are accepted about half the time.
    response = httpx.post(f"{ingest.url}/articles", json=body, headers=AUTH, timeout=60)
    assert response.status_code in (202, 422), response.text
    if response.status_code == 202:
        acknowledged = {article["id"] for article in response.json()["articles"]}
        assert acknowledged and acknowledged <= ingest.published_ids()
    event(f"HTTP {response.status_code}")


@valid.parametrize()
@fuzz_settings(20, deadline_ms=None)
def test_without_the_token_nothing_is_published(case: Case, ingest: Ingest) -> None:
    before = ingest.reader.total()
    response = case.call(base_url=ingest.url, headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401, response.text
    assert ingest.reader.total() == before
