"""Property-based tests of the search API from its own OpenAPI document (schemathesis).

A real uvicorn on a free port over the real Elasticsearch; valid and invalid inputs alike must
never get a 5xx answer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
import uvicorn
from elasticsearch import Elasticsearch
from pydantic import SecretStr
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error

from parley.services.search.app import create_app
from parley.services.search.settings import SearchSection, SearchSettings
from parley.shared.elasticsearch import make_client
from parley.shared.settings import ElasticsearchSettings
from tests.conftest import new_namespace, wait_until
from tests.fuzzing import fuzz_settings
from tests.support.indexing import es_session, free_port, seed

pytestmark = [pytest.mark.integration, pytest.mark.fuzz]
TOKEN = "schema-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def api_url() -> Iterator[str]:
    with es_session() as es:
        ns = new_namespace()
        seed(es, ns)
        client = make_client(ElasticsearchSettings())
        app = create_app(
            SearchSettings(namespace=ns, search=SearchSection(api_token=SecretStr(TOKEN))), es=client
        )
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
        thread = threading.Thread(target=server.run, name="search-api", daemon=True)
        thread.start()
        try:
            wait_until(lambda: server.started, what="the search API listening")
            yield f"http://127.0.0.1:{server.config.port}"
        finally:
            server.should_exit = True
            thread.join(timeout=30)
            client.close()
            es.indices.delete(index=f"{ns}-*", ignore_unavailable=True, allow_no_indices=True)
            es.options(ignore_status=404).indices.delete_index_template(name=f"{ns}-*")


def openapi_document() -> dict[str, Any]:
    """The document the service serves at /openapi.json (built without touching Elasticsearch)."""
    settings = SearchSettings(search=SearchSection(api_token=SecretStr(TOKEN)))
    return create_app(settings, es=Elasticsearch("http://127.0.0.1:1")).openapi()


schema = schemathesis.openapi.from_dict(openapi_document())  # valid and invalid inputs
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
valid = schemathesis.openapi.from_dict(openapi_document())
valid.config.generation.update(modes=[GenerationMode.POSITIVE])


def test_the_served_document_is_the_one_tested(api_url: str) -> None:
    assert httpx.get(f"{api_url}/openapi.json", timeout=10).json() == openapi_document()


@schema.parametrize()
@fuzz_settings(150, deadline_ms=None)  # time is the network's and Elasticsearch's
def test_no_input_gets_a_server_error(case: Case, api_url: str) -> None:
    case.call_and_validate(base_url=api_url, headers=AUTH, checks=[not_a_server_error])


@valid.parametrize()
@fuzz_settings(25, deadline_ms=None)
def test_without_the_token_every_route_answers_401(case: Case, api_url: str) -> None:
    response = case.call(base_url=api_url, headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401, response.text
