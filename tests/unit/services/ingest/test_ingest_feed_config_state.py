from __future__ import annotations

from pathlib import Path

import pytest

from parley.services.ingest.feed_config import FeedConfig, add_feed, load_feeds, remove_feed
from parley.services.ingest.feed_state import ImportProgress, StateStore
from parley.shared.errors import InputError


def test_feeds_file_add_list_remove(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    assert load_feeds(path) == []
    add_feed(
        path, FeedConfig.model_validate({"name": "desk", "url": "https://d.example/rss", "interval": "15m"})
    )
    add_feed(path, FeedConfig.model_validate({"name": "atom", "url": "https://a.example/atom", "interval": 90,
                                              "tags": ["x"]}))  # fmt: skip
    feeds = load_feeds(path)
    assert [(f.name, f.interval_s, f.tags) for f in feeds] == [("desk", 900.0, ()), ("atom", 90.0, ("x",))]
    with pytest.raises(InputError):
        add_feed(path, FeedConfig.model_validate({"name": "desk", "url": "https://other.example/"}))
    assert remove_feed(path, "https://d.example/rss").name == "desk"
    assert [f.name for f in load_feeds(path)] == ["atom"]


def test_bad_feeds_file_names_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n  - name: Bad Name\n    url: ftp://x\n  - name: ok\n    url: https://x.example/\n    interval: soon\n"
    )
    with pytest.raises(InputError) as caught:
        load_feeds(path)
    message = str(caught.value)
    assert "feeds[0].name" in message and "feeds[0].url" in message and "feeds[1].interval" in message


def test_state_survives_reopening_and_is_namespaced(tmp_path: Path) -> None:
    store = StateStore.in_dir(tmp_path, "ns1", items_kept=100)
    store.feed_succeeded("https://f.example/", '"v1"', "Mon, 09 Feb 2026 10:00:00 GMT", 123.0)
    for i in range(150):
        store.add_item("https://f.example/", f"item-{i}")
    store.prune_items("https://f.example/")
    store.save_import_progress("/data/a.jsonl", 10, 99, ImportProgress(5, 1))
    store.close()
    again = StateStore.in_dir(tmp_path, "ns1")
    record = again.feed("https://f.example/")
    assert (record.etag, record.next_poll_at, record.failures) == ('"v1"', 123.0, 0)
    assert again.known_items("https://f.example/", ["item-149", "item-0"]) == {"item-149"}
    assert again.import_progress("/data/a.jsonl", 10, 99) == ImportProgress(5, 1)
    assert again.import_progress("/data/a.jsonl", 11, 99) == ImportProgress()  # the file changed
    assert StateStore.in_dir(tmp_path, "ns2").feed("https://f.example/").etag is None
