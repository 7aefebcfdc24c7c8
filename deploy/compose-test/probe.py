"""Checks made from inside the compose network (the checker container); each prints one JSON line.

    python probe.py post ARTICLE_JSON_FILE...    -> ingest's answers
    python probe.py post-json < ARTICLES         -> ingest's answer to a JSON list on stdin
    python probe.py received                     -> the demo sink's /received
    python probe.py search QUERY                 -> the search API's answer
    python probe.py targets                      -> Prometheus's active targets
    python probe.py replicas SERVICE PORT        -> per replica address: its message counters
    python probe.py replica-state SERVICE PORT   -> per replica address: its /readyz answer and the
                                                  partitions its group still lags on
    python probe.py es-count INDEX QUERY         -> hits in Elasticsearch for a query string
    python probe.py es-ids INDEX ID...           -> which of these document ids the index holds
    python probe.py kafka-acl PRINCIPAL SECRET TOPIC -> what the broker says to that principal
                                                  writing to TOPIC (kafka-python, SASL/SCRAM)

Standard library only, so it runs in any image with Python.
"""

from __future__ import annotations

import base64
import json
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

COUNTERS = ("parley_messages_consumed_total{", "parley_documents_indexed_total{")


def http(method: str, url: str, body: Any = None, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw, status = response.read(), response.status
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(), exc.code
    text = raw.decode(errors="replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def secret(name: str) -> str:
    with open(f"/run/secrets/{name}") as f:
        return f.read().strip()


def bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret(name)}"}


def post(articles: Any) -> Any:
    return http("POST", "http://ingest:8081/articles", articles, bearer("ingest_api_token"))


def search(query: str) -> Any:
    url = "http://search:8086/search?" + urllib.parse.urlencode({"q": query, "size": 100})
    return http("GET", url, headers=bearer("search_api_token"))


def targets() -> Any:
    _, body = http("GET", "http://prometheus:9090/api/v1/targets?state=active")
    return [
        {
            "job": t["labels"].get("job"),
            "instance": t["labels"].get("instance"),
            "health": t["health"],
            "error": t.get("lastError", ""),
        }
        for t in body["data"]["activeTargets"]
    ]


def addresses_of(service: str, port: int) -> list[str]:
    """Every replica's address, found as Prometheus finds replicas: every A record of the name."""
    return sorted({str(info[4][0]) for info in socket.getaddrinfo(service, port, type=socket.SOCK_STREAM)})


def replicas(service: str, port: int) -> Any:
    """Each replica's message counters."""
    found = {}
    for address in addresses_of(service, port):
        _, text = http("GET", f"http://{address}:{port}/metrics")
        counters = {}
        for line in str(text).splitlines():
            if line.startswith(COUNTERS):
                name, value = line.rsplit(" ", 1)
                counters[name] = float(value)
        found[address] = counters
    return found


def replica_state(service: str, port: int) -> Any:
    """Each replica's readiness and the non-zero consumer lag it exports (a stalled batch's evidence)."""
    found = {}
    for address in addresses_of(service, port):
        ready = http("GET", f"http://{address}:{port}/readyz")
        _, text = http("GET", f"http://{address}:{port}/metrics")
        lag = {}
        for line in str(text).splitlines():
            if line.startswith("parley_consumer_lag_messages{"):
                name, value = line.rsplit(" ", 1)
                if float(value):
                    labels = name[name.index("{") + 1 : -1]
                    lag[labels.replace('"', "")] = float(value)
        found[address] = {"readyz": ready, "lag": lag}
    return found


def es_count(index: str, query: str) -> Any:
    auth = base64.b64encode(f"elastic:{secret('elastic_password')}".encode()).decode()
    params = urllib.parse.urlencode({"q": query, "size": 1000, "_source": "false"})
    status, body = http(
        "GET",
        f"http://elasticsearch:9200/{index}/_search?{params}",
        headers={"Authorization": f"Basic {auth}"},
    )
    if status != 200:
        return {"status": status, "body": body}
    return {
        "status": status,
        "total": body["hits"]["total"]["value"],
        "ids": [h["_id"] for h in body["hits"]["hits"]],
    }


def es_ids(index: str, ids: list[str]) -> Any:
    auth = base64.b64encode(f"elastic:{secret('elastic_password')}".encode()).decode()
    body = {"query": {"ids": {"values": ids}}, "size": len(ids) + 10, "_source": False}
    status, answer = http(
        "POST", f"http://elasticsearch:9200/{index}/_search", body, headers={"Authorization": f"Basic {auth}"}
    )
    if status != 200:
        return {"status": status, "body": answer}
    return {"status": status, "ids": [h["_id"] for h in answer["hits"]["hits"]]}


def kafka_write(principal: str, secret_name: str, topic: str) -> Any:
    from kafka import KafkaProducer  # in the Parley image

    try:
        producer = KafkaProducer(
            bootstrap_servers="kafka:9092",
            security_protocol="SASL_PLAINTEXT",
            sasl_mechanism="SCRAM-SHA-512",
            sasl_plain_username=principal,
            sasl_plain_password=secret(secret_name),
            max_block_ms=15000,
            retries=0,
        )
    except Exception as exc:  # a failed login surfaces here
        return {"topic": topic, "outcome": "refused", "error": f"{type(exc).__name__}: {exc}"}
    try:
        producer.send(topic, key=b"compose-test", value=b"not an event").get(timeout=15)
        return {"topic": topic, "outcome": "written"}
    except Exception as exc:  # the refusal is the expected answer
        return {"topic": topic, "outcome": "refused", "error": f"{type(exc).__name__}: {exc}"}
    finally:
        producer.close(timeout=5)


def main(argv: list[str]) -> Any:
    command, args = argv[0], argv[1:]
    if command == "post":
        answers = []
        for path in args:
            with open(path) as f:
                answers.append(post(json.load(f)))
        return answers
    if command == "post-json":
        return post(json.loads(sys.stdin.read()))
    if command == "received":
        return http("GET", "http://webhook-sink:8090/received")[1]
    if command == "search":
        return search(args[0])
    if command == "targets":
        return targets()
    if command == "replicas":
        return replicas(args[0], int(args[1]))
    if command == "replica-state":
        return replica_state(args[0], int(args[1]))
    if command == "es-ids":
        return es_ids(args[0], args[1:])
    if command == "kafka-acl":
        return kafka_write(args[0], args[1], args[2])
    if command == "es-count":
        return es_count(args[0], args[1])
    raise SystemExit(f"unknown probe {command}")


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
