"""The bad-input table of docs/reliability.md: each kind of bad input, where it arrives, what
Parley does with it, and the test that shows it. Nothing crashes, and nothing acknowledged is lost.

`tests/chaos/report.py` renders this section after the chaos table; `python -m tests.bad_input_table`
re-renders it into docs/reliability.md without a chaos run (the chaos table above it is kept), so
the committed file is what the generator writes. `tests/unit/test_bad_input_table.py` checks that
every test named here exists.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tests.fuzzing import BUDGETS, DEADLINE_MS, SCALE_LONG


@dataclass(frozen=True)
class BadInput:
    kind: str
    channel: str
    outcome: str
    test: str  # file::function, relative to the repository


_API = "tests/unit/services/ingest/test_ingest_api.py"
_BULK = "tests/unit/services/ingest/test_ingest_bulk.py"
_PARSE = "tests/unit/services/ingest/test_ingest_feed_parse.py"
_FEEDS = "tests/integration/test_ingest_feeds.py"
_DISPATCH = "tests/integration/test_dispatcher_delivery.py"

ROWS: tuple[BadInput, ...] = (
    # Ingest HTTP API
    BadInput("no or wrong bearer token", "ingest API", "401 `missing or wrong bearer token`",
             f"{_API}::test_requests_without_the_exact_token_are_401"),
    BadInput("body over `PARLEY_INGEST_MAX_REQUEST_BYTES`", "ingest API", "413 `body over N bytes`, refused while reading",
             f"{_API}::test_body_over_the_limit_is_413"),
    BadInput("invalid field in a batch (`published: yesterday`, empty title)", "ingest API",
             "422 listing each article's bad fields; nothing of the batch published",
             "tests/integration/test_ingest_service.py::test_api_auth_validation_size_and_a_batch_of_500"),
    BadInput("JSON nested 100,000 deep; an integer of 5,000 digits", "ingest API",
             "422 `invalid JSON: nested too deeply` / `… digits`", f"{_API}::test_inputs_that_used_to_answer_500_are_422_with_the_reason"),
    BadInput("datetime that overflows once converted to UTC", "ingest API", "422 `out of range once converted to UTC`",
             f"{_API}::test_inputs_that_used_to_answer_500_are_422_with_the_reason"),
    BadInput("`published` more than 2 days ahead", "ingest API", "422 `more than 2 days in the future`",
             "tests/unit/shared/test_article_input.py::test_published_may_be_at_most_two_days_ahead_of_now"),
    BadInput("URL that can't be canonicalised (`http://[::1`)", "ingest API", "422 `url: not a valid URL`",
             f"{_API}::test_inputs_that_used_to_answer_500_are_422_with_the_reason"),
    BadInput("URL without a host (`http://@/a`)", "ingest API, files",
             "422 / rejected line `url: not a valid URL (no host)` (was accepted with the id of `http:///a`)",
             "tests/unit/services/ingest/test_ingest_urls_and_guard.py::test_a_url_without_a_host_has_no_canonical_form"),
    BadInput("title or text of control characters alone", "ingest API, files",
             "422 / rejected line naming `title` or `text` (a title used to be stored empty)",
             "tests/unit/shared/test_article_input.py::test_a_title_of_control_characters_alone_is_refused"),
    BadInput("NUL or control characters in `url` or `tags`", "ingest API", "422 `must not contain … control characters`",
             f"{_API}::test_inputs_that_used_to_answer_500_are_422_with_the_reason"),
    BadInput("tags of 90 KB (an event over Kafka's cap)", "ingest API", "422 `over the cap of 100` (was 503 for ever)",
             f"{_API}::test_tags_of_the_size_found_in_review_are_422_not_503"),
    BadInput("article the broker refuses for good", "ingest API, files",
             "413 naming its index, `published` lists the rest; a rejected line in bulk import (exit 1, not 3)",
             "tests/integration/test_ingest_publisher.py::test_an_article_the_broker_refuses_is_rejected_for_good_and_the_rest_go_on"),
    BadInput("any body the OpenAPI document allows or breaks", "ingest API",
             "never 5xx; every id a 202 acknowledged is on the raw topic",
             "tests/integration/test_ingest_api_schema.py::test_no_input_gets_a_server_error_and_every_acknowledged_article_is_in_kafka"),
    # Search API
    BadInput("bad search parameters (limit 101, `from: last week`, bad cursor, unknown status)", "search API",
             "400 with the parameter named, no traceback",
             "tests/integration/test_indexer_search.py::test_search_api_auth_and_input_errors"),
    BadInput("any query the OpenAPI document allows or breaks", "search API", "never 5xx; 401 without the token",
             "tests/integration/test_search_api_schema.py::test_no_input_gets_a_server_error"),
    BadInput("markup in article text (`<img onerror>`)", "search API", "highlights escaped, only `<em>` kept",
             "tests/integration/test_search_highlights.py::test_api_highlights_are_escaped_text_with_em_tags_only"),
    # Parley Desk and the calendar feed
    BadInput("page without a session; the live list's JSON without one", "Desk",
             "303 to the sign-in page (only a `/desk/` path is returned to); 401 for JSON",
             "tests/integration/test_desk_routes.py::test_pages_send_the_sign_in_page_and_json_answers_401_without_a_session"),
    BadInput("sign-in with a forged, missing or non-ASCII CSRF token, or from another origin", "Desk",
             "403 `the form expired` (a non-ASCII token used to be a 500)",
             "tests/integration/test_desk_routes.py::test_sign_in_needs_the_token_the_form_token_and_this_origin"),
    BadInput("`from` after `to`, an unreadable `after`, 500 results a page", "Desk", "400 with the reason on the page",
             "tests/integration/test_desk_routes.py::test_a_session_opens_the_pages_and_signing_out_closes_them"),
    BadInput("calendar key mistyped, revoked or malformed", "calendar feed", "401, the same as no token",
             "tests/integration/test_desk_routes.py::test_the_calendar_takes_the_token_a_session_or_a_feed_key_and_nothing_else"),
    BadInput("`<img onerror>` and `<script>` in an article's title and text", "Desk",
             "shown as text on every page, nothing runs (checked with the CSP off)",
             "tests/browser/test_desk.py::test_planted_markup_never_runs_anywhere_it_is_shown"),
    BadInput("`javascript:` or `data:` URL in a document", "Desk, calendar feed", "no link made (http and https only)",
             "tests/unit/services/search/test_desk_views.py::test_only_http_links_reach_an_href"),
    # Files and stdin
    BadInput("empty file", "files", "rejected `empty input`, exit 1",
             "tests/unit/services/ingest/test_ingest_readers.py::test_empty_and_non_utf8_files_are_rejected"),
    BadInput("file not in UTF-8", "files", "rejected `not UTF-8 (… at byte N)`",
             "tests/unit/services/ingest/test_ingest_readers.py::test_empty_and_non_utf8_files_are_rejected"),
    BadInput("text article without the `date YYYY-MM-DD <lede>` line, a bad date or no lede", "files",
             "rejected `first line must be …` / `invalid date` / `no lede`",
             "tests/unit/shared/test_article_input.py::test_bad_text_articles_are_rejected_with_a_reason"),
    BadInput("invalid JSON line in JSONL", "files", "rejected line `invalid JSON`, the import goes on; reasons counted",
             f"{_BULK}::test_summary_counts_and_reasons"),
    BadInput("JSONL line over the article cap", "files", "rejected `over the size cap`, skipped without being held",
             f"{_BULK}::test_overlong_jsonl_line_is_skipped_without_holding_it"),
    BadInput("whole document or stdin nested too deeply / with a huge integer", "files", "rejected, the rest of stdin read",
             f"{_BULK}::test_whole_documents_and_stdin_that_used_to_crash_are_rejected"),
    BadInput("lines that once killed the import (overflow, NUL, `[::1`)", "files",
             "rejected lines; the import and `--resume` go on past them",
             f"{_BULK}::test_inputs_that_used_to_kill_the_import_are_rejected_lines_and_it_goes_on"),
    # Feeds
    BadInput("entity declarations (billion laughs, XXE)", "feeds", "feed refused `unsafe_xml`, nothing expanded",
             f"{_PARSE}::test_billion_laughs_is_refused_without_expanding"),
    BadInput("feed malformed before a DTD that declares entities", "feeds", "`unsafe_xml`, nothing expanded",
             f"{_PARSE}::test_malformed_feed_declaring_entities_is_refused_without_expanding"),
    BadInput("HTML served as RSS", "feeds", "`not_a_feed`; that feed backs off, others go on",
             f"{_PARSE}::test_html_served_as_rss_is_not_a_feed"),
    BadInput("truncated feed", "feeds", "items read are used, counted `malformed`",
             f"{_PARSE}::test_truncated_feed_keeps_the_items_it_has_and_says_so"),
    BadInput("feed or page over 5 MB; a double-gzip bomb", "feeds, pages", "`too_large`, having decoded little",
             "tests/unit/services/ingest/test_ingest_fetch.py::test_double_gzip_bomb_is_refused_having_decoded_little"),
    BadInput("corrupt, unknown or 3+ stacked content encodings", "feeds, pages", "`bad_encoding`",
             "tests/unit/services/ingest/test_ingest_fetch.py::test_corrupt_unknown_or_deeply_stacked_encodings_are_refused"),
    BadInput("server that never finishes; 404; an untitled item", "feeds",
             "`timeout` / `http_status`, that feed backs off; the item rejected `missing_title`; other feeds go on",
             f"{_FEEDS}::test_bad_feeds_each_fail_with_a_reason_and_the_good_one_goes_on"),
    BadInput("feed on a loopback address; a redirect chain", "feeds", "`blocked_address` (no request sent) / `too_many_redirects`",
             f"{_FEEDS}::test_default_settings_refuse_loopback_feeds_and_redirects_are_bounded"),
    BadInput("item dated more than 2 days ahead", "feeds", "published with the time seen, counted `future_date`",
             f"{_PARSE}::test_future_dates_are_not_trusted"),
    BadInput("escaped markup in a title (`&lt;img onerror&gt;`)", "feeds", "stored as text, the markup dropped",
             f"{_PARSE}::test_an_escaped_tag_in_an_item_title_is_not_stored_as_markup"),
    BadInput("credentials in feed and item URLs", "feeds, logs", "masked in logs and stored errors",
             f"{_FEEDS}::test_credentials_in_feed_and_item_urls_never_reach_the_logs"),
    BadInput("item the broker refuses for good", "feeds", "rejected and remembered; the feed keeps polling",
             "tests/unit/services/ingest/test_ingest_feed_poller.py::test_an_item_kafka_refuses_for_good_is_rejected_and_remembered"),
    BadInput("feeds file with bad names, URLs, intervals", "feeds", "every problem named; a running ingest keeps the last good list",
             "tests/unit/services/ingest/test_ingest_feed_config_state.py::test_bad_feeds_file_names_every_problem"),
    BadInput("any bytes as a feed", "feeds", "entries or `unsafe_xml` / `not_a_feed` / `malformed`, bounded memory",
             "tests/fuzz/test_feed_parse_properties.py::test_any_bytes_parse_or_fail_with_a_known_kind"),
    # Pages
    BadInput("item linking to a loopback page", "pages", "page not fetched (nor robots.txt); summary published `summary_only`",
             f"{_FEEDS}::test_item_linking_to_loopback_is_not_fetched_by_default"),
    BadInput("any title, text and date reaching extraction", "pages, Kafka messages", "an Extraction, never an exception",
             "tests/fuzz/test_extract_properties.py::test_any_article_gives_an_extraction"),
    # Rules
    BadInput("rules file mistakes (names, events, ranges, unknown keys, webhooks)", "rules",
             "refusal at start, exit 2: `rules.yaml:LINE: reason` for each",
             "tests/unit/services/dispatcher/test_rules.py::test_every_mistake_is_reported_with_its_line"),
    BadInput("invalid rules file at dispatcher start", "rules", "exit 2 with the line",
             f"{_DISPATCH}::test_an_invalid_rules_file_stops_the_dispatcher_with_status_2"),
    BadInput("unreadable YAML values (5,000-digit integer, `2020-13-45`, unknown tag, NUL, deep nesting)", "rules",
             "refusal at start: `rules.yaml:LINE: cannot read this value …` (was a crash)",
             "tests/unit/services/dispatcher/test_rules.py::test_unreadable_values_are_config_errors_with_a_line"),
    # Settings
    BadInput("settings typo or bad value", "settings", "exit 2 naming every bad key",
             "tests/unit/shared/test_settings.py::test_every_bad_key_is_named"),
    BadInput("ingest API token unset, empty, blank, placeholder or short", "settings", "exit 2 `PARLEY_INGEST_API_TOKEN: …`",
             "tests/integration/test_ingest_service.py::test_refuses_to_start_without_a_real_token"),
    BadInput("search API token empty, blank, placeholder or short", "settings",
             "refusal at start `PARLEY_SEARCH_API_TOKEN: …` (blank and placeholder used to pass)",
             "tests/unit/services/search/test_search_queries.py::test_search_refuses_weak_tokens_as_ingest_does"),
    BadInput("webhook secret that can't sign", "settings", "exit 2 naming the variable and the webhook",
             "tests/unit/services/alerting/test_alerting_settings.py::test_a_bad_secret_stops_the_start_naming_the_variable_and_the_webhook"),
    BadInput("webhook URL on a private address", "settings", "exit 2 `private` unless allowed",
             f"{_DISPATCH}::test_private_webhook_urls_are_refused_unless_allowed"),
    BadInput("former local-server variable names (`PARLEY_KAFKA_PORT`)", "settings", "one warning line, the service starts",
             "tests/unit/shared/test_local_server_variables.py::test_every_service_loads_with_a_former_name_and_warns"),
    # Kafka messages
    BadInput("not UTF-8, not JSON, wrong event, `v99` on every input topic", "Kafka messages",
             "dead letter with its reason (`undecodable`, `invalid`, `unsupported`) and the original bytes; the stream goes on",
             "tests/e2e/test_pipeline.py::test_poison_on_every_input_topic_is_dead_lettered_and_the_stream_goes_on"),
    BadInput("document Elasticsearch refuses (a 40 KB keyword)", "Kafka messages", "dead letter `es_rejected`; the next is indexed",
             "tests/integration/test_indexer_search.py::test_poison_and_refused_messages_are_dead_lettered_and_the_next_is_indexed"),
    BadInput("tag over 32 KB in an older event", "Kafka messages", "indexed; the tag kept but not indexed (`ignore_above`)",
             "tests/integration/test_indexer_mapping_update.py::test_an_index_made_before_tags_had_ignore_above_gets_it_at_start_and_takes_a_40kb_tag"),
    BadInput("redelivery request for an unknown alert", "Kafka messages",
             "dead letter `invalid`: `… refused: no delivery of it is recorded`",
             f"{_DISPATCH}::test_redelivery_sends_the_recorded_alert_never_the_content_carried_by_the_request"),
    # Webhooks and logs
    BadInput("webhook receiver answering 4xx", "webhooks", "alerts dead letter after the retries; the others delivered",
             f"{_DISPATCH}::test_retries_dead_letters_and_a_receiver_coming_back"),
    BadInput("malformed signature header at the demo sink", "webhooks", "400 naming the `webhook-` header",
             "tests/unit/services/webhook_sink/test_sink.py::test_a_malformed_signature_header_is_a_400_with_the_reason"),
    BadInput("URL credentials in any log value or traceback", "logs", "masked (`***`) before values are cut",
             "tests/unit/shared/test_logging.py::test_url_credentials_are_masked_in_every_value_and_traceback"),
)  # fmt: skip

HEADING = "## Bad input"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> list[str]:
    """The section's lines: the bad-input table, then the fuzzing budgets."""
    lines = [
        HEADING,
        "",
        "Each kind of bad input, where it arrives, what Parley does, and the test that shows it. None",
        "crashes a service, and nothing acknowledged is lost. Rows: `tests/bad_input_table.py`.",
        "",
        "| kind | channel | outcome | test |",
        "|---|---|---|---|",
    ]
    lines += [f"| {_cell(r.kind)} | {r.channel} | {_cell(r.outcome)} | `{r.test}` |" for r in ROWS]
    lines += [
        "",
        "### Fuzzing budgets",
        "",
        "Property-based tests (Hypothesis, schemathesis; marker `fuzz`) run with fixed seeds",
        "(`derandomize=True`, no example database), so every run tries the same inputs. `make test` runs",
        "the budgets below (under a minute of the suite on an idle 2-CPU machine, at most 3); `make fuzz`",
        f"runs {SCALE_LONG}x the examples (`PARLEY_FUZZ=long`). A pure function gets {DEADLINE_MS / 1000:.0f} s per",
        "example unless stated and must stay under its memory ceiling (tracemalloc peak); the API tests",
        "have no deadline, the time being the network's. Budgets: `tests/fuzzing.py`.",
        "",
        "| test | examples (`make test`) | deadline per example | memory ceiling |",
        "|---|---|---|---|",
    ]
    for budget in BUDGETS:
        deadline = "none" if budget.deadline_ms is None else f"{budget.deadline_ms / 1000:.0f} s"
        memory = "—" if budget.memory_mb is None else f"{budget.memory_mb} MB"
        lines.append(f"| `{budget.test}` | {budget.examples} | {deadline} | {memory} |")
    return lines


def rewrite(path: Path) -> None:
    """Put the rendered section in place of the one `path` holds (or after its text)."""
    text = path.read_text() if path.exists() else ""
    head = text.split(f"\n{HEADING}\n", 1)[0].rstrip("\n")
    path.write_text(head + "\n\n" + "\n".join(render()) + "\n")


if __name__ == "__main__":
    rewrite(
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / "docs/reliability.md"
    )
