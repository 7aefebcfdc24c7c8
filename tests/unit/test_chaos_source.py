"""The chaos suite's article source expects the alert ids alerting really gives, a pair's second
meeting included (its talks id has the index 1): a wrong expectation reads as lost alerts."""

from __future__ import annotations

from collections import defaultdict

from parley.services.alerting.talks_state import Report, decide, party_key
from parley.services.enrichment.extract import extract_article
from parley.shared.article_input import validate_article
from parley.shared.events import TalksState
from tests.chaos.harness import ArticleSource


def test_expected_alert_ids_are_those_alerting_raises_across_a_pair_coming_back() -> None:
    source = ArticleSource("unit")
    per_month = source.per_month
    # The first talks of the run, and the same pair's next meeting (two months later).
    wanted = {0, 4, per_month * 4, per_month * 4 + 4}
    source.next = 0
    planned = [source.take() for _ in range(max(wanted) + 1)]
    states: dict[str, tuple[TalksState, ...]] = defaultdict(tuple)
    for i in sorted(wanted):
        plan = planned[i]
        article = validate_article(plan.article)
        [record] = [
            r
            for r in extract_article(
                title=article.title, text=article.body, published=article.published
            ).talks
            if r.status == "announced"
        ]
        key = "|".join(party_key(record))
        report = Report(
            record,
            article.article_id,
            article.article_id,
            "src",
            article.title,
            None,
            article.published,
            article.published,
        )
        decision = decide(states[key], report)
        states[key] = decision.events
        assert [a.alert_id for a in decision.alerts] == [plan.alert_id], i
    assert (
        planned[0].article["title"].split(" to ")[0]
        == planned[per_month * 4].article["title"].split(" to ")[0]
    )
