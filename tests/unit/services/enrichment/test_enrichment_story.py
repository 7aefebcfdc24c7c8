import itertools
import json

import pytest

from parley.services.enrichment.extract import StoryIndex
from parley.services.enrichment.pipeline import StoryRequest, with_story
from parley.services.enrichment.story import Signer, StoryBook
from parley.shared.errors import InvalidEvent

BASE = (
    "Negotiators from the two neighbouring states will gather in a lakeside city next week to discuss "
    "water rights, border crossings and a long list of trade disputes that have soured relations for years, "
    "according to officials on both sides who spoke before the meeting was formally confirmed."
)


def test_near_duplicates_share_the_first_id() -> None:
    index = StoryIndex()
    assert index.assign("a", BASE) == "a"
    assert index.assign("b", BASE.replace("next week", "next Tuesday") + " Updated.") == "a"
    assert index.assign("c", "A completely different report about a football match and its goals.") == "c"
    assert index.assign("a", "anything") == "a"
    assert index.assign("empty", "") == "empty"


def test_the_index_is_bounded_and_forgets_the_oldest_stories() -> None:
    index = StoryIndex(capacity=3)
    texts = [
        f"story number {i} about completely different topic words {i * 7} {i * 13} here" for i in range(5)
    ]
    for i, text in enumerate(texts):
        index.assign(f"a{i}", text)
    assert len(index) == 3
    # The oldest article was forgotten: its near-duplicate now starts a story of its own.
    assert index.assign("copy-of-a0", texts[0]) == "copy-of-a0"
    # A recent one is still known.
    assert index.assign("copy-of-a4", texts[4]) == "a4"


COPY = BASE.replace("next week", "on Tuesday") + " This report was updated."
OTHER = (
    "The football club confirmed on Sunday that its striker signed a new contract after a season in which "
    "he scored more goals than any other player in the league, the club said in a statement."
)


def _bands(text: str) -> tuple[str, ...]:
    return Signer().band_keys(text)


def test_copies_in_any_arrival_order_share_one_story() -> None:
    arrivals = [("a", "2026-02-13T08:00:00+00:00", BASE), ("b", "2026-02-13T09:00:00+00:00", COPY),
                ("c", "2026-02-13T10:00:00+00:00", OTHER)]  # fmt: skip
    for order in itertools.permutations(arrivals):
        book = StoryBook({})
        got = {article: book.assign(article, published, _bands(text)) for article, published, text in order}
        assert got["a"] == got["b"] != got["c"], order
        assert got["c"] == "c"
        # The story keeps the id of the copy that reached the book first.
        first_copy = next(article for article, _, _ in order if article in "ab")
        assert got["a"] == first_copy


def test_a_copy_matching_two_stories_joins_the_earliest_published_then_the_smallest_id() -> None:
    # A copy that shares bands with two stories (band keys given directly: the book's rule).
    bridge = ("0:one", "1:two")
    book = StoryBook({})
    assert book.assign("late", "2026-02-13T10:00:00+00:00", ("0:one", "1:x")) == "late"
    assert book.assign("early", "2026-02-13T08:00:00+00:00", ("0:y", "1:two")) == "early"
    assert book.assign("both", "2026-02-13T11:00:00+00:00", bridge) == "early"
    tie = StoryBook({})
    tie.assign("s2", "2026-02-13T08:00:00+00:00", ("0:one", "1:x"))
    tie.assign("s1", "2026-02-13T08:00:00+00:00", ("0:y", "1:two"))
    assert tie.assign("both", "2026-02-13T11:00:00+00:00", bridge) == "s1"
    # The story's first article decides, not the copy that matched: "late" joined nothing, but a
    # copy of it published earlier still carries the story it joined.
    chain = StoryBook({})
    chain.assign("root", "2026-02-13T09:00:00+00:00", ("0:one", "1:x"))
    chain.assign("copy", "2026-02-13T07:00:00+00:00", ("0:one", "1:z"))  # joins root's story
    chain.assign("other", "2026-02-13T08:00:00+00:00", ("0:w", "1:two"))
    assert chain.assign("both", "2026-02-13T11:00:00+00:00", ("0:one", "1:two")) == "other"


def test_the_book_lives_in_its_store_so_a_new_process_gives_the_same_answers() -> None:
    store: dict[str, str] = {}
    assert StoryBook(store).assign("a", "2026-02-13", _bands(BASE)) == "a"
    restarted = StoryBook(dict(store))  # what a table recovers from its changelog
    assert restarted.assign("b", "2026-02-14", _bands(COPY)) == "a"
    assert restarted.assign("a", "2026-02-13", _bands(BASE)) == "a"  # asked again: the same answer
    assert len(restarted) == 2


def test_the_book_stays_within_its_bound() -> None:
    book = StoryBook({}, capacity=100)
    for i in range(1000):
        book.assign(
            f"x{i}", f"2026-01-01T00:{i % 60:02d}", _bands(f"unrelated story {i} " * 3 + str(i * 7919))
        )
        assert len(book) <= 110
    articles = [k for k in book.store if k.startswith("a:")]
    assert len(articles) == len(book) <= 110
    members = {a for k, v in book.store.items() if k.startswith("b:") for a in v.split()}
    assert members == {k[2:] for k in articles}  # forgotten articles leave their bands too
    assert "a:x999" in book.store and "a:x0" not in book.store


def test_a_story_request_carries_the_event_and_gets_its_story_id() -> None:
    book = StoryBook({})
    envelope = json.dumps({"id": "e1", "data": {"article_id": "b", "story_id": "b", "text": "é"}}).encode()
    book.assign("a", "2026-02-13", _bands(BASE))
    request = StoryRequest("b", "2026-02-14", _bands(COPY), envelope, ingested_at="2026-02-14T00:00:00+00:00")
    again = StoryRequest.decode(request.encode())
    assert again == request
    assert json.loads(with_story(again, book))["data"] == {"article_id": "b", "story_id": "a", "text": "é"}
    alone = StoryRequest("c", "2026-02-14", _bands(OTHER), envelope)
    assert with_story(alone, book) == envelope  # its own story: the event goes on unchanged
    with pytest.raises(InvalidEvent):
        StoryRequest.decode(b"no header")


def test_a_taken_down_article_leaves_the_book_and_its_copies_keep_their_story() -> None:
    book = StoryBook({})
    book.assign("a", "2026-02-13", _bands(BASE))
    assert book.assign("b", "2026-02-14", _bands(COPY)) == "a"
    book.forget("a")
    book.forget("never-seen")  # nothing to do
    assert book.story_of("a") is None and len(book) == 1
    assert all("a" not in v.split() for k, v in book.store.items() if k.startswith("b:"))
    # A later copy still finds the story through the copy that stayed.
    assert book.assign("c", "2026-02-15", _bands(COPY + " Later.")) == "a"


def test_an_entry_is_written_after_its_bands() -> None:
    class Recording(dict[str, str]):
        def __init__(self) -> None:
            super().__init__()
            self.order: list[str] = []

        def __setitem__(self, key: str, value: str) -> None:
            self.order.append(key)
            super().__setitem__(key, value)

    store = Recording()
    StoryBook(store).assign("a", "2026-02-13", _bands(BASE))
    assert store.order[-2:] == ["a:a", "meta"]
    assert all(key.startswith("b:") for key in store.order[:-2])
