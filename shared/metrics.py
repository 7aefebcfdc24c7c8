"""The metric catalogue every service shares (documented in docs/metrics.md).

Names follow `parley_<noun>_<unit>`; labels come from closed sets only (service, topic suffix,
stage, outcome, reason, type, rule, endpoint name) — never ids or URLs.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, Info, generate_latest

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)

BUILD_INFO = Info("parley_build", "Parley version running in this process")
MESSAGES_CONSUMED = Counter("parley_messages_consumed_total", "Kafka messages consumed", ["service", "topic"])
MESSAGES_PRODUCED = Counter("parley_messages_produced_total", "Kafka messages produced", ["service", "topic"])
MESSAGES_FAILED = Counter(
    "parley_messages_failed_total", "Messages that could not be processed", ["service", "topic", "reason"]
)
RETRIES = Counter(
    "parley_retries_total",
    "Attempts retried in-process after a transient error (the message stays unacknowledged)",
    ["service", "error"],
)
DEADLETTERED = Counter(
    "parley_deadlettered_total", "Messages sent to a dead-letter topic", ["service", "reason"]
)
PROCESSING_SECONDS = Histogram(
    "parley_processing_seconds",
    "Time spent processing one unit of work",
    ["service", "stage"],
    buckets=LATENCY_BUCKETS,
)
STAGE_LATENCY_SECONDS = Histogram(
    "parley_stage_latency_seconds",
    "Time from an article's ingest to reaching a stage (enriched, indexed, alerted, delivered)",
    ["stage"],
    buckets=LATENCY_BUCKETS,
)
KAFKA_UP = Gauge(
    "parley_kafka_up",
    "1 if the last lag round reached Kafka, 0 if it failed (set every 15 s by each consumer)",
    ["service"],
)
CONSUMER_LAG = Gauge(
    "parley_consumer_lag_messages",
    "Messages not yet consumed, per partition",
    ["service", "topic", "partition"],
)
ARTICLES_INGESTED = Counter(
    "parley_articles_ingested_total", "Articles offered to ingest, by outcome", ["channel", "outcome"]
)
FEED_POLLS = Counter(
    "parley_feed_polls_total", "Feed polls by outcome (ok, not_modified, error)", ["feed", "outcome"]
)
FEED_ITEMS = Counter(
    "parley_feed_items_total",
    "Feed items fetched, by what became of them (published, summary_only, duplicate, seen, rejected)",
    ["feed", "outcome"],
)
FEED_ERRORS = Counter("parley_feed_errors_total", "Feed and feed item problems, by kind", ["feed", "kind"])
FETCH_SECONDS = Histogram(
    "parley_fetch_seconds",
    "Outgoing HTTP fetch duration (feed, page, robots)",
    ["target"],
    buckets=LATENCY_BUCKETS,
)
FETCH_ERRORS = Counter(
    "parley_fetch_errors_total", "Outgoing HTTP fetches that failed, by kind", ["target", "kind"]
)
INGEST_REJECTED = Counter(
    "parley_ingest_rejected_total",
    "Articles rejected by ingest, by channel and reason",
    ["channel", "reason"],
)
TALKS_RECORDS = Counter("parley_talks_records_total", "Talks records extracted, by status", ["status"])
DOCUMENTS_INDEXED = Counter(
    "parley_documents_indexed_total", "Documents written to Elasticsearch", ["kind", "outcome"]
)
ES_BULK_SECONDS = Histogram(
    "parley_es_bulk_seconds", "Elasticsearch bulk request duration", buckets=LATENCY_BUCKETS
)
ES_ERRORS = Counter("parley_es_errors_total", "Elasticsearch errors", ["reason"])
ALERTS_RAISED = Counter("parley_alerts_raised_total", "Alerts published by alerting", ["type"])
ALERTS = Counter("parley_alerts_total", "Alerts matched by a subscription rule", ["type", "rule"])
ALERTS_SUPPRESSED = Counter(
    "parley_alerts_suppressed_total", "Alerts a matching rule held back", ["rule", "reason"]
)
RULES_RELOADS = Counter("parley_rules_reloads_total", "Rules file (re)loads by outcome", ["outcome"])
WEBHOOK_DELIVERIES = Counter(
    "parley_webhook_deliveries_total",
    "Webhook deliveries (alert x endpoint) by final outcome",
    ["endpoint", "outcome"],
)
WEBHOOK_ATTEMPTS = Counter(
    "parley_webhook_attempts_total", "Webhook HTTP attempts by outcome", ["endpoint", "outcome"]
)
WEBHOOK_SECONDS = Histogram(
    "parley_webhook_request_seconds", "Webhook HTTP request duration", ["endpoint"], buckets=LATENCY_BUCKETS
)
DELIVERY_LATENCY_SECONDS = Histogram(
    "parley_alert_delivery_seconds",
    "Time from an alert's publication to its 2xx at the endpoint",
    ["endpoint"],
    buckets=(*LATENCY_BUCKETS, 1800.0, 7200.0, 36000.0, 86400.0),
)
DELIVERIES_RESUMED = Counter(
    "parley_webhook_deliveries_resumed_total",
    "Unfinished deliveries picked up again after a start or rebalance",
    ["endpoint"],
)
ALERTS_RECOVERED = Counter(
    "parley_alerts_recovered_total",
    "Alerts the dispatcher's stream skipped and it read again (skipped range, stalled partition)",
    ["how"],
)
REDELIVERIES = Counter(
    "parley_webhook_redeliveries_total", "Deliveries an operator asked to send again", ["endpoint"]
)
ALERTS_DEADLETTERED = Counter(
    "parley_alerts_deadlettered_total", "Deliveries sent to alerts.deadletter", ["endpoint", "outcome"]
)
DELIVERIES_PENDING = Gauge(
    "parley_webhook_deliveries_pending", "Deliveries not yet final in this process", ["endpoint"]
)
SEARCH_REQUESTS = Counter("parley_search_requests_total", "Search API requests", ["route", "outcome"])


def set_build_info() -> None:
    try:
        version = package_version("parley")
    except PackageNotFoundError:
        version = "unknown"
    BUILD_INFO.info({"version": version})


def render() -> tuple[bytes, str]:
    return generate_latest(), CONTENT_TYPE_LATEST


def topic_label(topic: str, namespace: str) -> str:
    """The namespace-free topic name, so label values stay a closed set."""
    prefix = namespace + "."
    return topic[len(prefix) :] if topic.startswith(prefix) else "other"
